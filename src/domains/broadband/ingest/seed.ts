import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedJson } from '../../../common/seed-files.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { GroupingMember } from '../../../core/model/grouping.entity.js';
import { seedDatasets } from '../../../core/ingest/seed.js';
import { toShape } from '../rules/geo.js';
import { generateComune, type StreetNames } from './sample/generate.js';
import { planSample, type Calibration, type ComunePlan } from './sample/plan.js';
import { bulkLoad } from './sample/bulk.js';
import { BATCH, indexStreets, insertRows } from './sample/writer.js';
import { seedProgrammes } from './programmes.seed.js';
import { refreshBroadbandStats } from '../data/stats.js';
import { seedRealData } from './real.seed.js';

/** Dataset of the synthetic sample. */
export const SAMPLE_DATASET = 'broadband-synthetic-sample';

/** The calibration targets and the street names of the sample. */
export const calibration = () => readSeedJson<Calibration>('broadband', 'calibration.json');

const TABLES = ['civic_address', 'address_coverage', 'coverage_status_change', 'street'];

/**
 * Removes the synthetic sample: all the tables when nothing else is there, otherwise only
 * its rows (the real civic numbers and imported records stay).
 */
async function clearSample(em: EntityManager): Promise<void> {
  const [{ others }] = await em.execute<{ others: boolean }[]>(
    'select exists(select 1 from civic_address where dataset_id <> ?) as others',
    [SAMPLE_DATASET],
  );
  await em.execute('delete from white_area_network where dataset_id = ?', [SAMPLE_DATASET]);
  if (!others) {
    await em.execute(`truncate ${TABLES.join(', ')} restart identity`);
    return;
  }
  await em.execute('delete from street where dataset_id = ?', [SAMPLE_DATASET]);
  await em.execute('delete from civic_address where dataset_id = ?', [SAMPLE_DATASET]);
}

/**
 * Builds the calibrated synthetic sample `scale` times over, comune by comune, in batches
 * (one comune's rows in memory at a time), replacing any earlier sample. Opt-in (demos,
 * the benchmark): never part of the default database. The tables' secondary indexes and
 * foreign keys are dropped around the load and rebuilt once, as pg_restore does.
 */
export async function seedSample(
  em: EntityManager,
  scale = 1,
  progress?: (done: number, total: number, rows: number, phase?: string) => void,
): Promise<{ plans: ComunePlan[]; rows: number }> {
  await seedDatasets(em, 'broadband');
  const cal = calibration();
  const names = readSeedJson<StreetNames>('broadband', 'street-names.json');
  const comuni = await em.find(
    Comune,
    {},
    { populate: ['boundary'], orderBy: { istatCode: 'asc' } },
  );
  const members = new Set(
    (await em.find(GroupingMember, { grouping: cal.territory })).map(
      (m) => m.comune.unwrap().istatCode,
    ),
  );
  const plans = planSample(
    cal,
    comuni.map((c) => ({
      istatCode: c.istatCode,
      population: c.popResident2021 ?? 0,
      member: members.has(c.istatCode),
    })),
    scale,
  );
  await clearSample(em);
  const note = `synthetic sample, seed "${cal.seed}", scale ${scale}`;
  const load = async () => {
    let rows = 0;
    // Generation (here) overlaps with the previous batch's insert (in PostgreSQL).
    let pending: Promise<unknown> = Promise.resolve();
    for (const [i, c] of comuni.entries()) {
      const generated = generateComune(
        cal.seed,
        plans[i],
        {
          istatCode: c.istatCode,
          postalCode: c.postalCodes[0],
          centroid: [c.centroidLat!, c.centroidLon!],
          areaKm2: c.areaKm2 ?? 10,
          shape: toShape(c.boundary as never),
        },
        names,
      );
      for (let at = 0; at < generated.length; at += BATCH) {
        await pending;
        pending = insertRows(em, generated.slice(at, at + BATCH), SAMPLE_DATASET, note);
      }
      rows += generated.length;
      progress?.(i + 1, comuni.length, rows);
    }
    await pending;
    progress?.(comuni.length, comuni.length, rows, 'indexing the streets and the addresses');
    await indexStreets(em, 'dataset_id = ?', [SAMPLE_DATASET]);
    return rows;
  };
  const rows = await bulkLoad(em, TABLES, load);
  progress?.(comuni.length, comuni.length, rows, 'computing the coverage statistics');
  await em.execute(
    `insert into white_area_network (comune_istat_code, dataset_id, source_note, km)
     select x.comune, ?, ?, x.km from json_to_recordset(?::json) as x(comune text, km numeric)
     on conflict (comune_istat_code) do update set km = excluded.km, dataset_id = excluded.dataset_id, source_note = excluded.source_note`,
    [
      SAMPLE_DATASET,
      `SYNTHETIC: the sample's split of the ${cal.whiteAreas.networkKm} km claimed for the ${cal.territory} comuni (0 where the sample puts no white areas), scale ${scale}`,
      JSON.stringify(
        plans
          .filter((p) => members.has(p.istatCode))
          .map((p) => ({ comune: p.istatCode, km: (p.whiteCentiKm / 100).toFixed(2) })),
      ),
    ],
  );
  await seedProgrammes(em);
  await refreshBroadbandStats(em);
  await em.execute('analyze civic_address, address_coverage, coverage_status_change, street');
  return { plans, rows };
}

/**
 * The domain seed: the real data only. Infratel's 2025 mapping (through the importer of
 * `npm run import -- broadband-gaps`), the white-areas plan's state of works (through the
 * plan-status importer), the ANNCSU counts, the programmes and their press claims, and
 * the quality flags. The synthetic sample is not loaded (see `broadbandSeedCommand`).
 */
export const broadbandSeed: DomainSeed = {
  name: 'broadband',
  isSeeded: async (em) =>
    (
      await em.execute<{ x: boolean }[]>('select exists(select 1 from coverage_observation) as x')
    )[0].x,
  run: seedRealData,
};

/**
 * `npm run seed -- broadband --scale N`: adds (or replaces) the SYNTHETIC sample, N times
 * over, next to the real data. Every record says `synthetic: true`; aggregates over it say so.
 * `--remove` takes it away again.
 */
export async function broadbandSeedCommand(orm: MikroORM, args: string[]): Promise<void> {
  if (args.includes('--remove')) {
    // A database made before the real data (when the sample was loaded by default).
    await orm.em.fork().transactional(async (em) => {
      await clearSample(em);
      await refreshBroadbandStats(em);
    });
    console.log('broadband: synthetic sample removed; the real data stay');
    return;
  }
  const at = args.indexOf('--scale');
  const scale = at >= 0 ? Number(args[at + 1]) : 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 50)
    throw new Error(
      'usage: npm run seed -- broadband [--scale N | --remove]  (N an integer from 1 to 50)',
    );
  const started = Date.now();
  const { rows } = await orm.em
    .fork()
    .transactional((em) =>
      seedSample(em, scale, (done, total, n, phase) =>
        process.stderr.write(
          `\rbroadband: ${done}/${total} comuni, ${n} civic numbers${phase ? `; ${phase}` : ''}\x1b[K`,
        ),
      ),
    );
  process.stderr.write('\n');
  console.log(
    `broadband: sample at scale ${scale}: ${rows} civic numbers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
