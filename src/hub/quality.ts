import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Comune } from './comune.entity.js';
import { Dataset } from './dataset.entity.js';
import { TerritorialGrouping } from './grouping.entity.js';
import { DataQualityIssue } from './quality.entity.js';

/** A flag as a domain computes it. */
export interface QualityFlag {
  code: string;
  message: string;
  entity: string;
  comune?: string | null;
  /** A grouping code when the flag concerns a territory: every member comune sees it. */
  territory?: string | null;
  dataset: string;
  sourceNote?: string | null;
}

/**
 * Replaces every flag of a domain (optionally only some codes) with the given ones, in
 * the caller's transaction. Domains call it from their seed and importers.
 */
export async function replaceQualityFlags(
  em: EntityManager,
  domain: string,
  flags: QualityFlag[],
  codes?: string[],
): Promise<void> {
  await em.nativeDelete(DataQualityIssue, codes ? { domain, code: { $in: codes } } : { domain });
  for (const f of flags)
    em.create(DataQualityIssue, {
      domain,
      code: f.code,
      message: f.message,
      entity: f.entity,
      comune: f.comune ? ref(Comune, f.comune) : null,
      grouping: f.territory ? ref(TerritorialGrouping, f.territory) : null,
      dataset: ref(Dataset, f.dataset),
      sourceNote: f.sourceNote ?? null,
    });
  await em.flush();
}
