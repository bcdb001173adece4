import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '../../../common/money.js';
import type { Progress } from '../../../common/progress.js';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedCsv, readSeedJson, seedPath } from '../../../common/seed-files.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { seedDatasets } from '../../../core/ingest/seed.js';
import { Claim } from '../model/claim.entity.js';
import { refreshClaimFlags } from '../hooks/claim.quality.js';
import { PnrrFramework, PnrrImplementation } from '../model/framework.entity.js';
import { refreshGrantStateFlags } from '../hooks/grant.quality.js';
import { PnrrComuneKpi } from '../model/kpi.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { importGrantFile } from './grants.import.js';
import { seedProjects } from './project.seed.js';
import { ClaimTopic, ClaimWording, type PnrrImplementationMode } from '../model/enums.js';

/**
 * The current grant files with the day each version was published (its upstream commit,
 * seeds/data/pnrr/SOURCES.md: the day its states were observed), oldest first: where a
 * grant is in two files (other bodies are also in the per-measure files) the newer wins.
 */
export const GRANT_FILES: [file: string, publishedOn: string][] = [
  ['candidature_finanziate_12_cr.csv', '2023-03-04'],
  ['candidature_finanziate_143_cr.csv', '2023-10-24'],
  ['candidature_finanziate_141_cr.csv', '2025-01-09'],
  ['candidature_finanziate_144_cr.csv', '2025-03-27'],
  ['candidature_finanziate_145_cr.csv', '2026-08-12'],
  ['candidature_finanziate_131_cr.csv', '2026-08-16'],
  ['candidature_altrienti_finanziate_cr.csv', '2026-08-17'],
];
/** The file as published on the day of the press conference. */
export const SNAPSHOT_FILE = 'candidature_comuni_finanziate_cr_2022-11-17.csv';

const money = (v: string) => (v.trim() ? formatMoney(v.trim()) : null);

async function seedMeasuresAndNotices(em: EntityManager): Promise<void> {
  const avvisi = readSeedCsv('pnrr', 'avvisi.csv');
  const english = new Map(
    readSeedJson<{ code: string; englishTitle: string }[]>('pnrr', 'measures.json').map((m) => [
      m.code,
      m.englishTitle,
    ]),
  );
  const dataset = ref(Dataset, 'padigitale2026-avvisi');
  const measures = new Map<string, string>();
  for (const a of avvisi) {
    const [, code, title] = /^(\d+(?:\.\d+)*)\s+(.*)$/.exec(a.misura.trim()) ?? [];
    if (!code) throw new Error(`avvisi.csv: measure "${a.misura}" has no code`);
    measures.set(code, title);
  }
  for (const [code, title] of measures) {
    const englishTitle = english.get(code);
    if (!englishTitle)
      throw new Error(`seeds/data/pnrr/measures.json: no English title for ${code}`);
    em.create(PnrrMeasure, {
      code,
      title,
      englishTitle,
      dataset,
      sourceNote: 'avvisi.csv, column misura',
    });
  }
  for (const a of avvisi)
    em.create(PnrrNotice, {
      title: a.titolo,
      measure: ref(PnrrMeasure, /^(\d+(?:\.\d+)*)/.exec(a.misura.trim())![1]),
      opensOn: a.data_inizio_bando || null,
      closesOn: a.data_fine_bando || null,
      state: a.stato || null,
      allocatedAmount: money(a.totale_importo_stanziato),
      measureAmount: money(a.totale_importo_misura),
      targetBodies: a.soggetti_destinatari
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      dataset,
      sourceNote: 'avvisi.csv',
    });
  await em.flush();
}

function seedKpi(em: EntityManager): void {
  const dataset = ref(Dataset, 'padigitale2026-kpi-importi-per-comune');
  for (const r of readSeedCsv('pnrr', 'importi_per_comune_cr.csv'))
    em.create(PnrrComuneKpi, {
      comune: ref(Comune, r.com_istat_code),
      amount: formatMoney(r.importo_finanziamento),
      publishedOn: '2026-08-16',
      dataset,
      sourceNote: `importi_per_comune_cr.csv, "${r.name}"`,
    });
}

interface ClaimFile {
  common: {
    topic: string;
    territory: string;
    alsoComparedWith: string[];
    asOf: string;
    dataset: string;
    sourceNote: string;
  };
  /** Each claim may override the common date, dataset and source note. */
  claims: {
    code: string;
    statement: string;
    value: string;
    wording: string;
    low: string;
    high: string;
    measure: string | null;
    /** Code of the stated total this figure is a part of. */
    partOf: string | null;
    asOf?: string;
    dataset?: string;
    sourceNote?: string;
  }[];
}

function seedClaims(em: EntityManager): void {
  const { common, claims } = readSeedJson<ClaimFile>('pnrr', 'claims.json');
  const created = new Map<string, Claim>();
  const links: [part: string, total: string][] = [];
  for (const { partOf, ...c } of claims) {
    if (partOf) links.push([c.code, partOf]);
    created.set(
      c.code,
      em.create(Claim, {
        ...c,
        topic: common.topic as ClaimTopic,
        wording: c.wording as ClaimWording,
        territory: common.territory,
        alsoComparedWith: common.alsoComparedWith,
        asOf: c.asOf ?? common.asOf,
        measure: c.measure ? ref(PnrrMeasure, c.measure) : null,
        dataset: ref(Dataset, c.dataset ?? common.dataset),
        sourceNote: c.sourceNote ?? common.sourceNote,
      }),
    );
  }
  for (const [part, total] of links) {
    const whole = created.get(total);
    if (!whole) throw new Error(`claims.json: ${part} is part of unknown claim ${total}`);
    created.get(part)!.partOf = ref(whole);
  }
}

interface FrameworkFile {
  framework: Omit<PnrrFramework, 'dataset' | 'goalsDueBy'> & { dataset: string };
  implementations: {
    istatCode: string;
    mode: PnrrImplementationMode;
    note: string;
    dataset: string;
    sourceNote: string;
  }[];
}

/** How the measures work (seed-facts section 5) and how the named comuni run them. */
function seedFramework(em: EntityManager): void {
  const { framework, implementations } = readSeedJson<FrameworkFile>('pnrr', 'framework.json');
  em.create(PnrrFramework, { ...framework, dataset: ref(Dataset, framework.dataset) });
  for (const i of implementations)
    em.create(PnrrImplementation, {
      comune: ref(Comune, i.istatCode),
      mode: i.mode,
      note: i.note,
      dataset: ref(Dataset, i.dataset),
      sourceNote: i.sourceNote,
    });
}

/**
 * Loads the PNRR seed: datasets, measures and notices, the grant files through the
 * `pnrr-grants` importer's own code path, the 2022-11-17 snapshot apart, the KPI, the
 * Italia Domani projects, the press claims and their data-quality flags.
 */
export async function seedPnrr(em: EntityManager, progress?: Progress): Promise<void> {
  // Steps: the grant files, the snapshot, the projects, the claims.
  const total = GRANT_FILES.length + 3;
  const step = (done: number, note: string) => progress?.({ done, total, unit: 'steps', note });
  await seedDatasets(em, 'pnrr');
  await seedMeasuresAndNotices(em);
  for (const [i, [file, observedOn]] of GRANT_FILES.entries()) {
    const r = await importGrantFile(em, seedPath('pnrr', file), { kind: 'current', observedOn });
    if (r.rejected.length)
      throw new Error(`seeds/data/pnrr/${file}: ${r.rejected.length} rejected rows`);
    step(i + 1, file);
  }
  const snap = await importGrantFile(em, seedPath('pnrr', SNAPSHOT_FILE), {
    kind: 'snapshot',
    publishedOn: '2022-11-17',
  });
  if (snap.rejected.length)
    throw new Error(`${SNAPSHOT_FILE}: ${snap.rejected.length} rejected rows`);
  step(GRANT_FILES.length + 1, SNAPSHOT_FILE);
  seedKpi(em);
  await seedProjects(em);
  step(GRANT_FILES.length + 2, 'Italia Domani projects');
  seedClaims(em);
  seedFramework(em);
  await em.flush();
  await refreshClaimFlags(em);
  await refreshGrantStateFlags(em);
  step(total, 'claims and their data-quality flags');
}

/** The PNRR domain seed. */
export const pnrrSeed: DomainSeed = {
  name: 'pnrr',
  isSeeded: async (em) => (await em.count(PnrrMeasure)) > 0,
  run: seedPnrr,
};
