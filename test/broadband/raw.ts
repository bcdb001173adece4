import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/*
 * The raw seed files, read with csv-parse: the tests compute every expected figure from
 * them, never from the hub's own output.
 */

const csv = (path: string): Record<string, string>[] =>
  parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });

/** Infratel's 2025 list (seeds copy): one row per civic number. */
export const INFRATEL_FILE =
  'seeds/data/broadband/mappatura2025_civici_non_coperti_300mbps_2028_cr.csv';
export const infratel = () => csv(INFRATEL_FILE);
/** The viewer's own per-comune summary of the same list. */
export const infratelSummary = () =>
  csv('seeds/data/broadband/mappatura2025_riepilogo_per_comune_cr.csv');
/** The BUL white-areas state of works (115 rows: 113 comuni and the 2019 mergers). */
export const BUL_FILE = 'seeds/data/broadband/bul_stato_lavori_cr.csv';
export const bul = () => csv(BUL_FILE);
/** ANNCSU counts (78 comuni). */
export const anncsu = () => csv('seeds/data/broadband/anncsu_civici_per_comune_cr.csv');
/** The comuni of the province and the territory file. */
export const comuni = () => csv('seeds/data/hub/comuni_cr_summary.csv');
export const cremasco = () => csv('seeds/data/hub/cremasco_comuni.csv');
/** The 52 inferred Consorzio.IT members. */
export const consorzio = () =>
  new Set(
    cremasco()
      .filter((r) => r.consorzio_it_52_inferred === '1')
      .map((r) => r.com_istat_code),
  );

/** Listed civics per comune and category, from the raw list. */
export function listedByComune(): Map<string, { A: number; B: number; C: number; total: number }> {
  const out = new Map<string, { A: number; B: number; C: number; total: number }>();
  for (const c of comuni()) out.set(c.com_istat_code, { A: 0, B: 0, C: 0, total: 0 });
  for (const r of infratel()) {
    const x = out.get(r.codice_istat)!;
    x[r.caratteristica as 'A' | 'B' | 'C']++;
    x.total++;
  }
  return out;
}

/** The state words of the BUL file, as the API's enum values. */
export const STATE: Record<string, string> = {
  'in programmazione': 'PROGRAMMED',
  'in progettazione definitiva': 'FINAL_DESIGN',
  'in progettazione esecutiva': 'EXECUTIVE_DESIGN',
  'in esecuzione': 'IN_WORKS',
  'in collaudo': 'TESTING',
  'lavori chiusi': 'WORKS_CLOSED',
  terminato: 'COMPLETED',
};

/** Fold as people read names: lower case, no accents, punctuation as spaces. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
