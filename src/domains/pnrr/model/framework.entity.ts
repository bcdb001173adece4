import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { PnrrImplementationMode } from './enums.js';

/**
 * How the PNRR digital measures work for the Cremasco comuni, as the press and Consorzio.IT
 * describe it (seed-facts section 5): the deadline of the goals, how the comuni run their
 * projects, and how the works are reported. One record per programme.
 */
@ObjectType('PnrrFramework', {
  description:
    'How the PNRR digital measures (PA digitale 2026) work for the Cremasco comuni, as stated by the press and Consorzio.IT: goals deadline, who runs the projects, reporting (rendicontazione).',
})
@Entity({ tableName: 'pnrr_framework' })
export class PnrrFramework extends Sourced {
  [OptionalProps]?: 'goalsDueBy';

  @Field(() => String, { description: 'Stable code, e.g. "pa-digitale-2026".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'date' })
  goalsDueOn!: string;

  @Enum({ items: () => DatePrecision })
  goalsDuePrecision!: DatePrecision;

  @Field(() => String, {
    description: 'What must be reached by then (obiettivi), in plain words.',
  })
  @Property({ type: 'text' })
  goalsNote!: string;

  @Field(() => String, {
    description:
      'Who runs the projects (application, execution, reporting): delegated to Consorzio.IT or run by the comune with its support; see `Comune.pnrr.implementation`.',
  })
  @Property({ type: 'text' })
  implementationNote!: string;

  @Field(() => String, {
    description: 'National system the works are reported in (rendicontazione), e.g. "ReGiS".',
  })
  @Property({ type: 'text' })
  reportingSystem!: string;

  @Field(() => String, { description: 'What is reported there, in plain words.' })
  @Property({ type: 'text' })
  reportingNote!: string;

  @Field(() => PreciseDate, {
    description: 'When the goals must be reached, at the precision stated (2026: YEAR).',
  })
  get goalsDueBy(): PreciseDate {
    return PreciseDate.of(this.goalsDueOn, this.goalsDuePrecision);
  }
}

/** How one comune runs its PNRR digital projects, where a source says so. */
@ObjectType('PnrrImplementation', {
  description: 'How a comune runs its PNRR digital projects, as a source states it.',
})
@Entity({ tableName: 'pnrr_implementation' })
export class PnrrImplementation extends Sourced {
  @ManyToOne({ entity: 'Comune', ref: true, primary: true })
  comune!: Ref<Comune>;

  @Field(() => PnrrImplementationMode, { description: 'How the comune runs its projects.' })
  @Enum({ items: () => PnrrImplementationMode })
  mode!: PnrrImplementationMode;

  @Field(() => String, { description: 'What the source says, in plain words.' })
  @Property({ type: 'text' })
  note!: string;
}
