import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../hub/quality.js';

/** Flag codes this domain raises. */
export const LOT_MEMBERSHIP_UNKNOWN = 'LOT_MEMBERSHIP_UNKNOWN';
export const CENTRE_LOCATION_UNKNOWN = 'COLLECTION_CENTRE_LOCATION_UNKNOWN';

/**
 * One flag per tender lot whose comuni are not known: an empty lot means "unknown", and a
 * user summing lots must know it.
 */
export async function refreshLotFlags(em: EntityManager): Promise<void> {
  const rows = await em.execute<
    {
      code: string;
      name: string;
      programme: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select l.code, l.name, p.name as programme, l.dataset_id, l.source_note
       from programme_lot l
       join upgrade_programme p on p.code = l.programme_code
       join territorial_grouping g on g.code = l.grouping_code
      where not g.membership_known
      order by l.code`,
  );
  const flags: QualityFlag[] = rows.map((r) => ({
    code: LOT_MEMBERSHIP_UNKNOWN,
    entity: `ProgrammeLot:${r.code}`,
    message: `${r.name} of "${r.programme}": the sources do not say which comuni form it; its empty comuni list means unknown, not none.`,
    dataset: r.dataset_id,
    sourceNote: r.source_note,
  }));
  await replaceQualityFlags(em, 'infrastructure', flags, [LOT_MEMBERSHIP_UNKNOWN]);
}

/**
 * One flag per kind of centre with centres of unknown location (not one per centre: the
 * same gap repeated 42 times would bury the other flags). Recomputed after every import.
 */
export async function refreshCentreFlags(em: EntityManager): Promise<void> {
  const rows = await em.execute<
    { kind: string; unknown: string; total: string; dataset_id: string }[]
  >(
    `select kind,
            count(*) filter (where lat is null or lon is null) as unknown,
            count(*) as total,
            min(dataset_id) filter (where lat is null or lon is null) as dataset_id
       from collection_centre group by kind order by kind`,
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
      message: `${r.unknown} of ${r.total} ${what[r.kind] ?? r.kind} have no known location: no source gives their address or coordinates (location is null). Load the register with the collection-centres importer to fill them.`,
      dataset: r.dataset_id,
    }));
  await replaceQualityFlags(em, 'infrastructure', flags, [CENTRE_LOCATION_UNKNOWN]);
}
