import { parse } from 'csv-parse/sync';
import { open } from 'node:fs/promises';
import { foldName } from '../../../common/text.js';

/** The header of a CSV file, read before the import: its columns and first data record. */
export interface Header {
  columns: string[];
  /** Column names by lower-cased name (layouts differ in case). */
  byLower: Map<string, string>;
  /** The first data record, when there is one. */
  first: Record<string, string> | null;
}

/**
 * Reads the header (and first record) of a CSV file, to choose a layout before streaming
 * it: the first 64 KiB are enough for any header. Throws a clear error for a missing or
 * empty file.
 */
export async function readHeader(file: string): Promise<Header> {
  const handle = await open(file, 'r').catch(() => {
    throw new Error(`${file}: file not found`);
  });
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).slice(0, 2);
    const records = parse(lines.join('\n'), {
      delimiter: [',', ';'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
    if (!records.length) throw new Error(`${file}: line 1: the file is empty (no header row)`);
    const columns = records[0].map((c) => c.trim());
    const first =
      records.length > 1
        ? Object.fromEntries(columns.map((c, i) => [c, records[1][i] ?? '']))
        : null;
    return { columns, byLower: new Map(columns.map((c) => [c.toLowerCase(), c])), first };
  } finally {
    await handle.close();
  }
}

/** The comuni of the hub by folded name, with the former comuni merged into them. */
export interface ComuneNames {
  byCode: Map<string, { name: string; nameKey: string }>;
  /** Folded name (current or former comune) -> ISTAT code. */
  byName: Map<string, string>;
  /** Folded names of former comuni -> the current comune's code. */
  former: Map<string, string>;
}

/** Builds the lookup of comuni names from the comune table and the merged places. */
export function comuneNames(
  comuni: { istat_code: string; name: string; name_key: string }[],
  merged: { name: string; mergedInto: string }[],
): ComuneNames {
  const byCode = new Map(
    comuni.map((c) => [c.istat_code, { name: c.name, nameKey: c.name_key }] as const),
  );
  const former = new Map(merged.map((m) => [foldName(m.name), m.mergedInto] as const));
  const byName = new Map<string, string>([
    ...former,
    ...comuni.map((c) => [c.name_key, c.istat_code] as const),
  ]);
  return { byCode, byName, former };
}
