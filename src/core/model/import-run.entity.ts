import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ImportOutcome } from './enums.js';

/**
 * One run of `npm run import`: the row is written in its own transaction when the run
 * starts (RUNNING) and completed in the import's own transaction, so the outcome is
 * committed together with the data. A RUNNING row whose process is gone (its advisory lock
 * is free) is marked ABORTED by the next run or reader. Not a `Sourced` record: it is the
 * hub's own log of its imports.
 */
@ObjectType({
  description:
    'A run of an importer (npm run import): the file, what the run did, how it ended. For ADMIN keys.',
})
@Entity({ tableName: 'import_run' })
@Index({ properties: ['importer', 'id'] })
@Check({
  name: 'import_run_ended_check',
  expression: `(outcome = 'RUNNING') = (ended_at is null)`,
})
export class ImportRun {
  [OptionalProps]?: 'outcome' | 'dryRun' | 'startedAt' | 'number';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, {
    description: 'Importer name, as given to npm run import, e.g. "pnrr-grants".',
  })
  @Property({ type: 'text' })
  importer!: string;

  @Field(() => String, { description: 'Name of the imported file, e.g. "candidature_141.csv".' })
  @Property({ type: 'text' })
  fileName!: string;

  @Field(() => String, { description: 'Absolute path of the file on the machine that ran it.' })
  @Property({ type: 'text' })
  filePath!: string;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the file (hex); null when the file could not be read.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  fileSha256?: string | null;

  @Field(() => String, {
    description: 'Encoding the file was read in: utf-8 unless the operator named another.',
  })
  @Property({ type: 'text' })
  encoding!: string;

  @Field(() => Boolean, {
    description: 'True for a dry run (--dry-run): validated and counted, nothing written.',
  })
  @Property({ type: 'boolean', default: false })
  dryRun: boolean = false;

  @Field(() => ImportOutcome, { description: 'How the run ended, or RUNNING.' })
  @Enum({ items: () => ImportOutcome, nativeEnumName: 'import_run_outcome', default: 'RUNNING' })
  outcome: ImportOutcome = ImportOutcome.RUNNING;

  @Field(() => Int, {
    nullable: true,
    description:
      'Data rows read (header excluded). Null unless the run finished (SUCCEEDED or REJECTED_ROWS).',
  })
  @Property({ type: 'integer', nullable: true })
  rowsRead?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Records inserted (for a dry run: that would have been). Null unless finished.',
  })
  @Property({ type: 'integer', nullable: true })
  inserted?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Records updated (their values changed). Null unless finished.',
  })
  @Property({ type: 'integer', nullable: true })
  updated?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows already stored with the same values. Null unless finished.',
  })
  @Property({ type: 'integer', nullable: true })
  unchanged?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows rejected (each in the report file). Null unless finished.',
  })
  @Property({ type: 'integer', nullable: true })
  rejected?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rows left out on purpose (e.g. comuni of other provinces in a national file). Null unless finished.',
  })
  @Property({ type: 'integer', nullable: true })
  skipped?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the rejections were written (CSV: line, column, code, message); null when none.',
  })
  @Property({ type: 'text', nullable: true })
  reportPath?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the run FAILED or was ABORTED; null otherwise.',
  })
  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @Field(() => DateTimeResolver, { description: 'When the run started (ISO 8601).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the run ended (for ABORTED: when that was noticed); null while RUNNING.',
  })
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;

  @Field(() => String, { description: 'Host name of the machine that ran the import.' })
  @Property({ type: 'text' })
  host!: string;

  @Field(() => Int, { description: 'Process id of the import on that machine.' })
  @Property({ type: 'integer' })
  pid!: number;

  @Field(() => String, { description: 'Operating-system user that ran the import.' })
  @Property({ type: 'text' })
  osUser!: string;

  /** The run's number, as npm run import prints it ("import run 42"). */
  @Field(() => Int, { description: 'Run number, as printed by npm run import.' })
  get number(): number {
    return this.id;
  }
}
