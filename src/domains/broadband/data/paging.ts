import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../common/errors.js';
import { connectionOf, key, keysetSql, readPage } from '../../../common/pagination.js';
import { foldName } from '../../../common/text.js';
import { CivicAddress } from '../model/address.entity.js';
import { CURRENT_MAPPING_SQL } from '../model/mapping.entity.js';
import type { AddressesArgs } from '../api/inputs.js';

/** The sort key, on the index (comune, name key, type, number, exponent, pk). */
const ORDER = ['a.name_key', 'a.street_type', 'a.number', 'a.exponent', 'a.pk'];
const KEY = key('string', 'string', 'int', 'string', 'int');

/**
 * A page of a comune's civic addresses in street order, keyset-paged both ways on the
 * index (comune, name key, type, number, exponent, pk): a deep page costs what the first
 * does. `totalCount` is counted only when asked for.
 */
export async function addressPage(em: EntityManager, istatCode: string, args: AddressesArgs) {
  const page = readPage(args, KEY);
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
  const ks = keysetSql(ORDER, page);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select a.* from civic_address a ${join}
      where ${[filter, ...ks.conditions].join(' and ')}
      order by ${ks.orderBy} limit ?`,
    [...params, ...ks.params, ks.limit],
  );
  return connectionOf(
    rows.map((r) => em.map(CivicAddress, r)),
    page,
    (a) => [a.nameKey, a.streetType, a.number, a.exponent, a.pk],
    () =>
      em
        .execute<{ n: number }[]>(
          `select count(*)::int as n from civic_address a ${join} where ${filter}`,
          params,
        )
        .then((r) => r[0].n),
  );
}
