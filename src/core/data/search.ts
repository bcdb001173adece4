import type { SearchHit, SearchProvider } from '../../common/domain.js';
import { MIN_SCORE, textScoreSql } from '../../common/search.js';
import { Comune } from '../model/comune.entity.js';
import { Organization } from '../model/organization.entity.js';

/**
 * A search provider over one table: scores `textColumn` with the shared Italian-aware
 * scoring and loads the matching entities by primary key (`keyColumn`).
 */
export function tableSearch<T extends object>(
  entity: new () => T,
  table: string,
  keyColumn: string,
  textColumn: string,
  key: (row: T) => string,
): SearchProvider {
  return async (ctx, { folded, limit }) => {
    const em = ctx.em;
    const rows = await em.getConnection().execute<{ k: string; score: number }[]>(
      `select k, score from (select "${keyColumn}"::text as k, ${textScoreSql(`"${textColumn}"`)} as score
         from "${table}") s where score >= ? order by score desc, k limit ?`,
      [folded, folded, MIN_SCORE, limit],
    );
    const found = rows.length ? await em.find(entity, rows.map((r) => r.k) as never) : [];
    const byKey = new Map(found.map((f) => [key(f), f]));
    return rows.flatMap((r) => {
      const node = byKey.get(r.k);
      return node ? [{ node, score: Number(r.score), key: r.k } satisfies SearchHit] : [];
    });
  };
}

/** The core's own search providers: comuni and organisations. */
export const coreSearch: Record<string, SearchProvider> = {
  Comune: tableSearch(Comune, 'comune', 'istat_code', 'name', (c) => c.istatCode),
  Organization: tableSearch(Organization, 'organization', 'code', 'name', (o) => o.code),
};
