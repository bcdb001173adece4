import type { EntityManager } from '@mikro-orm/postgresql';
import { perRequest, type HubContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { readRows } from '../../common/read.js';
import { isIstatCode } from '../../common/keys.js';

/** Checks an ISTAT code argument: 6 digits, or a `BAD_USER_INPUT` naming the argument. */
export function checkIstatCode(code: string, argument = 'istatCode'): string {
  if (!isIstatCode(code))
    throw badInput(argument, `expected a 6-digit ISTAT code such as "019035", got "${code}"`);
  return code;
}

/** Territories already resolved in a request (each resolved once, whoever asks). */
const resolvedTerritories = (): Map<string, Promise<string[]>> => new Map();

/**
 * Resolves a `territory` argument (a grouping code or an ISTAT code) to the ISTAT codes it
 * covers, sorted. The same meaning in every summary, list filter and export. Given a
 * request's context, each territory is resolved once per request, on the lean read path.
 */
export async function resolveTerritory(
  source: EntityManager | HubContext,
  territory: string,
  argument = 'territory',
): Promise<string[]> {
  let codes: Promise<string[]> | undefined;
  if (!('loaders' in source))
    codes = resolveWith(<T>(sql: string, p: unknown[]) => source.execute<T[]>(sql, p), territory);
  else {
    const cache = perRequest(source, resolvedTerritories);
    codes = cache.get(territory);
    if (!codes) {
      codes = resolveWith(<T>(sql: string, p: unknown[]) => readRows<T>(source, sql, p), territory);
      cache.set(territory, codes);
    }
  }
  // The argument named in an error is the caller's.
  return codes.catch((e) => {
    throw territoryError(territory, argument, e);
  });
}

type Run = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const unknownTerritory = (territory: string, argument: string) =>
  badInput(
    argument,
    `"${territory}" is neither a territorial grouping code (see territorialGroupings) nor the ISTAT code of a comune`,
  );

class UnknownTerritory extends Error {}

function territoryError(territory: string, argument: string, e: unknown) {
  return e instanceof UnknownTerritory ? unknownTerritory(territory, argument) : e;
}

async function resolveWith(run: Run, territory: string): Promise<string[]> {
  if (isIstatCode(territory)) {
    const rows = await run<{ istat_code: string }>(
      'select istat_code from comune where istat_code = ?',
      [territory],
    );
    if (rows.length) return [territory];
  } else {
    const rows = await run<{ istat_code: string | null; known: boolean }>(
      `select m.comune_istat_code as istat_code, true as known
         from territorial_grouping g
         left join grouping_member m on m.grouping_code = g.code
        where g.code = ? order by 1`,
      [territory],
    );
    if (rows.length) return rows.flatMap((r) => (r.istat_code ? [r.istat_code] : []));
  }
  throw new UnknownTerritory();
}
