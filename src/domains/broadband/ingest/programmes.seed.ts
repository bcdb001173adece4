import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readSeedJson } from '../../../common/seed-files.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { Organization } from '../../../core/model/organization.entity.js';
import type { Plan } from '../model/enums.js';
import { BroadbandProgramme } from '../model/network.entity.js';

interface ProgrammeRow {
  code: string;
  name: string;
  plan: Plan;
  operator: string | null;
  comuniReached: number;
  comuniInTerritory: number;
  units: number | null;
  civicNumbers: number | null;
  networkKm: string | null;
  maxDownloadMbps: number | null;
  description: string;
  sourceNote: string;
}

/** The published programme figures (seeds/data/broadband/programmes.json), from the press. */
export async function seedProgrammes(em: EntityManager): Promise<void> {
  const rows = readSeedJson<ProgrammeRow[]>('broadband', 'programmes.json');
  await em.upsertMany(
    BroadbandProgramme,
    rows.map((r) => ({
      ...r,
      operator: r.operator ? ref(Organization, r.operator) : null,
      dataset: ref(Dataset, 'press-broadband-consorzio-it'),
    })),
  );
}
