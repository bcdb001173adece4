import type { EntityManager } from '@mikro-orm/postgresql';

/** The tender lots of unknown membership (see refreshLotFlags). */
export function lotFlagRows(em: EntityManager) {
  return em.execute<
    {
      code: string;
      name: string;
      programme: string;
      participants: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select l.code, l.name, p.name as programme, p.participants_code as participants,
            l.dataset_id, l.source_note
       from programme_lot l
       join upgrade_programme p on p.code = l.programme_code
       join territorial_grouping g on g.code = l.grouping_code
      where not g.membership_known
      order by l.code`,
  );
}

/** Collection centres of unknown location per kind (see refreshCentreFlags). */
export function centreKindRows(em: EntityManager) {
  return em.execute<
    { kind: string; unknown: string; total: string; dataset_id: string; territory: string | null }[]
  >(
    `select x.kind,
            count(*) filter (where x.lat is null or x.lon is null) as unknown,
            count(*) as total,
            min(x.dataset_id) filter (where x.lat is null or x.lon is null) as dataset_id,
            min(case x.kind when 'MUNICIPAL_COLLECTION_CENTRE' then p.participants_code
                            else p.excluded_code end) as territory
       from collection_centre x
       left join lateral (select participants_code, excluded_code from upgrade_programme
                           order by code limit 1) p on true
      group by x.kind order by x.kind`,
  );
}

/** Collection centres of unknown location outside the programme (see refreshCentreFlags). */
export function unlocatedOutsideRows(em: EntityManager) {
  return em.execute<
    { pk: number; name: string; comune: string; dataset_id: string; source_note: string | null }[]
  >(
    `select x.pk, x.name, x.comune_istat_code as comune, x.dataset_id, x.source_note
       from collection_centre x
       left join lateral (select participants_code, excluded_code from upgrade_programme
                           order by code limit 1) p on true
      where (x.lat is null or x.lon is null)
        and not exists (select 1 from grouping_member m
                         where m.comune_istat_code = x.comune_istat_code
                           and m.grouping_code = case x.kind when 'MUNICIPAL_COLLECTION_CENTRE'
                                                   then p.participants_code else p.excluded_code end)
      order by x.pk`,
  );
}
