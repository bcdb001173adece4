import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';

/** Flag codes this domain raises. */
export const LOT_MEMBERSHIP_UNKNOWN = 'LOT_MEMBERSHIP_UNKNOWN';
export const CENTRE_LOCATION_UNKNOWN = 'COLLECTION_CENTRE_LOCATION_UNKNOWN';

/**
 * One flag per tender lot whose comuni are not known: an empty lot means "unknown", and a
 * user summing lots must know it. Any participant of the programme may be in the lot, so
 * the flag concerns the programme's participants: every one of them sees it.
 */
export async function refreshLotFlags(em: EntityManager): Promise<void> {
  const rows = await em.execute<
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
  const flags: QualityFlag[] = rows.map((r) => ({
    code: LOT_MEMBERSHIP_UNKNOWN,
    entity: `ProgrammeLot:${r.code}`,
    message: `${r.name} of "${r.programme}": the sources do not say which comuni form it; its empty comuni list means unknown, not none (any comune of the programme may be in it).`,
    territory: r.participants,
    dataset: r.dataset_id,
    sourceNote: r.source_note,
  }));
  await replaceQualityFlags(em, 'infrastructure', flags, [LOT_MEMBERSHIP_UNKNOWN]);
}

/**
 * One flag per kind of centre with centres of unknown location (not one per centre: the
 * same gap repeated 42 times would bury the other flags). It concerns the programme's
 * comuni of that kind (municipal centres: the participants; platforms: the comuni hosting
 * them, left out of the programme), so every one of them sees it; a centre of unknown
 * location in another comune (imported) gets a flag of its own on that comune.
 * Recomputed after every import.
 */
export async function refreshCentreFlags(em: EntityManager): Promise<void> {
  const rows = await em.execute<
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
  const outside = await em.execute<
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
  const what: Record<string, string> = {
    MUNICIPAL_COLLECTION_CENTRE: 'municipal collection centres (centri di raccolta)',
    SUPRA_MUNICIPAL_PLATFORM: 'supra-municipal platforms (piattaforme sovracomunali)',
  };
  const flags: QualityFlag[] = rows
    .filter((r) => Number(r.unknown) > 0)
    .map((r) => ({
      code: CENTRE_LOCATION_UNKNOWN,
      entity: `CollectionCentre:kind=${r.kind}`,
      territory: r.territory,
      message: `${r.unknown} of ${r.total} ${what[r.kind] ?? r.kind} have no known location: no source gives their address or coordinates (location is null). Load the register with the collection-centres importer to fill them.`,
      dataset: r.dataset_id,
    }));
  for (const c of outside)
    flags.push({
      code: CENTRE_LOCATION_UNKNOWN,
      entity: `CollectionCentre:${c.pk}`,
      comune: c.comune,
      message: `"${c.name}" has no known location: its register gives no address or coordinates (location is null).`,
      dataset: c.dataset_id,
      sourceNote: c.source_note,
    });
  await replaceQualityFlags(em, 'infrastructure', flags, [CENTRE_LOCATION_UNKNOWN]);
}
