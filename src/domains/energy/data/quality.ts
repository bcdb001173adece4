import type { EntityManager } from '@mikro-orm/postgresql';

/** The fundings a quality refresh reads (see refreshFundingFlags). */
export function fundingFlagRows(em: EntityManager) {
  return em.execute<
    {
      pk: number;
      community: string;
      funder: string;
      amount: string;
      istat: string | null;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select f.pk, c.name as community, o.name as funder, f.amount::text as amount,
            case when cardinality(c.comune_istat_codes) = 1 then c.comune_istat_codes[1] end as istat,
            f.dataset_id, f.source_note
       from energy_funding f
       join energy_community c on c.code = f.community_code
       join organization o on o.code = f.funder_code
      where f.recipient_organization_code is null and f.recipient_comune_istat_code is null
      order by f.pk`,
  );
}

/** The community pairs a quality refresh reads (see refreshCommunityFlags). */
export function communityPairRows(em: EntityManager) {
  return em.execute<
    {
      code: string;
      name: string;
      other: string;
      note: string | null;
      comune: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select c.code, c.name, r.name as other, c.relation_note as note, u.comune, c.dataset_id, c.source_note
       from energy_community c
       join energy_community r on r.code = c.possibly_related_to_code
       cross join lateral unnest(c.comune_istat_codes) as u(comune)
      where u.comune = any(r.comune_istat_codes)
      order by c.code, u.comune`,
  );
}

/** The founders a quality refresh reads (see refreshCommunityFlags). */
export function founderRows(em: EntityManager) {
  return em.execute<
    {
      pk: number;
      name: string;
      province_code: string;
      community: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select f.pk, f.name, f.province_code, c.name as community, f.dataset_id, f.source_note
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where f.province_code <> 'CR' order by f.pk`,
  );
}

/** How many communities of a promoter the hub holds by name (with founders). */
export function namedCommunityCount(em: EntityManager, promoter: string) {
  return em.execute<{ named: number }[]>(
    `select count(distinct f.community_code)::int as named
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where c.promoter_code = ?`,
    [promoter],
  );
}
