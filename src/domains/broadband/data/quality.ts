import { CURRENT_MAPPING_SQL } from '../model/mapping.entity.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The gap rows a quality refresh reads (see refreshGapFlags). */
export function gapFlagRows(em: EntityManager) {
  return em.execute<
    {
      comune: string;
      name: string;
      listed: number;
      total: number;
      residents: number | null;
      mapping: string;
      dataset: string;
    }[]
  >(
    `select n.comune_istat_code as comune, c.name, n.total, c.pop_resident2021 as residents, n.dataset_id as dataset,
            (select count(*) from coverage_observation o where o.comune_istat_code = n.comune_istat_code
               and o.mapping_code = ${CURRENT_MAPPING_SQL})::int as listed,
            ${CURRENT_MAPPING_SQL} as mapping
       from anncsu_civic_count n join comune c on c.istat_code = n.comune_istat_code
      order by 1`,
  );
}

/** Repeated gap rows (see refreshGapFlags). */
export function repeatedGapRows(em: EntityManager) {
  return em.execute<
    {
      comune: string;
      name: string;
      street: string;
      civic: string;
      n: number;
      mapping: string;
      dataset: string;
    }[]
  >(
    `select a.comune_istat_code as comune, c.name, a.street_text as street, a.civic_text as civic,
            count(*)::int as n, o.mapping_code as mapping, min(o.dataset_id) as dataset
       from coverage_observation o join civic_address a on a.pk = o.address_pk
       join comune c on c.istat_code = a.comune_istat_code
      where o.mapping_code = ${CURRENT_MAPPING_SQL}
      group by 1, 2, 3, 4, 6 having count(*) > 1 order by 1, 3, 4`,
  );
}

/** The titles of a claim's dataset and of the data checking it, the claim's first. */
export function claimDatasets(em: EntityManager, claimDataset: string, dataDataset: string) {
  return em.execute<{ id: string; title: string }[]>(
    'select id, title from dataset where id in (?, ?) order by id = ? desc',
    [claimDataset, dataDataset, claimDataset],
  );
}

/** The claims open data can check, by code. */
export function verifiableClaims(em: EntityManager) {
  return em.find(BroadbandClaim, { verifiable: true }, { orderBy: { code: 'asc' } });
}
