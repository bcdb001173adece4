import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';

/** Filter of the change log. */
@InputType({ description: 'Filter of the change log (registro delle modifiche).' })
export class ChangeFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only changes of this comune (ISTAT code). Editors see only their comuni and domains; asking for another comune is FORBIDDEN.',
  })
  comune?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes of this domain.' })
  domain?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes of this record ("Type:key", e.g. "CivilProtectionPlan:019018").',
  })
  entity?: string | null;
}

/** Arguments of `changes`. */
@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => ChangeFilter, { nullable: true, description: 'Filter.' })
  filter?: ChangeFilter | null;
}

/** Filter of the access log. */
@InputType({ description: 'Filter of the access log (registro degli accessi).' })
export class AccessLogFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only reads of personal data of this comune (ISTAT code).',
  })
  comune?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reads by the key with this label.' })
  actor?: string | null;
}

/** Arguments of `accessLog`. */
@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => AccessLogFilter, { nullable: true, description: 'Filter.' })
  filter?: AccessLogFilter | null;
}
