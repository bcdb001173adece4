import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar } from '../../common/dates.js';
import { PageArgs } from '../../common/pagination.js';
import { InitiativeKind } from '../model/enums.js';

/** Filter of initiatives; all given conditions must hold. */
@InputType({ description: 'Filter of initiatives; all given conditions must hold.' })
export class InitiativeFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only initiatives concerning a comune of this territory (grouping or ISTAT code).',
  })
  territory?: string | null;

  @Field(() => InitiativeKind, { nullable: true, description: 'Only of this kind.' })
  kind?: InitiativeKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only those this organisation takes part in (organisation code).',
  })
  organization?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only dated initiatives on or after this day (a date known to the month counts when any day of it qualifies).',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only dated initiatives on or before this day (first day of the period).',
  })
  until?: string | null;
}

/** Arguments of `initiatives`. */
@ArgsType()
export class InitiativesArgs extends PageArgs {
  @Field(() => InitiativeFilter, { nullable: true, description: 'Filter.' })
  filter?: InitiativeFilter | null;
}
