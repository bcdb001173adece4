import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Comune } from '../model/comune.entity.js';
import { Dataset } from '../model/dataset.entity.js';
import { TerritorialGrouping } from '../model/grouping.entity.js';
import { DataQualityIssue } from '../model/quality.entity.js';

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
 * the caller's transaction. Domains call it from their seed and importers. Flags that
 * stay the same are left untouched (a re-run of an import changes nothing): only the
 * flags that went away are deleted and only the new ones inserted.
 */
export async function replaceQualityFlags(
  em: EntityManager,
  domain: string,
  flags: QualityFlag[],
  codes?: string[],
): Promise<void> {
  const key = (f: (string | null)[]) => JSON.stringify(f);
  const stored = await em.execute<Record<string, string | null>[]>(
    `select pk, code, message, entity, comune_istat_code, grouping_code, dataset_id, source_note
       from data_quality_issue where domain = ?${codes ? ' and code in (select json_array_elements_text(?::json))' : ''}`,
    codes ? [domain, JSON.stringify(codes)] : [domain],
  );
  // Stored flags by value, each matched at most once.
  const byValue = new Map<string, number[]>();
  for (const r of stored) {
    const k = key([
      r.code,
      r.message,
      r.entity,
      r.comune_istat_code,
      r.grouping_code,
      r.dataset_id,
      r.source_note,
    ]);
    byValue.set(k, [...(byValue.get(k) ?? []), Number(r.pk)]);
  }
  for (const f of flags) {
    const same = byValue.get(
      key([
        f.code,
        f.message,
        f.entity,
        f.comune ?? null,
        f.territory ?? null,
        f.dataset,
        f.sourceNote ?? null,
      ]),
    );
    if (same?.length) {
      same.pop();
      continue;
    }
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
  }
  const gone = [...byValue.values()].flat();
  if (gone.length) await em.nativeDelete(DataQualityIssue, { pk: { $in: gone } });
  await em.flush();
}
