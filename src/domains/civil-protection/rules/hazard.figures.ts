import type { Hazard, HazardLevel } from '../model/enums.js';
import { LEVELS, MEASURES, type LevelDefinition, type MeasureKey } from './hazard.levels.js';
import {
  ExposedArea,
  ExposedCount,
  ExposureBase,
  ExposureTotal,
  HazardLevelExposure,
  type FigureSource,
  type HazardFigures,
} from '../api/hazard.types.js';

/*
 * The hazard figures of a comune or of a set of comuni, from ISPRA's rows: one definition
 * for the dossier, the summaries and the exports. Counts are exact sums (null, never
 * partial, when a comune's figure is unknown). A share is ISPRA's own figure for one comune;
 * for several it is 100 × Σcount / Σbase rounded to 3 decimals as ISPRA rounds, over the
 * base ISPRA divides by (residents: legal population of the 2011 census; buildings,
 * business units, cultural heritage: ISPRA's counts), which gives ISPRA's figure back for
 * one comune. ISPRA does not publish its base of families and of area, so those shares
 * exist for one comune only.
 */

/** Dataset of the legal population 2011 (the base of the residents' shares). */
export const ISTAT_DATASET = 'istat-elenco-comuni';

/** ISPRA's figures of one level of one comune (an IdrogeoLevel row). */
export interface LevelInput {
  hazard: Hazard;
  level: HazardLevel;
  mapYear: number | null;
  areaKm2?: string | null;
  areaPercent?: number | null;
  residents?: number | null;
  residentsPercent?: number | null;
  families?: number | null;
  familiesPercent?: number | null;
  buildings?: number | null;
  buildingsPercent?: number | null;
  businessUnits?: number | null;
  businessUnitsPercent?: number | null;
  culturalHeritage?: number | null;
  culturalHeritagePercent?: number | null;
}

/** ISPRA's figures of one comune. */
export interface IdrogeoInput {
  origin: FigureSource;
  totals: Record<'buildings' | 'businessUnits' | 'culturalHeritage', number | null>;
  years: Record<MeasureKey, number | null>;
  levels: readonly LevelInput[];
}

/** What the figures of one comune are made of. */
export interface ComuneHazardInput {
  istatCode: string;
  popLegal2011: number | null;
  idrogeo: IdrogeoInput | null;
}

/** Thousandths of a km² from a decimal string such as "0.678". */
function thousandths(km2: string): number {
  const [int, frac = ''] = km2.split('.');
  return Number(int) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

/** 100 × part / whole, rounded half up to 3 decimals (ISPRA's rounding). */
export const percentOf = (part: number, whole: number) =>
  Math.round((100_000 * part) / whole) / 1000;

/** The one value all agree on, or null when they differ or are unknown. */
function common<T>(values: readonly (T | null | undefined)[]): T | null {
  const first = values[0];
  return first != null && values.every((v) => v === first) ? first : null;
}

const list = (codes: readonly string[]) =>
  codes.length > 3
    ? `${codes.slice(0, 3).join(', ')} and ${codes.length - 3} more`
    : codes.join(', ');

/** Figures of one set of comuni; `missing` are those without ISPRA figures. */
interface Scope {
  comuni: readonly ComuneHazardInput[];
  held: readonly (ComuneHazardInput & { idrogeo: IdrogeoInput })[];
  missing: readonly string[];
  origin: FigureSource;
}

/** Why a sum over the scope is unknown, or null when every comune's figures are held. */
function scopeGap(scope: Scope): string | null {
  if (!scope.comuni.length) return 'No comune of this territory is known, so nothing is summed.';
  if (scope.missing.length === 1 && scope.comuni.length === 1)
    return 'The hub holds no ISPRA IdroGEO figures for this comune.';
  if (scope.missing.length)
    return `The hub holds no ISPRA IdroGEO figures for ${scope.missing.length} of these comuni (${list(scope.missing)}), so the sum is unknown.`;
  return null;
}

/** Sums a figure over the scope; null when a comune's figure is unknown. */
function sum(
  values: readonly (number | null | undefined)[],
  codes: readonly string[],
): { value: number | null; reason: string | null } {
  const unknown = codes.filter((_, i) => values[i] == null);
  if (unknown.length)
    return {
      value: null,
      reason: `ISPRA's file leaves this figure empty for ${list(unknown)}.`,
    };
  return { value: values.reduce<number>((a, v) => a + v!, 0), reason: null };
}

function levelRow(c: { idrogeo: IdrogeoInput }, def: LevelDefinition): LevelInput | undefined {
  return c.idrogeo.levels.find((l) => l.hazard === def.hazard && l.level === def.level);
}

/** Base of a measure over the scope: the total its shares are over. */
function base(scope: Scope, key: MeasureKey): ExposureTotal {
  const gap = scopeGap(scope);
  const codes = scope.held.map((c) => c.istatCode);
  if (key === 'residents') {
    const lacking = scope.comuni.filter((c) => c.popLegal2011 == null).map((c) => c.istatCode);
    const known = scope.comuni.length > 0 && !lacking.length;
    return Object.assign<ExposureTotal, ExposureTotal>(new ExposureTotal(), {
      count: known ? scope.comuni.reduce((a, c) => a + c.popLegal2011!, 0) : null,
      dataYear: 2011,
      unknownReason: !scope.comuni.length
        ? gap
        : lacking.length
          ? `The legal population of the 2011 census is not held for ${list(lacking)}.`
          : null,
      origin: {
        datasetId: ISTAT_DATASET,
        sourceNote:
          "Legal population, ISTAT census 2011: the base of ISPRA's shares of residents (they equal 100 × residents / legal population 2011 for every comune).",
      },
    });
  }
  const years = scope.held.map((c) => c.idrogeo.years[key]);
  if (key === 'families')
    return Object.assign<ExposureTotal, ExposureTotal>(new ExposureTotal(), {
      count: null,
      dataYear: common(years),
      unknownReason:
        "ISPRA divides by the families of the 2011 census, which its file does not give (the file's count of families, 2020, is not that base).",
      origin: scope.origin,
    });
  const s = sum(
    scope.held.map((c) => c.idrogeo.totals[key]),
    codes,
  );
  return Object.assign<ExposureTotal, ExposureTotal>(new ExposureTotal(), {
    count: gap ? null : s.value,
    dataYear: common(years),
    unknownReason: gap ?? s.reason,
    origin: scope.origin,
  });
}

const WHAT: Record<MeasureKey, string> = Object.fromEntries(
  MEASURES.map((m) => [m.key, m.what]),
) as Record<MeasureKey, string>;

/** Count and share of one measure of one level over the scope. */
function exposed(
  scope: Scope,
  rows: readonly LevelInput[],
  key: MeasureKey,
  total: ExposureTotal,
): ExposedCount {
  const gap = scopeGap(scope);
  const years = scope.held.map((c) => c.idrogeo.years[key]);
  const out = Object.assign<ExposedCount, ExposedCount>(new ExposedCount(), {
    count: null,
    percent: null,
    dataYear: common(years),
    unknownReason: gap,
  });
  if (gap) return out;
  const codes = scope.held.map((c) => c.istatCode);
  const s = sum(
    rows.map((r) => r[key]),
    codes,
  );
  out.count = s.value;
  const reasons = [s.reason];
  if (scope.held.length === 1) {
    out.percent = rows[0][`${key}Percent`] ?? null;
    if (out.percent == null)
      reasons.push(
        total.count === 0
          ? `The share is undefined: ISPRA counts no ${WHAT[key]} in the comune (0 of 0).`
          : "ISPRA's file leaves the share empty for the comune.",
      );
  } else if (key === 'families') {
    reasons.push(
      'ISPRA publishes the share of families per comune only: its base (families of the 2011 census) is not in the data, so no share is computed for a set of comuni.',
    );
  } else if (s.value != null && total.count != null) {
    if (total.count === 0)
      reasons.push(
        `The share is undefined: ISPRA counts no ${WHAT[key]} in these comuni (0 of 0).`,
      );
    else out.percent = percentOf(s.value, total.count);
  } else if (s.value != null) reasons.push(`The share is unknown: ${total.unknownReason}`);
  out.unknownReason = reasons.filter(Boolean).join(' ') || null;
  return out;
}

/** Area of one level over the scope. */
function area(scope: Scope, rows: readonly LevelInput[]): ExposedArea {
  const gap = scopeGap(scope);
  const out = Object.assign<ExposedArea, ExposedArea>(new ExposedArea(), {
    km2: null,
    percent: null,
    unknownReason: gap,
  });
  if (gap) return out;
  const unknown = scope.held.filter((_, i) => rows[i].areaKm2 == null).map((c) => c.istatCode);
  const reasons: string[] = [];
  if (unknown.length) reasons.push(`ISPRA's file leaves the area empty for ${list(unknown)}.`);
  else out.km2 = rows.reduce((a, r) => a + thousandths(r.areaKm2!), 0) / 1000;
  if (scope.held.length === 1) {
    out.percent = rows[0].areaPercent ?? null;
    if (out.percent == null) reasons.push("ISPRA's file leaves the share empty for the comune.");
  } else
    reasons.push(
      'ISPRA publishes the share of area per comune only: the area it divides by is not in the data, so no share is computed for a set of comuni.',
    );
  out.unknownReason = reasons.join(' ') || null;
  return out;
}

/** The figures of one level over the scope. */
function level(scope: Scope, def: LevelDefinition, totals: ExposureBase): HazardLevelExposure {
  const found = scope.held.map((c) => levelRow(c, def));
  const lacking = scope.held.filter((_, i) => !found[i]).map((c) => c.istatCode);
  // A comune whose file row lacks this level counts as one without figures.
  const s: Scope = lacking.length
    ? {
        ...scope,
        held: scope.held.filter((_, i) => found[i]),
        missing: [...scope.missing, ...lacking],
      }
    : scope;
  const rows = found.filter((r): r is LevelInput => r != null);
  return Object.assign<HazardLevelExposure, HazardLevelExposure>(new HazardLevelExposure(), {
    hazard: def.hazard,
    level: def.level,
    code: def.code,
    label: def.label,
    mapYear: common(rows.map((r) => r.mapYear)),
    area: area(s, rows),
    residents: exposed(s, rows, 'residents', totals.residents),
    families: exposed(s, rows, 'families', totals.families),
    buildings: exposed(s, rows, 'buildings', totals.buildings),
    businessUnits: exposed(s, rows, 'businessUnits', totals.businessUnits),
    culturalHeritage: exposed(s, rows, 'culturalHeritage', totals.culturalHeritage),
    origin: s.origin,
  });
}

/**
 * The flood and landslide figures of a set of comuni (one comune for its profile).
 * `origin` is the provenance reported for sums (the ISPRA dataset and what was summed).
 */
export function hazardFigures(
  comuni: readonly ComuneHazardInput[],
  origin: FigureSource,
): Pick<HazardFigures, 'flood' | 'landslide' | 'exposureBase'> {
  const held = comuni.filter((c): c is ComuneHazardInput & { idrogeo: IdrogeoInput } =>
    Boolean(c.idrogeo),
  );
  const scope: Scope = {
    comuni,
    held,
    missing: comuni.filter((c) => !c.idrogeo).map((c) => c.istatCode),
    origin: comuni.length === 1 && held.length === 1 ? held[0].idrogeo.origin : origin,
  };
  const exposureBase = Object.assign<ExposureBase, ExposureBase>(new ExposureBase(), {
    residents: base(scope, 'residents'),
    families: base(scope, 'families'),
    buildings: base(scope, 'buildings'),
    businessUnits: base(scope, 'businessUnits'),
    culturalHeritage: base(scope, 'culturalHeritage'),
  });
  const levels = LEVELS.map((def) => level(scope, def, exposureBase));
  return {
    flood: levels.filter((l) => l.hazard === LEVELS[0].hazard),
    landslide: levels.filter((l) => l.hazard !== LEVELS[0].hazard),
    exposureBase,
  };
}
