import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { MaxItems } from '../../../common/limits.js';
import { PnrrBodies } from '../model/enums.js';
import type { GrantFilter } from '../data/sums.js';
import { Connection } from '../../../common/pagination.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrProject } from '../model/project.entity.js';

/**
 * The grants of a group whose state on the asOf date is not known: shared by the amount of a
 * measure and a summary row (each counts its grants in `amount`).
 */
@ObjectType()
abstract class UncertainGrants {
  @Field(() => MoneyScalar, {
    description:
      'With asOf: sum of the grants whose state on that date is not known (funded by then, renounced at an unknown date after their last observation as active), EUR: neither counted in `amount` nor left out as renounced. "0.00" without asOf or when every state is known.',
  })
  uncertainAmount!: string;

  @Field(() => Int, { description: 'Number of the grants in `uncertainAmount`.' })
  uncertainGrantCount!: number;
}

/** Amount of one measure within a comune's or territory's grants. */
@ObjectType('PnrrMeasureAmount', {
  description: 'Grants of one measure (misura): amount and count.',
})
export class PnrrMeasureAmount extends UncertainGrants {
  measureCode!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the grants counted, EUR (exact).' })
  amount!: string;

  @Field(() => Int, { description: 'Number of grants counted.' })
  grantCount!: number;
}

/** One row of `pnrrSummary`. */
@ObjectType('PnrrSummaryRow', { description: 'One group of the PNRR summary.' })
export class PnrrSummaryRow extends UncertainGrants {
  @Field(() => String, { description: 'Group key (see PnrrGroupBy).' })
  key!: string;

  @Field(() => String, { description: 'Human label of the group.' })
  label!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the grants of the group, EUR (exact).' })
  amount!: string;

  @Field(() => Int, { description: 'Number of grants of the group.' })
  grantCount!: number;
}

/** The PNRR grant summary of a territory. */
@ObjectType('PnrrSummary', { description: 'PA digitale 2026 grants of a territory, grouped.' })
export class PnrrSummary {
  @Field(() => String, { description: 'The territory asked for.' })
  territory!: string;

  @Field(() => Int, { description: 'Number of comuni the territory covers.' })
  comuneCount!: number;

  @Field(() => MoneyScalar, { description: 'Sum of every grant counted, EUR (exact).' })
  total!: string;

  @Field(() => Int, { description: 'Number of grants counted.' })
  grantCount!: number;

  @Field(() => MoneyScalar, {
    description:
      'With asOf: sum of the grants whose state on that date is not known (funded by then, renounced at an unknown date after their last observation as active), EUR: neither counted in `total` nor left out as renounced. "0.00" without asOf or when every state is known.',
  })
  uncertainAmount!: string;

  @Field(() => Int, { description: 'Number of the grants in `uncertainAmount`.' })
  uncertainGrantCount!: number;

  // One row per comune, notice (57 today), month, measure, status or kind of body.
  @MaxItems(500)
  @Field(() => [PnrrSummaryRow], { description: 'Groups, ordered by key.' })
  rows!: PnrrSummaryRow[];
}

/** A comune's PNRR section; its fields are resolved by per-request loaders. */
@ObjectType('ComunePnrr', {
  description:
    'PA digitale 2026 grants and Italia Domani projects of one comune, with the options asked for.',
})
export class ComunePnrr {
  istatCode!: string;
  filter!: GrantFilter;

  @Field(() => PnrrBodies, { description: 'Which bodies count (as asked).' })
  get bodies(): PnrrBodies {
    return this.filter.bodies;
  }

  @Field(() => DateScalar, { nullable: true, description: 'The asOf date asked, if any.' })
  get asOf(): string | null {
    return this.filter.asOf;
  }

  static of(istatCode: string, filter: GrantFilter): ComunePnrr {
    return Object.assign(new ComunePnrr(), { istatCode, filter });
  }
}

/** A page of PNRR grants. */
export const PnrrGrantConnection = Connection(PnrrGrant, 'PnrrGrant', 'PA digitale 2026 grants');
/** A page of PNRR projects. */
export const PnrrProjectConnection = Connection(PnrrProject, 'PnrrProject', 'PNRR projects');
