import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { MaxItems } from '../../../common/limits.js';
import { ReconciliationBasis } from '../model/enums.js';

/** One comparison of a claim with an open-data figure. */
@ObjectType({ description: 'A claim compared with one open-data figure.' })
export class ClaimComparison {
  @Field(() => ReconciliationBasis, { description: 'What the figure is.' })
  basis!: ReconciliationBasis;

  @Field(() => String, { description: 'Territory of the figure (grouping or ISTAT code).' })
  territory!: string;

  @Field(() => Int, { description: 'Number of comuni of the territory.' })
  comuneCount!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'The open-data figure, EUR; null when the data for it are not held.',
  })
  computed!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'computed − claimed value, EUR (negative: the data give less).',
  })
  difference!: string | null;

  @Field(() => Int, { description: 'Number of grants behind the figure.' })
  grantCount!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Grants whose state on the date is not known (renounced at an unknown date after their last observation as active), EUR: not in `computed`; the true figure lies between computed and computed + uncertainAmount. Null when the data are not held.',
  })
  uncertainAmount!: string | null;

  @Field(() => Int, { description: 'Number of the grants in `uncertainAmount`.' })
  uncertainGrantCount!: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the figure lies in the range the wording allows (low..high), whatever the state of the uncertain grants; null when the data are not held or when it depends on those grants.',
  })
  consistent!: boolean | null;

  @Field(() => String, { description: 'The figure in words.' })
  note!: string;
}

/** The reconciliation of a claim with the open data, computed at query time. */
@ObjectType({
  description:
    'A claim reconciled with the open data at query time: the primary figure is the AS_OF basis on the claim territory.',
})
export class ClaimReconciliation {
  @Field(() => String, { description: 'Territory of the primary figure (the claim territory).' })
  territory!: string;

  @Field(() => DateScalar, { description: 'Date of the comparison (the claim date).' })
  asOf!: string;

  @Field(() => MoneyScalar, {
    description:
      'What the open data give for the same territory and date (AS_OF basis, comuni as bodies), EUR.',
  })
  computed!: string;

  @Field(() => MoneyScalar, { description: 'computed − claimed value, EUR.' })
  difference!: string;

  @Field(() => MoneyScalar, {
    description:
      'Grants of the primary figure whose state on the date is not known, EUR (not in `computed`): the true figure lies between computed and computed + uncertainAmount. "0.00" when every state is known.',
  })
  uncertainAmount!: string;

  @Field(() => Int, { description: 'Number of the grants in `uncertainAmount`.' })
  uncertainGrantCount!: number;

  @Field(() => Boolean, {
    description:
      'Whether the primary figure lies in the range the wording allows whatever the state of the uncertain grants (false also when it depends on them: see the primary comparison).',
  })
  consistent!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the data contradict the claim: the AS_OF figure does not fit the wording whatever the state of the uncertain grants, and the snapshot published that day (when held) does not fit either.',
  })
  contradicted!: boolean;

  @Field(() => String, { description: 'What the comparison shows, in plain words.' })
  note!: string;

  // Each basis (4) on the claim territory and on each other territory (at most 10).
  @MaxItems(50)
  @Field(() => [ClaimComparison], {
    description:
      'Every comparison: each basis on the claim territory and on the other territories.',
  })
  comparisons!: ClaimComparison[];
}

/** How the stated parts of a claim add up against the stated total. */
@ObjectType({
  description:
    'The parts of a stated total (e.g. the per-measure figures of the press) added up and compared with the total as stated, before any open data.',
})
export class ClaimPartsSum {
  @Field(() => Int, { description: 'Number of parts.' })
  partCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of the parts as stated (their `value`), EUR.' })
  stated!: string;

  @Field(() => MoneyScalar, {
    description: "Sum of the lowest amounts the parts' wording allows, EUR.",
  })
  low!: string;

  @Field(() => MoneyScalar, {
    description: "Sum of the highest amounts the parts' wording allows, EUR.",
  })
  high!: string;

  @Field(() => MoneyScalar, {
    description:
      'stated − the total as stated, EUR (negative: the parts give less than the total).',
  })
  difference!: string;

  @Field(() => Boolean, {
    description:
      "Whether the parts can add up to the total: the range of their sum (low..high) meets the total's range.",
  })
  consistent!: boolean;

  @Field(() => String, { description: 'The comparison in plain words.' })
  note!: string;
}
