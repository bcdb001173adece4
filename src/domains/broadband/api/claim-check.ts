import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';
import { Source } from '../../../core/model/source.js';
import type { CheckFigures } from '../rules/claim-check.js';

/** A broadband claim checked against the open data, computed at query time. */
@ObjectType({
  description:
    'A broadband claim checked against the open data: both figures, both dates, both sources.',
})
export class BroadbandClaimCheck implements Omit<CheckFigures, 'names' | 'dataset'> {
  @Field(() => Float, { description: 'The figure the open data give for the same scope.' })
  computed!: number;

  @Field(() => Float, { description: 'computed − claimed value (positive: the data give more).' })
  difference!: number;

  @Field(() => Boolean, { description: 'Whether the open-data figure equals the claim.' })
  consistent!: boolean;

  @Field(() => String, { description: 'What the open-data figure counts, in words.' })
  basis!: string;

  @MaxItems(MAX_COMUNI)
  @Field(() => [String], {
    description: 'ISTAT codes of the comuni behind the open-data figure (e.g. fibre in the plan).',
  })
  comuni!: string[];

  @MaxItems(MAX_COMUNI)
  @Field(() => [String], {
    description:
      'ISTAT codes of the comuni of the scope left out of the figure (e.g. not in the fibre plan).',
  })
  otherComuni!: string[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the comuni behind the figure, how many have works finished (terminato); null when it does not apply.',
  })
  completed!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the open data; null when the file is not dated (see dataDateNote).',
  })
  dataAsOf!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The open data were published by this date (the figure is no later).',
  })
  dataKnownBy!: string | null;

  @Field(() => String, { description: 'What is known of the date of the open data.' })
  dataDateNote!: string;

  @Field(() => Source, { description: 'Source of the open data.' })
  source!: Source;

  @Field(() => String, {
    description: 'The comparison in plain words, with both figures, dates and sources.',
  })
  note!: string;
}
