import type { EntityManager } from '@mikro-orm/postgresql';
import { basename } from 'node:path';
import {
  importCsv,
  type Importer,
  type ImportReport,
  inTransaction,
  RowError,
  upsertRows,
} from '../../../common/importer.js';
import { foldName } from '../../../common/text.js';
import { PLAN_STATE_WORDS, type PlanWorkState } from '../model/enums.js';
import { loadComuneNames } from './gaps.import.js';
import { PROVINCE, SKIP } from './gaps-row.js';
import { readHeader, type ComuneNames } from './layout.js';
import { refreshBroadbandClaimFlags } from '../hooks/quality.js';
import { BroadbandPlanStatus } from '../model/plan-status.entity.js';

/** Dataset of the plan's state of works. */
export const PLAN_DATASET = 'bul-stato-lavori';

/** Columns of the BUL file (national layout; the hub's copy adds codice_istat and nota). */
const COLUMNS = {
  province: 'Provincia',
  place: 'Citta',
  fibreState: 'Stato Fibra',
  fwaState: 'Stato FWA',
  pcnRoute: 'PCN_route',
  pcnName: 'Nome sede PCN',
  fibre: 'Fibra',
  fwa: 'FWA',
  fibreYear: 'Piano fibra (anno)',
  fwaYear: 'Piano FWA (anno)',
};

/** One parsed row of the plan file. */
interface PlanRow {
  comune: string;
  place: string;
  fibreInPlan: boolean;
  fibreState: PlanWorkState | null;
  fibreStateText: string | null;
  fibrePlanYear: number | null;
  fwaInPlan: boolean;
  fwaState: PlanWorkState | null;
  fwaStateText: string | null;
  fwaPlanYear: number | null;
  pcnRoute: string | null;
  pcnName: string | null;
  note: string | null;
  sourceNote: string;
}

/** What is known of the date of a plan file, recorded on each of its rows. */
export interface PlanDate {
  asOf: string | null;
  knownBy: string | null;
  note: string;
}

/** The date of a file from its name (…_YYYY-MM-DD.csv), or unknown. */
function dateOf(file: string): PlanDate {
  const day = /(\d{4}-\d{2}-\d{2})\.csv$/i.exec(basename(file))?.[1] ?? null;
  return day
    ? { asOf: day, knownBy: day, note: `dated ${day} by its file name (${basename(file)})` }
    : {
        asOf: null,
        knownBy: null,
        note: `not dated: the file (${basename(file)}) states no date and its name carries none`,
      };
}

const flag = (v: string, column: string): boolean => {
  if (v === '1') return true;
  if (v === '0' || v === '') return false;
  throw new RowError(column, `must be 1 (in the plan) or 0, got "${v}"`);
};
const year = (v: string, column: string): number | null => {
  if (!v) return null;
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 2010 || n > 2040)
    throw new RowError(column, `must be a year such as 2021, got "${v}"`);
  return n;
};
const state = (v: string, column: string): PlanWorkState | null => {
  if (!v) return null;
  const s = PLAN_STATE_WORDS[v.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (!s)
    throw new RowError(
      column,
      `"${v}" is not a state of works of the plan (${Object.keys(PLAN_STATE_WORDS).join(', ')})`,
    );
  return s;
};

/** Parses a row: other provinces skipped; the place matched to a comune (or a former one). */
function planParser(file: string, names: ComuneNames, istatColumn: string | null) {
  const seen = new Map<string, number>();
  const note = basename(file);
  return (r: Record<string, string>, line: number): PlanRow | typeof SKIP => {
    const v = (c: string) => (r[c] ?? '').trim();
    if (!PROVINCE.names.includes(foldName(v(COLUMNS.province)))) return SKIP;
    const place = v(COLUMNS.place).replace(/\s+/g, ' ');
    const byName = names.byName.get(foldName(place));
    let comune: string;
    if (istatColumn && v(istatColumn)) {
      const code = v(istatColumn).padStart(6, '0');
      if (!names.byCode.has(code))
        throw new RowError(
          istatColumn,
          `"${v(istatColumn)}" is not the ISTAT code of a comune of the province`,
        );
      if (byName !== code)
        throw new RowError(
          COLUMNS.place,
          `"${place}" is neither comune ${code} (${names.byCode.get(code)!.name}) nor a former comune merged into it`,
        );
      comune = code;
    } else {
      if (!byName)
        throw new RowError(
          COLUMNS.place,
          `"${place}" is not a comune (or former comune) of the province of Cremona`,
        );
      comune = byName;
    }
    const key = `${comune}|${foldName(place)}`;
    if (seen.has(key))
      throw new RowError(COLUMNS.place, `"${place}" already given on line ${seen.get(key)}`);
    seen.set(key, line);
    const nota = r.nota?.trim() || null;
    return {
      comune,
      place,
      fibreInPlan: flag(v(COLUMNS.fibre), COLUMNS.fibre),
      fibreState: state(v(COLUMNS.fibreState), COLUMNS.fibreState),
      fibreStateText: v(COLUMNS.fibreState) || null,
      fibrePlanYear: year(v(COLUMNS.fibreYear), COLUMNS.fibreYear),
      fwaInPlan: flag(v(COLUMNS.fwa), COLUMNS.fwa),
      fwaState: state(v(COLUMNS.fwaState), COLUMNS.fwaState),
      fwaStateText: v(COLUMNS.fwaState) || null,
      fwaPlanYear: year(v(COLUMNS.fwaYear), COLUMNS.fwaYear),
      pcnRoute: v(COLUMNS.pcnRoute) || null,
      pcnName: v(COLUMNS.pcnName) || null,
      note:
        nota ??
        (names.former.has(foldName(place))
          ? `former comune, merged into ${names.byCode.get(comune)!.name}`
          : null),
      sourceNote: `${note} line ${line}`,
    };
  };
}

/**
 * Imports the white-areas plan's state of works per comune (BUL file, national or the
 * province's copy): one transaction; a comune's places not in the file are removed.
 */
export async function importPlanStatus(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
  date: PlanDate = dateOf(file),
): Promise<ImportReport> {
  const header = await readHeader(file);
  const missing = Object.values(COLUMNS).filter((c) => !header.columns.includes(c));
  if (missing.length) throw new Error(`${file}: line 1: missing column(s) ${missing.join(', ')}`);
  const names = await loadComuneNames(em);
  const parse = planParser(file, names, header.byLower.get('codice_istat') ?? null);
  let skipped = 0;
  const places = new Map<string, Set<string>>();
  return inTransaction(em, async (tx) => {
    const report = await importCsv<PlanRow | typeof SKIP>(tx, {
      file,
      requiredColumns: Object.values(COLUMNS),
      parseRow: (record, line) => {
        const row = parse(record, line);
        if (row !== SKIP)
          places.set(row.comune, (places.get(row.comune) ?? new Set()).add(row.place));
        return row;
      },
      applyBatch: async (t, batch) => {
        const rows = batch.filter((r): r is PlanRow => r !== SKIP);
        skipped += batch.length - rows.length;
        return upsertRows(
          t,
          BroadbandPlanStatus,
          ['comune_istat_code', 'place'],
          rows.map((r) => ({
            comune_istat_code: r.comune,
            place: r.place,
            dataset_id: PLAN_DATASET,
            source_note: r.sourceNote,
            fibre_in_plan: r.fibreInPlan,
            fibre_state: r.fibreState,
            fibre_state_text: r.fibreStateText,
            fibre_plan_year: r.fibrePlanYear,
            fwa_in_plan: r.fwaInPlan,
            fwa_state: r.fwaState,
            fwa_state_text: r.fwaStateText,
            fwa_plan_year: r.fwaPlanYear,
            pcn_route: r.pcnRoute,
            pcn_name: r.pcnName,
            note: r.note,
            as_of: date.asOf,
            known_by: date.knownBy,
            as_of_note: date.note,
          })),
        );
      },
      onProgress,
    });
    for (const [comune, kept] of places)
      await tx.execute(
        `delete from broadband_plan_status where comune_istat_code = ? and not (place = any(?::text[]))`,
        [comune, `{${[...kept].map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
      );
    await refreshBroadbandClaimFlags(tx);
    return { ...report, skipped };
  });
}

/** `npm run import -- broadband-plan-status <file>`. */
export const planStatusImporter: Importer = {
  description:
    "white-areas plan (BUL) state of works per comune: stato_lavori.csv, national (';') or the province's copy with codice_istat; other provinces skipped; dated by a _YYYY-MM-DD.csv name",
  run: (em, file, onProgress) => importPlanStatus(em, file, onProgress),
};
