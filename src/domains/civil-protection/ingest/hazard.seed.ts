import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DatePrecision } from '../../../common/dates.js';
import { readSeedCsv, readSeedJson } from '../../../common/seed-files.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import { DOMAIN } from '../model/enums.js';
import { IdrogeoComune, IdrogeoLevel, SeismicClassification } from '../model/hazard.entity.js';
import {
  DPC_DATASET,
  ISPRA_DATASET,
  LEVELS,
  MEASURES,
  type MeasureKey,
} from '../rules/hazard.levels.js';

/** seeds/data/civil-protection/hazards.json: which files, and what they do not say. */
interface HazardsConfig {
  idrogeo: { file: string; metadata: string; exposureYears: Record<MeasureKey, number> };
  seismic: { file: string; asOf: { on: string; precision: DatePrecision } };
}

type Row = Record<string, string>;
const where = (file: string, line: number, column: string) =>
  `seeds/data/civil-protection/${file}, line ${line}, column ${column}`;

/** A cell as a number (null when empty), or an error naming file, line and column. */
function numberCell(file: string, line: number, r: Row, column: string, integer: boolean) {
  const v = (r[column] ?? '').trim();
  if (v === '') return null;
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || (integer && !Number.isInteger(n)))
    throw new Error(
      `${where(file, line, column)}: "${v}" is not a ${integer ? 'whole number' : 'non-negative number'}`,
    );
  return n;
}

/** An area in km² as an exact decimal string (at most 3 decimals, as the column stores). */
function areaCell(file: string, line: number, r: Row, column: string): string | null {
  const v = (r[column] ?? '').trim();
  if (v === '') return null;
  if (!/^\d+(\.\d{1,3})?$/.test(v))
    throw new Error(`${where(file, line, column)}: "${v}" is not an area with at most 3 decimals`);
  return v;
}

/** Checks that each row names a comune of the hub by code and name, once. */
function checkComuni(file: string, rows: Row[], comuni: Map<string, string>) {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const code = r.codice_istat;
    if (comuni.get(code) !== r.comune)
      throw new Error(
        `${where(file, i + 2, 'codice_istat')}: ${code} is not the comune "${r.comune}" of the hub`,
      );
    if (seen.has(code)) throw new Error(`${where(file, i + 2, 'codice_istat')}: ${code} twice`);
    seen.add(code);
  });
}

/** Loads ISPRA IdroGEO's indicators per comune, one row and eight levels each. */
async function seedIdrogeo(em: EntityManager, conf: HazardsConfig['idrogeo'], comuni: Comune[]) {
  const { file } = conf;
  const rows = readSeedCsv(DOMAIN, file);
  checkComuni(file, rows, new Map(comuni.map((c) => [c.istatCode, c.name])));
  const years = new Map(
    readSeedCsv(DOMAIN, conf.metadata).map((m) => [m.var_id, m.year ? Number(m.year) : null]),
  );
  const mapYear = (column: string) => {
    const year = years.get(column);
    if (!year)
      throw new Error(`seeds/data/civil-protection/${conf.metadata}: no year for ${column}`);
    return year;
  };
  const flags: QualityFlag[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    const int = (column: string) => numberCell(file, line, r, column, true);
    const totals = {
      buildings: int('edf'),
      businessUnits: int('ulc'),
      culturalHeritage: int('bct'),
    };
    const indicators = em.create(IdrogeoComune, {
      comune: ref(Comune, r.codice_istat),
      ...totals,
      residentsYear: conf.exposureYears.residents,
      familiesYear: conf.exposureYears.families,
      buildingsYear: conf.exposureYears.buildings,
      businessUnitsYear: conf.exposureYears.businessUnits,
      culturalHeritageYear: conf.exposureYears.culturalHeritage,
      dataset: ref(Dataset, ISPRA_DATASET),
      sourceNote: `${file}, line ${line} (${r.comune})`,
    });
    for (const def of LEVELS) {
      const figures: Record<string, number | null> = {};
      for (const m of MEASURES) {
        figures[m.key] = int(`${m.column}_${def.column}`);
        const share = numberCell(file, line, r, `${m.column}_${def.column}_p`, false);
        // A share of a total of 0 is undefined: ISPRA writes 0, the hub stores null.
        const total = m.key in totals ? totals[m.key as keyof typeof totals] : null;
        figures[`${m.key}Percent`] = total === 0 ? null : share;
      }
      const areaPercent = numberCell(file, line, r, `area_${def.column}_p`, false);
      em.create(IdrogeoLevel, {
        indicators,
        hazard: def.hazard,
        level: def.level,
        code: def.code,
        mapYear: mapYear(`area_${def.column}`),
        areaKm2: areaCell(file, line, r, `area_${def.column}`),
        areaPercent,
        ...figures,
      });
      if (areaPercent != null && areaPercent > 100)
        flags.push({
          code: 'HAZARD_AREA_SHARE_OVER_100',
          message: `ISPRA gives ${areaPercent}% of the area of ${r.comune} as ${def.slug.split('_')[0]} hazard ${def.code} area (${r[`area_${def.column}`]} km²): more than the whole comune. The hazard map and the comune area ISPRA divides by differ slightly; read it as the whole comune, with the km² as published.`,
          entity: `Comune:${r.codice_istat}`,
          comune: r.codice_istat,
          dataset: ISPRA_DATASET,
          sourceNote: `${file}, line ${line}, column area_${def.column}_p`,
        });
    }
  });
  await em.flush();
  await replaceQualityFlags(em, DOMAIN, flags, ['HAZARD_AREA_SHARE_OVER_100']);
}

/** Loads the seismic zone of every comune. */
async function seedSeismic(em: EntityManager, conf: HazardsConfig['seismic'], comuni: Comune[]) {
  const { file } = conf;
  const rows = readSeedCsv(DOMAIN, file);
  checkComuni(file, rows, new Map(comuni.map((c) => [c.istatCode, c.name])));
  rows.forEach((r, i) => {
    const zone = (r.zona_sismica ?? '').trim().toUpperCase();
    if (!/^[1-4][A-B]?S?$/.test(zone))
      throw new Error(`${where(file, i + 2, 'zona_sismica')}: "${zone}" is not a seismic zone`);
    em.create(SeismicClassification, {
      comune: ref(Comune, r.codice_istat),
      zone,
      asOfOn: conf.asOf.on,
      asOfPrecision: conf.asOf.precision,
      dataset: ref(Dataset, DPC_DATASET),
      sourceNote: `${file}, line ${i + 2} (${r.comune})`,
    });
  });
  await em.flush();
}

/** True when the hazard data are loaded. */
export async function hazardsSeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(IdrogeoComune)) > 0 && (await em.count(SeismicClassification)) > 0;
}

/** Loads the hazards of every comune that are not loaded yet (ISPRA, DPC). */
export async function seedHazards(em: EntityManager): Promise<void> {
  const conf = readSeedJson<HazardsConfig>(DOMAIN, 'hazards.json');
  const comuni = await em.find(Comune, {});
  if (!(await em.count(IdrogeoComune))) await seedIdrogeo(em, conf.idrogeo, comuni);
  if (!(await em.count(SeismicClassification))) await seedSeismic(em, conf.seismic, comuni);
}
