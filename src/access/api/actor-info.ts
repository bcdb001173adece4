import { Field, Int, ObjectType } from 'type-graphql';
import { ApiKeyRole } from '../model/enums.js';

/** Who did something: the API key, as it was at that moment (label and role are copied). */
@ObjectType({ description: 'The API key (chiave API) that acted, as it was then.' })
export class ActorInfo {
  @Field(() => Int, { description: 'Id of the key (see `npm run keys -- list`).' })
  keyId!: number;

  @Field(() => String, { description: 'Label of the key.' })
  label!: string;

  @Field(() => ApiKeyRole, { description: 'Role of the key.' })
  role!: ApiKeyRole;

  static of(keyId: number, label: string, role: string): ActorInfo {
    return Object.assign(new ActorInfo(), { keyId, label, role: role as ApiKeyRole });
  }
}
