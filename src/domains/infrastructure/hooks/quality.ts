import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import { centreKindRows, lotFlagRows, unlocatedOutsideRows } from '../data/quality.js';

/** Flag codes this domain raises. */
export const LOT_MEMBERSHIP_UNKNOWN = 'LOT_MEMBERSHIP_UNKNOWN';
export const CENTRE_LOCATION_UNKNOWN = 'COLLECTION_CENTRE_LOCATION_UNKNOWN';

/**
 * One flag per tender lot whose comuni are not known: an empty lot means "unknown", and a
 * user summing lots must know it. Any participant of the programme may be in the lot, so
 * the flag concerns the programme's participants: every one of them sees it.
 */
export async function refreshLotFlags(em: EntityManager): Promise<void> {
  const rows = await lotFlagRows(em);
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
  const rows = await centreKindRows(em);
  const outside = await unlocatedOutsideRows(em);
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
