import type { SearchHit, SearchProvider } from '../../common/domain.js';
import { MIN_SCORE, textScoreSql } from '../../common/search.js';
import { Comune } from '../model/comune.entity.js';
import { Organization } from '../model/organization.entity.js';

/**
 * Weight of records named after a place ("Centro di raccolta di Spino d'Adda", "CER Crema", a
 * project titled "... Spino d'Adda"): they rank just below the place itself.
 */
export const BELOW_PLACES = 0.9;

/** What {@link tableSearch} scores: a table, its key column and the text it matches. */
export interface TableSearch<T> {
  entity: new () => T;
  table: string;
  /** Primary key column (read as text). */
  keyColumn: string;
  /** SQL expression of the text matched, e.g. `name` or `name || ' ' || coalesce(site, '')`. */
  text: string;
  /** The entity's key, as the key column reads as text. */
  key: (row: T) => string;
  /** SQL condition on the table's rows (default: every row). */
  where?: string;
  /** Factor applied to every score (default 1), e.g. {@link BELOW_PLACES}. */
  weight?: number;
}

/**
 * A search provider over one table: scores its text with the shared Italian-aware scoring
 * (at least MIN_SCORE, best first) and loads the matching entities by primary key.
 */
export function tableSearch<T extends object>(s: TableSearch<T>): SearchProvider {
  const weight = s.weight ?? 1;
  return async (ctx, { folded, limit }) => {
    const em = ctx.em;
    const rows = await em.getConnection().execute<{ k: string; score: number }[]>(
      `select k, score from (select "${s.keyColumn}"::text as k, ${textScoreSql(s.text)} as score
         from "${s.table}" ${s.where ? `where ${s.where}` : ''}) t
        where score >= ? order by score desc, k limit ?`,
      [folded, folded, MIN_SCORE, limit],
    );
    const found = rows.length ? await em.find(s.entity, rows.map((r) => r.k) as never) : [];
    const byKey = new Map(found.map((f) => [s.key(f), f]));
    return rows.flatMap((r) => {
      const node = byKey.get(r.k);
      return node ? [{ node, score: Number(r.score) * weight, key: r.k } satisfies SearchHit] : [];
    });
  };
}

/** The core's own search providers: comuni and organisations. */
export const coreSearch: Record<string, SearchProvider> = {
  Comune: tableSearch({
    entity: Comune,
    table: 'comune',
    keyColumn: 'istat_code',
    text: 'name',
    key: (c) => c.istatCode,
  }),
  Organization: tableSearch({
    entity: Organization,
    table: 'organization',
    keyColumn: 'code',
    text: 'name',
    key: (o) => o.code,
  }),
};
