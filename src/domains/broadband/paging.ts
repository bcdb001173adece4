import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../common/errors.js';
import { decodeCursor, fromRows, pageSize } from '../../common/pagination.js';
import { foldName } from '../../common/text.js';
import { CivicAddress } from './address.entity.js';
import { CURRENT_MAPPING_SQL } from './mapping.entity.js';
import type { AddressesArgs } from './broadband.inputs.js';

type Key = [string, string, number, string, number];

const ORDER = 'a.name_key, a.street_type, a.number, a.exponent, a.pk';

/** Checks a decoded cursor of this connection: [name key, type, number, exponent, pk]. */
function checkKey(key: unknown[]): Key {
  const [n, t, num, e, pk] = key;
  if (
    key.length !== 5 ||
    typeof n !== 'string' ||
    typeof t !== 'string' ||
    !Number.isInteger(num) ||
    typeof e !== 'string' ||
    !Number.isInteger(pk)
  )
    throw badInput('after', 'is not a cursor returned by this connection');
  return key as Key;
}

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
  const observed = `exists (select 1 from coverage_observation o where o.address_pk = a.pk
                    and o.mapping_code = ${CURRENT_MAPPING_SQL}`;
  if (f.listed != null) where.push(`${f.listed ? '' : 'not '}${observed})`);
  if (f.category != null) {
    where.push(`${observed} and o.category = ?)`);
    params.push(f.category);
  }
  if (f.synthetic != null)
    where.push(
      `a.dataset_id ${f.synthetic ? '' : 'not '}in (select id from dataset where synthetic)`,
    );
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
  const after = args.after != null ? checkKey(decodeCursor(args.after)) : null;
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
