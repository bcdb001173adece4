import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/** Reads a CSV under seeds/data/ as records of strings. */
export const seedCsv = (path: string): Record<string, string>[] =>
  parse(readFileSync(`seeds/data/${path}`), { columns: true, skip_empty_lines: true, bom: true });

/** Reads a JSON file under seeds/data/. */
export const seedJson = <T>(path: string): T =>
  JSON.parse(readFileSync(`seeds/data/${path}`, 'utf8')) as T;

export const communities = seedCsv('energy/energy_communities.csv');
export const fundings = seedCsv('energy/fundings.csv');
export const events = seedJson<
  {
    istatCode: string;
    kind: string;
    on: string;
    precision: string;
    authorRole: string;
    summary: string;
    source: string;
  }[]
>('energy/events.json');

export const organizations = new Map(
  seedJson<{ code: string; name: string; kind: string }[]>('hub/organizations.json').map((o) => [
    o.code,
    o,
  ]),
);
export const pressTitle = seedJson<{ id: string; title: string }[]>('hub/datasets.json').find(
  (d) => d.id === 'press-consorzio-it',
)!.title;

/** ISTAT codes of the province's comuni outside the 52 Consorzio.IT members. */
export function outsideConsorzio(): string[] {
  const members = new Set(
    seedCsv('hub/cremasco_comuni.csv')
      .filter((r) => r.consorzio_it_52_inferred === '1')
      .map((r) => r.com_istat_code),
  );
  return seedCsv('hub/comuni_cr_summary.csv')
    .map((r) => r.com_istat_code)
    .filter((c) => !members.has(c));
}
