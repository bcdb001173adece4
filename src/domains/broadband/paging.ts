import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { decodeCursor, fromRows, pageSize, type CursorPart } from '../../common/pagination.js';
import { foldName } from '../../common/text.js';
import { CivicAddress } from './address.entity.js';
import type { AddressesArgs } from './broadband.inputs.js';

type Key = [string, string, number, string, number];

const ORDER = 'a.name_key, a.street_type, a.number, a.exponent, a.pk';

/** What a cursor of this connection holds: [name key, type, number, exponent, pk]. */
const CURSOR: CursorPart[] = ['text', 'text', 'int', 'text', 'int'];

/**
 * A page of a comune's civic addresses in street order, keyset-paged on the index
 * (comune, name key, type, number, exponent, pk): a deep page costs what the first does.
 * `totalCount` is counted only when asked for.
 */
export async function addressPage(em: EntityManager, istatCode: string, args: AddressesArgs) {
  const first = pageSize(args.first);
  const where = ['a.comune_istat_code = ?'];
  const params: unknown[] = [istatCode];
  const f = args.filter ?? {};
  for (const [column, value] of [
    ['c.plan', f.plan],
    ['c.technology', f.technology],
    ['c.status', f.status],
  ] as const)
    if (value != null) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  if (f.street != null) {
    const key = foldName(f.street);
    if (!key) throw badInput('filter.street', 'must contain at least one letter or digit');
    where.push(`a.name_key like ?`);
    params.push(`%${key.replace(/[%_\\]/g, '\\$&')}%`);
  }
  const join =
    f.plan != null || f.technology != null || f.status != null
      ? 'join address_coverage c on c.address_pk = a.pk'
      : '';
  const filter = where.join(' and ');
  const after = args.after != null ? (decodeCursor(args.after, CURSOR) as Key) : null;
  const rows = await em.execute<Record<string, unknown>[]>(
    `select a.* from civic_address a ${join}
      where ${filter} ${after ? `and (${ORDER}) > (?, ?, ?, ?, ?)` : ''}
      order by ${ORDER} limit ?`,
    [...params, ...(after ?? []), first + 1],
  );
  const addresses = rows.map((r) => em.map(CivicAddress, r));
  const page = fromRows(
    addresses,
    first,
    0,
    (a) => [a.nameKey, a.streetType, a.number, a.exponent, a.pk],
    args.after,
  );
  let count: Promise<number> | undefined;
  // GraphQL reads the property only when the client selects totalCount.
  Object.defineProperty(page, 'totalCount', {
    get: () =>
      (count ??= em
        .execute<{ n: number }[]>(
          `select count(*)::int as n from civic_address a ${join} where ${filter}`,
          params,
        )
        .then((r) => r[0].n)),
  });
  return page;
}
