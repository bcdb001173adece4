import type { FilterQuery } from '@mikro-orm/core';
import { Args, ArgsType, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { Connection, findPage, key, PageArgs, readPage } from '../../common/pagination.js';
import { requireRole } from '../../access/guard.js';
import { ImportRun } from '../model/import-run.entity.js';
import { markAbortedRuns } from '../ingest/runner.js';
import { ImportOutcome } from '../model/enums.js';

/** A page of import runs. */
export const ImportRunConnection = Connection(ImportRun, 'ImportRun', 'import runs');

/** Filter of the import log. */
@InputType({ description: 'Filter of the import log (registro delle importazioni).' })
export class ImportRunFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only runs of this importer, e.g. "pnrr-grants" (npm run import lists them).',
  })
  importer?: string | null;

  @Field(() => ImportOutcome, { nullable: true, description: 'Only runs with this outcome.' })
  outcome?: ImportOutcome | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only dry runs (true) or only real runs (false).',
  })
  dryRun?: boolean | null;
}

/** Arguments of `importRuns`. */
@ArgsType()
export class ImportRunsArgs extends PageArgs {
  @Field(() => ImportRunFilter, { nullable: true, description: 'Filter.' })
  filter?: ImportRunFilter | null;
}

const IMPORTER_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The import log: every run of npm run import, for ADMIN keys. */
@Resolver(() => ImportRun)
export class ImportRunResolver {
  @Query(() => ImportRunConnection, {
    description:
      'The import log (registro delle importazioni): every run of npm run import, newest first, with its file (name, SHA-256), counts and outcome. A run whose process ended without finishing shows as ABORTED. ADMIN keys only.',
  })
  async importRuns(@Ctx() ctx: HubContext, @Args(() => ImportRunsArgs) args: ImportRunsArgs) {
    requireRole(ctx, 'The import log', 'ADMIN');
    const page = readPage(args, key('int'));
    const f = args.filter ?? {};
    const where: FilterQuery<ImportRun> = {};
    if (f.importer != null) {
      if (!IMPORTER_NAME.test(f.importer))
        throw badInput('filter.importer', 'must be an importer name such as "pnrr-grants"');
      where.importer = f.importer;
    }
    if (f.outcome) where.outcome = f.outcome;
    if (f.dryRun != null) where.dryRun = f.dryRun;
    // Runs whose process is gone are marked before they are shown.
    await markAbortedRuns(ctx.em);
    return findPage(ctx.em, ImportRun, where, { id: 'desc' }, page);
  }
}
