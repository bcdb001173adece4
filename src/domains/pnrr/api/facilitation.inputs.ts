import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { PageArgs } from '../../../common/pagination.js';
import {
  FacilitationAudience,
  FacilitationMeetingKind,
  FacilitationMeetingStatus,
} from '../model/enums.js';

/** Filter of facilitation sessions; all given conditions must hold. */
@InputType({ description: 'Filter of facilitation sessions; all given conditions must hold.' })
export class FacilitationMeetingFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only sessions in a comune of this territory (a grouping code or an ISTAT code); sessions whose comune is unknown are then left out.',
  })
  territory?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only sessions on or after this day ("upcoming from"); a date known to the month counts when any day of it qualifies.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only sessions on or before this day.',
  })
  until?: string | null;

  @Field(() => FacilitationMeetingKind, { nullable: true, description: 'Only of this kind.' })
  kind?: FacilitationMeetingKind | null;

  @Field(() => FacilitationAudience, { nullable: true, description: 'Only for this audience.' })
  audience?: FacilitationAudience | null;

  @Field(() => FacilitationMeetingStatus, { nullable: true, description: 'Only in this status.' })
  status?: FacilitationMeetingStatus | null;
}

/** Arguments of `facilitationMeetings`. */
@ArgsType()
export class FacilitationMeetingsArgs extends PageArgs {
  @Field(() => FacilitationMeetingFilter, { nullable: true, description: 'Filter.' })
  filter?: FacilitationMeetingFilter | null;
}
