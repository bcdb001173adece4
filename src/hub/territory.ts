import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../common/errors.js';

const ISTAT = /^\d{6}$/;

/** Checks an ISTAT code argument: 6 digits, or a `BAD_USER_INPUT` naming the argument. */
export function checkIstatCode(code: string, argument = 'istatCode'): string {
  if (!ISTAT.test(code))
    throw badInput(argument, `expected a 6-digit ISTAT code such as "019035", got "${code}"`);
  return code;
}

/**
 * Resolves a `territory` argument (a grouping code or an ISTAT code) to the ISTAT codes it
 * covers, sorted. The same meaning in every summary, list filter and export.
 */
export async function resolveTerritory(
  em: EntityManager,
  territory: string,
  argument = 'territory',
): Promise<string[]> {
  if (ISTAT.test(territory)) {
    const rows = await em.execute<{ istat_code: string }[]>(
      'select istat_code from comune where istat_code = ?',
      [territory],
    );
    if (rows.length) return [territory];
  } else {
    const rows = await em.execute<{ istat_code: string | null; known: boolean }[]>(
      `select m.comune_istat_code as istat_code, true as known
         from territorial_grouping g
         left join grouping_member m on m.grouping_code = g.code
        where g.code = ? order by 1`,
      [territory],
    );
    if (rows.length) return rows.flatMap((r) => (r.istat_code ? [r.istat_code] : []));
  }
  throw badInput(
    argument,
    `"${territory}" is neither a territorial grouping code (see territorialGroupings) nor the ISTAT code of a comune`,
  );
}
