import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/** Reads a CSV under seeds/data/ as records of strings. */
export const seedCsv = (path: string): Record<string, string>[] =>
  parse(readFileSync(`seeds/data/${path}`), { columns: true, skip_empty_lines: true, bom: true });

/** Reads a JSON file under seeds/data/. */
export const seedJson = <T>(path: string): T =>
  JSON.parse(readFileSync(`seeds/data/${path}`, 'utf8')) as T;

/** The curated collection centres, as the seed file holds them. */
export const centres = seedCsv('infrastructure/collection_centres.csv');

/** The programme seed file. */
export const programme = seedJson<{
  programme: Record<string, unknown> & { code: string; investor: string; feePayer: string };
  groupings: Record<
    'participants' | 'platforms',
    { code: string; declaredMemberCount: number; comuni: { istatCode: string; name: string }[] }
  >;
  lots: { code: string; number: number; name: string; status: string; durationMonths: number }[];
  milestones: {
    kind: string;
    on: string;
    precision: string;
    qualifier: string;
    status: string;
    description: string;
    source: string;
  }[];
}>('infrastructure/upgrade_programme.json');

/** Organisations of the hub seed, by code. */
export const organizations = new Map(
  seedJson<{ code: string; name: string; kind: string }[]>('hub/organizations.json').map((o) => [
    o.code,
    o,
  ]),
);

/** Datasets of the hub seed, by id. */
export const datasets = new Map(
  seedJson<{ id: string; title: string }[]>('hub/datasets.json').map((d) => [d.id, d]),
);

/** Comuni of the province: ISTAT codes of the 52 Consorzio.IT members and of the others. */
export function provinceSplit(): { members: string[]; others: string[] } {
  const cremasco = seedCsv('hub/cremasco_comuni.csv');
  const members = cremasco
    .filter((r) => r.consorzio_it_52_inferred === '1')
    .map((r) => r.com_istat_code);
  const all = seedCsv('hub/comuni_cr_summary.csv').map((r) => r.com_istat_code);
  return { members, others: all.filter((c) => !members.includes(c)) };
}
