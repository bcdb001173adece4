import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { EnergyCommunityStatus } from '../model/enums.js';

/** Filter of energy communities; all given conditions must hold. */
@InputType({ description: 'Filter of energy communities; all given conditions must hold.' })
export class EnergyCommunityFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only communities covering a comune of this territory (grouping or ISTAT code).',
  })
  territory?: string | null;

  @Field(() => EnergyCommunityStatus, { nullable: true, description: 'Only at this stage.' })
  status?: EnergyCommunityStatus | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only communities founded on or after this day. A founding date known to the month counts when any day of that month qualifies; communities with no known founding date are left out.',
  })
  foundedFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only communities founded on or before this day (a date known to the month counts when its first day qualifies).',
  })
  foundedUntil?: string | null;
}
