import type { EntityManager } from '@mikro-orm/postgresql';
import type { DatePrecision } from '../../../common/dates.js';
import { upsertRows, type ImportReport } from '../../../common/importer.js';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedJson, seedPath } from '../../../common/seed-files.js';
import { foldName } from '../../../common/text.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { seedDatasets } from '../../../core/ingest/seed.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { importEnergyCommunities } from './energy-community.import.js';
import type { EnergyEventKind } from '../model/enums.js';
import { refreshCommunityFlags, refreshDeclaredCountFlag } from '../hooks/quality.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';
import { CER_CURATED_FILE, seedFounders, type CerCurated } from './founder.seed.js';
import { importFundings } from './funding.import.js';
import { EnergyEvent } from '../model/energy-event.entity.js';
import { referenceCodes } from '../../../core/data/references.js';

/** The dataset of the curated press facts (declared by the hub). */
export const PRESS = 'press-consorzio-it';

/** Shape of seeds/data/energy/events.json. */
export interface EventSeed {
  istatCode: string;
  comuneName: string;
  kind: EnergyEventKind;
  on: string;
  precision: DatePrecision;
  authorRole: string | null;
  summary: string;
  /** The community the event is about, when one. */
  community?: string | null;
  participants?: number | null;
  participantsApproximate?: boolean | null;
  /** ISTAT codes of the comuni the event was streamed to; null when not reported. */
  streamedTo?: string[] | null;
  source: string;
}

function noRejects(file: string, report: ImportReport): void {
  const r = report.rejected[0];
  if (r) throw new Error(`seeds/data/energy/${file}: line ${r.line}, ${r.column}: ${r.reason}`);
}

/** Upserts the events of events.json by comune, kind and date (a re-run changes nothing). */
async function seedEvents(em: EntityManager): Promise<void> {
  const events = readSeedJson<EventSeed[]>('energy', 'events.json');
  const comuni = new Map((await em.find(Comune, {})).map((c) => [c.istatCode, c]));
  const communities = await referenceCodes(em, EnergyCommunity, 'code');
  const where = (e: EventSeed) => `seeds/data/energy/events.json (${e.on}, ${e.comuneName})`;
  const rows = events.map((e) => {
    const comune = comuni.get(e.istatCode);
    if (!comune || foldName(comune.name) !== foldName(e.comuneName))
      throw new Error(`${where(e)}: ${e.istatCode} is not ${e.comuneName}`);
    if (e.community && !communities.has(e.community))
      throw new Error(`${where(e)}: unknown energy community ${e.community}`);
    const unknown = e.streamedTo?.find((c) => !comuni.has(c));
    if (unknown) throw new Error(`${where(e)}: unknown ISTAT code ${unknown} in streamedTo`);
    return {
      comune_istat_code: e.istatCode,
      kind: e.kind,
      on: e.on,
      precision: e.precision,
      author_role: e.authorRole,
      summary: e.summary,
      community_code: e.community ?? null,
      participant_count: e.participants ?? null,
      participant_count_approximate:
        e.participants == null ? null : Boolean(e.participantsApproximate),
      streamed_to_istat_codes: e.streamedTo ? `{${e.streamedTo.join(',')}}` : null,
      dataset_id: PRESS,
      source_note: e.source,
    };
  });
  await upsertRows(em, EnergyEvent, ['comune_istat_code', 'kind', 'on'], rows);
}

/**
 * Loads the energy communities and their fundings (through the importers), the founders of
 * the 2024–2025 CERs, the events and the flags. Every step upserts, so a database seeded by
 * an earlier release gets what was added since.
 */
export async function seedEnergy(em: EntityManager): Promise<void> {
  await seedDatasets(em, 'energy');
  const communities = 'energy_communities.csv';
  noRejects(communities, await importEnergyCommunities(em, seedPath('energy', communities)));
  noRejects('fundings.csv', await importFundings(em, seedPath('energy', 'fundings.csv')));
  await seedFounders(em);
  await seedEvents(em);
  await refreshCommunityFlags(em);
  const curated = readSeedJson<CerCurated>('energy', CER_CURATED_FILE);
  await refreshDeclaredCountFlag(em, curated.declaredCount, PRESS);
}

/** The energy seed: runs until the founders of the 2024–2025 CERs are stored. */
export const energySeed: DomainSeed = {
  name: 'energy',
  isSeeded: async (em) => (await em.count(EnergyCommunityFounder)) > 0,
  run: seedEnergy,
};
