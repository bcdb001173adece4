import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DatePrecision } from '../../common/dates.js';
import type { ImportReport } from '../../common/importer.js';
import type { DomainSeed } from '../../common/seed.js';
import { readSeedJson, seedPath } from '../../common/seed-files.js';
import { foldName } from '../../common/text.js';
import { Comune } from '../../hub/comune.entity.js';
import { Dataset } from '../../hub/dataset.entity.js';
import { seedDatasets } from '../../hub/hub.seed.js';
import { EnergyCommunity } from './energy-community.entity.js';
import { importEnergyCommunities } from './energy-community.import.js';
import { EnergyEvent } from './energy-event.entity.js';
import type { EnergyEventKind } from './energy.enums.js';
import { importFundings } from './funding.import.js';

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
  source: string;
}

function noRejects(file: string, report: ImportReport): void {
  const r = report.rejected[0];
  if (r) throw new Error(`seeds/data/energy/${file}: line ${r.line}, ${r.column}: ${r.reason}`);
}

/** Loads the energy communities, their fundings (through the importers) and the events. */
export async function seedEnergy(em: EntityManager): Promise<void> {
  await seedDatasets(em, 'energy');
  const communities = 'energy_communities.csv';
  noRejects(communities, await importEnergyCommunities(em, seedPath('energy', communities)));
  noRejects('fundings.csv', await importFundings(em, seedPath('energy', 'fundings.csv')));

  const events = readSeedJson<EventSeed[]>('energy', 'events.json');
  for (const e of events) {
    const comune = await em.findOne(Comune, { istatCode: e.istatCode });
    if (!comune || foldName(comune.name) !== foldName(e.comuneName))
      throw new Error(`seeds/data/energy/events.json: ${e.istatCode} is not ${e.comuneName}`);
    em.create(EnergyEvent, {
      comune,
      kind: e.kind,
      on: e.on,
      precision: e.precision,
      authorRole: e.authorRole,
      summary: e.summary,
      dataset: ref(Dataset, PRESS),
      sourceNote: e.source,
    });
  }
  await em.flush();
}

/** The energy seed: runs when no energy community is stored. */
export const energySeed: DomainSeed = {
  name: 'energy',
  isSeeded: async (em) => (await em.count(EnergyCommunity)) > 0,
  run: seedEnergy,
};
