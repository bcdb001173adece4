import { ImportRun } from '../model/import-run.entity.js';
import { ImportRunResolver } from '../api/import-run.resolver.js';

/** Entities of the import log (`import_run`), part of the hub. */
export const importEntities = [ImportRun] as const;

/** Resolvers of the import log: `importRuns`. */
export const importResolvers = [ImportRunResolver] as const;
