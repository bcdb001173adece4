import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file under `seeds/data/`. */
export const seedPath = (...parts: string[]) =>
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds', 'data', ...parts);

/** Reads a small CSV seed file (with header) into records of strings. */
export const readSeedCsv = (...parts: string[]): Record<string, string>[] =>
  parse(readFileSync(seedPath(...parts)), { columns: true, skip_empty_lines: true, bom: true });

/** Reads a JSON seed file. */
export const readSeedJson = <T>(...parts: string[]): T =>
  JSON.parse(readFileSync(seedPath(...parts), 'utf8')) as T;
