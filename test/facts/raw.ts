import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The raw files behind seed-facts sections 6 and 7, read here independently of the hub's
 * seed code: expected figures come from them, never from the hub's answers.
 */
const csv = (path: string): Record<string, string>[] =>
  parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true });

/** The press table of the CERs of 2024–2025, as copied into the repository. */
export const CER_FILE = 'seeds/data/energy/cer-cremasco-2024-2025.csv';

/** The same table beside seed-facts.md, when the shared folder is checked out next to the repo. */
export const SHARED_CER_FILE = [
  join('..', 'shared', 'facts', 'cer-cremasco-2024-2025.csv'),
  join('..', '..', 'shared', 'facts', 'cer-cremasco-2024-2025.csv'),
].find((p) => existsSync(p));

export interface RawFounder {
  cer: string;
  date: string;
  istatCode: string | null;
  name: string;
  /** Province code: "CR" for the province's comuni, the "(XX)" of the others. */
  province: string;
  outside: boolean;
  articles: string[];
}

export const rawFounders: RawFounder[] = csv(CER_FILE).map((r) => {
  const outside = /^(.*) \(([A-Z]{2})\)$/.exec(r.comune);
  return {
    cer: r.cer,
    date: r.data_costituzione,
    istatCode: r.codice_istat || null,
    name: outside ? outside[1] : r.comune,
    province: outside ? outside[2] : 'CR',
    outside: r.ruolo.includes('fuori provincia'),
    articles: r.fonte_stampa.split(' ; ').map((a) => a.trim()),
  };
});

/** The CERs in the order of the table. */
export const rawCers = [...new Set(rawFounders.map((f) => f.cer))];

/** A founding date of the table as the API gives it: day, or first day of the month. */
export function rawDate(text: string): { on: string; precision: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { on: text, precision: 'DAY' };
  return { on: `${text.slice(0, 7)}-01`, precision: 'MONTH' };
}

const cremasco = csv('seeds/data/hub/cremasco_comuni.csv');
/** The 52 comuni the hub infers as Consorzio.IT's members (the compiled territory table). */
export const consorzioMembers = cremasco
  .filter((r) => r.consorzio_it_52_inferred === '1')
  .map((r) => r.com_istat_code)
  .sort();
export const comuneNames = new Map(
  csv('seeds/data/hub/comuni_cr_summary.csv').map((r) => [r.com_istat_code, r.name]),
);
export const provinceComuni = [...comuneNames.keys()].sort();
