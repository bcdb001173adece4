import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { ApiKeyRole } from '../model/enums.js';
import { MAX_COMUNI, MaxItems } from '../../common/limits.js';

/** The caller, as the hub sees it. */
@ObjectType({ description: 'The caller (chiamante): anonymous, or an API key with its scope.' })
export class Viewer {
  @Field(() => Boolean, { description: 'True when the request carried a valid API key.' })
  authenticated!: boolean;

  @Field(() => String, { nullable: true, description: 'Label of the key; null when anonymous.' })
  label!: string | null;

  @Field(() => ApiKeyRole, { nullable: true, description: 'Role of the key; null when anonymous.' })
  role!: ApiKeyRole | null;

  @MaxItems(MAX_COMUNI)
  @Field(() => [String], {
    description: 'ISTAT codes an EDITOR key may edit (empty for other roles).',
  })
  comuni!: string[];

  @MaxItems(10)
  @Field(() => [String], {
    description: 'Domains an EDITOR key may edit; empty means every domain.',
  })
  domains!: string[];
}

/** Who am I. */
@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller: anonymous, or the API key and its scope.' })
  viewer(@Ctx() { actor }: HubContext): Viewer {
    return actor.kind === 'key'
      ? {
          authenticated: true,
          label: actor.label,
          role: actor.role,
          comuni: actor.comuni,
          domains: actor.domains,
        }
      : { authenticated: false, label: null, role: null, comuni: [], domains: [] };
  }
}
