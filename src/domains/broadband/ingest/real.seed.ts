import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readSeedCsv, readSeedJson, seedPath } from '../../../common/seed-files.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { seedDatasets } from '../../../core/ingest/seed.js';
import { AnncsuCivicCount } from '../model/anncsu.entity.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import type { BroadbandClaimWording, ClaimUnit } from '../model/enums.js';
import { importGaps } from './gaps.import.js';
import { importPlanStatus } from './plan-status.import.js';
import { seedProgrammes } from './programmes.seed.js';
import { refreshBroadbandClaimFlags, refreshGapFlags } from '../hooks/quality.js';
import { refreshBroadbandStats } from '../data/stats.js';
import type { Progress } from '../../../common/progress.js';

/** The seed files of the real data (seeds/data/broadband/SOURCES.md). */
export const SEED_FILES = {
  gaps: 'mappatura2025_civici_non_coperti_300mbps_2028_cr.csv',
  plan: 'bul_stato_lavori_cr.csv',
  anncsu: 'anncsu_civici_per_comune_cr.csv',
};

/** Dataset of the ANNCSU counts. */
export const ANNCSU_DATASET = 'anncsu-civici-per-comune';

interface ClaimsFile {
  common: { dataset: string; statedOn: string; reportedOn: string | null; sourceNote: string };
  claims: {
    code: string;
    programme: string;
    statement: string;
    value: string;
    unit: ClaimUnit;
    wording: BroadbandClaimWording;
    outOf: number | null;
    territory: string | null;
    scope: string;
    verifiable: boolean;
    notVerifiableReason?: string;
    checkBasis?: string;
  }[];
}

/** The press figures as claims (seeds/data/broadband/claims.json). */
export async function seedClaims(em: EntityManager): Promise<void> {
  const file = readSeedJson<ClaimsFile>('broadband', 'claims.json');
  await em.upsertMany(
    BroadbandClaim,
    file.claims.map((c) => ({
      ...c,
      programme: c.programme,
      notVerifiableReason: c.notVerifiableReason ?? null,
      checkBasis: c.checkBasis ?? null,
      statedOn: file.common.statedOn,
      reportedOn: file.common.reportedOn,
      dataset: ref(Dataset, file.common.dataset),
      sourceNote: file.common.sourceNote,
    })),
  );
}

/** The ANNCSU counts of the 78 comuni that have one (the others: no row, unknown). */
export async function seedAnncsu(em: EntityManager): Promise<void> {
  const rows = readSeedCsv('broadband', SEED_FILES.anncsu);
  const known = new Set(
    (await em.execute<{ c: string }[]>('select istat_code as c from comune')).map((r) => r.c),
  );
  await em.upsertMany(
    AnncsuCivicCount,
    rows.map((r, i) => {
      if (!known.has(r.CODICE_ISTAT))
        throw new Error(`${SEED_FILES.anncsu}: line ${i + 2}: unknown comune ${r.CODICE_ISTAT}`);
      return {
        comune: r.CODICE_ISTAT,
        total: Number(r.totale),
        geocodedInside: Number(r.civico_geocodificato),
        outsideBoundary: Number(r.fuori_limite_comunale),
        fromOtherComuni: Number(r.civici_da_altri_comuni),
        dataset: ref(Dataset, ANNCSU_DATASET),
        sourceNote: `${SEED_FILES.anncsu} line ${i + 2}`,
      };
    }),
  );
}

/**
 * Loads the real broadband data through the same importers a user runs, then the flags.
 * A seed file that does not import cleanly stops the seed: nothing is half-written.
 */
export async function seedRealData(em: EntityManager, progress?: Progress): Promise<void> {
  // Steps: the curated records, Infratel's civic numbers, the plan's state of works, figures.
  const step = (done: number, note: string) => progress?.({ done, total: 4, unit: 'steps', note });
  await seedDatasets(em, 'broadband');
  await seedProgrammes(em);
  await seedClaims(em);
  await seedAnncsu(em);
  step(1, 'programmes, press claims and ANNCSU counts');
  const gaps = await importGaps(em, seedPath('broadband', SEED_FILES.gaps), (lines) =>
    step(1, `Infratel's civic numbers: ${lines} lines read`),
  );
  step(2, `Infratel's civic numbers: ${gaps.inserted + gaps.updated + gaps.unchanged} loaded`);
  const plan = await importPlanStatus(em, seedPath('broadband', SEED_FILES.plan), undefined, {
    asOf: null,
    knownBy: '2024-03-25',
    note: 'not dated by the source; published by 2024-03-25 (the day the file was committed to its origin repository), about early 2024',
  });
  for (const r of [gaps, plan])
    if (r.rejected.length || r.skipped)
      throw new Error(
        `${r.file}: ${r.rejected.length} rejected and ${r.skipped ?? 0} skipped rows in a seed file: ${r.rejected
          .slice(0, 3)
          .map((x) => `line ${x.line} ${x.column ?? ''} ${x.reason}`)
          .join('; ')}`,
      );
  step(3, "the white-areas plan's state of works");
  await refreshGapFlags(em);
  await refreshBroadbandClaimFlags(em);
  await refreshBroadbandStats(em);
  step(4, 'quality flags and figures');
}
