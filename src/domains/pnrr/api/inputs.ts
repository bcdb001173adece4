import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { PageArgs } from '../../../common/pagination.js';
import type { GrantFilter } from '../data/sums.js';
import { PnrrBodies, PnrrGroupBy } from '../model/enums.js';

const AS_OF =
  'Count the grants as they stood on this date: funded (decreed) on or before it and not renounced by then, by every dated observation (the current files with the day they were published and their status dates, and the files as published on past days, e.g. 2022-11-17). A grant no observation decides for the date (renounced at an unknown date after it was last seen active) is not guessed: it is summed in `uncertainAmount`.';
const INCLUDE_RENOUNCED =
  'Also count RENOUNCED grants (excluded by default). With asOf: every grant funded on or before the date.';
const BODIES =
  'COMUNE (default): only grants whose body is the comune itself. ALL: also schools and other bodies located in the comune.';

/** The options shared by `comune.pnrr` and `pnrrSummary`. */
@ArgsType()
export class GrantFilterArgs {
  @Field(() => PnrrBodies, { defaultValue: PnrrBodies.COMUNE, description: BODIES })
  bodies: PnrrBodies = PnrrBodies.COMUNE;

  @Field(() => Boolean, { defaultValue: false, description: INCLUDE_RENOUNCED })
  includeRenounced: boolean = false;

  @Field(() => DateScalar, { nullable: true, description: AS_OF })
  asOf?: Date | string | null;
}

/** Normalises the shared options into a filter ("YYYY-MM-DD" dates). */
export function toGrantFilter(a: GrantFilterArgs): GrantFilter {
  return {
    bodies: a.bodies ?? PnrrBodies.COMUNE,
    includeRenounced: a.includeRenounced ?? false,
    asOf: isoDate(a.asOf),
  };
}

/** A Date scalar value as "YYYY-MM-DD" (graphql-scalars parses it to a Date at UTC midnight). */
export const isoDate = (v: Date | string | null | undefined): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** Arguments of `pnrrSummary`. */
@ArgsType()
export class PnrrSummaryArgs extends GrantFilterArgs {
  @Field(() => String, {
    description: 'A grouping code (e.g. "area-omogenea-cremasca") or an ISTAT code.',
  })
  territory!: string;

  @Field(() => PnrrGroupBy, { defaultValue: PnrrGroupBy.MEASURE, description: 'Grouping of rows.' })
  groupBy: PnrrGroupBy = PnrrGroupBy.MEASURE;
}

/** Filter of `pnrrProjects`; all given conditions must hold. */
@InputType({ description: 'Filter of PNRR projects; all given conditions must hold.' })
export class PnrrProjectFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only projects located in this comune (ISTAT code).',
  })
  comune?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only projects located in this territory (grouping code or ISTAT code).',
  })
  territory?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only projects of this PA digitale 2026 measure, e.g. "1.4.3".',
  })
  measure?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Title, summary or implementing body contains this text (case-insensitive).',
  })
  text?: string | null;
}

/** Arguments of `pnrrProjects`. */
@ArgsType()
export class PnrrProjectsArgs extends PageArgs {
  @Field(() => PnrrProjectFilter, { nullable: true, description: 'Filter.' })
  filter?: PnrrProjectFilter | null;
}
