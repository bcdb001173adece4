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
import { readSeedJson } from '../../../common/seed-files.js';
import { gapLayout, gapParser, SKIP, type GapRow } from './gaps-row.js';
import { refreshGapFlags } from '../hooks/quality.js';
import { comuneNames, readHeader, type ComuneNames } from './layout.js';
import { rawQuery } from './sample/writer.js';
import { CoverageObservation } from '../model/mapping.entity.js';
import { comuniParam, textArrayParam } from '../../../common/keys.js';

/** Rows of a statement with real bind parameters (large JSON is not inlined into the SQL). */
const rows = async <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> =>
  ((await rawQuery(em, sql, params)) as { rows: T[] }).rows;

/** A mapping as described in seeds/data/broadband/mappings.json. */
export interface MappingSeed {
  code: string;
  year: number;
  name: string;
  publisher: string | null;
  publishedOn: string | null;
  publishedPrecision: string | null;
  horizonYear: number | null;
  thresholdMbps: number;
  dataset: string;
  description: string;
  sourceNote: string;
}

/** The mappings the hub knows how to describe. */
export const knownMappings = () => readSeedJson<MappingSeed[]>('broadband', 'mappings.json');

/** The former comuni merged into current ones (for files that still name them). */
export const mergedPlaces = () =>
  readSeedJson<{ places: { name: string; mergedInto: string }[] }>(
    'broadband',
    'merged-comuni.json',
  ).places;

/** Loads the comuni names of the hub, with the former comuni. */
export async function loadComuneNames(em: EntityManager): Promise<ComuneNames> {
  const rows = await em.execute<{ istat_code: string; name: string; name_key: string }[]>(
    'select istat_code, name, name_key from comune',
  );
  return comuneNames(rows, mergedPlaces());
}

/**
 * The mapping a file belongs to: the year in a column `anno_mappatura` (the same on every
 * row) or in the file name ("mappatura2025_..."). A year the hub does not describe gets a
 * mapping whose publication date and horizon are unknown.
 */
function mappingOf(file: string, first: Record<string, string> | null, column: string | null) {
  const fromColumn = column && first ? first[column]?.trim() : '';
  const fromName = /mappatura[ _-]?(\d{4})/i.exec(basename(file))?.[1];
  const year = Number(fromColumn || fromName);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new Error(
      `${file}: cannot tell which mapping the file is: add a column anno_mappatura with its year, or name the file mappatura<YEAR>_... (e.g. mappatura2025_civici.csv)`,
    );
  const known = knownMappings().find((m) => m.year === year);
  if (known) return known;
  return {
    code: `infratel-${year}`,
    year,
    name: `Infratel Italia – Mappatura delle reti fisse ${year}`,
    publisher: 'infratel-italia',
    publishedOn: null,
    publishedPrecision: null,
    horizonYear: null,
    thresholdMbps: 300,
    dataset: `infratel-mappatura-${year}`,
    description: `Civic numbers listed by Infratel's ${year} mapping as not expected to be reached by a network above 300 Mbit/s (the layout of the importer). Publication date and horizon year unknown: add the mapping to seeds/data/broadband/mappings.json to describe them.`,
    sourceNote: `imported from ${basename(file)}; not described in seeds/data/broadband/mappings.json`,
  } satisfies MappingSeed;
}

/** Creates or updates the mapping and its dataset (inside the import's transaction). */
async function ensureMapping(em: EntityManager, m: MappingSeed, file: string) {
  await em.execute(
    `insert into dataset (id, title, publisher, licence, url, retrieved_on, description, synthetic)
     values (?, ?, 'Infratel Italia', null, null, null, ?, false) on conflict (id) do nothing`,
    [
      m.dataset,
      m.name,
      `Imported with npm run import -- broadband-gaps from ${basename(file)}; licence and origin not recorded by the importer.`,
    ],
  );
  await em.execute(
    `insert into broadband_mapping (code, dataset_id, source_note, name, year, publisher_code,
       published_on, published_precision, horizon_year, threshold_mbps, description)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (code) do update set dataset_id = excluded.dataset_id, source_note = excluded.source_note,
       name = excluded.name, year = excluded.year, publisher_code = excluded.publisher_code,
       published_on = excluded.published_on, published_precision = excluded.published_precision,
       horizon_year = excluded.horizon_year, threshold_mbps = excluded.threshold_mbps,
       description = excluded.description`,
    [
      m.code,
      m.dataset,
      m.sourceNote,
      m.name,
      m.year,
      m.publisher,
      m.publishedOn,
      m.publishedPrecision,
      m.horizonYear,
      m.thresholdMbps,
      m.description,
    ],
  );
}

/** What the hub holds of each civic of a batch for this mapping (no notes: provenance only). */
async function fingerprints(em: EntityManager, mapping: string, codes: string[]) {
  const found = await rows<{ code: string; h: string; observed: boolean }>(
    em,
    `select a.code, o.pk is not null as observed, md5(row(a.comune_istat_code, a.street_type, a.street_name, a.number, a.exponent,
              a.street_text, a.civic_text, o.category)::text) as h
       from civic_address a left join coverage_observation o on o.address_pk = a.pk and o.mapping_code = ?
      where a.code in (select json_array_elements_text(?::json))`,
    [mapping, JSON.stringify(codes)],
  );
  return new Map(found.map((r) => [r.code, r]));
}

/** Writes a batch: civic addresses, their observations, their streets. */
async function applyBatch(em: EntityManager, mapping: MappingSeed, batch: GapRow[]) {
  const codes = batch.map((r) => r.code);
  const before = await fingerprints(em, mapping.code, codes);
  // An address first listed by an older mapping keeps that dataset: it is where it came from.
  await rawQuery(
    em,
    `insert into civic_address (code, dataset_id, source_note, comune_istat_code, street_type, street_name,
       name_key, number, exponent, street_text, civic_text)
     select x.code, ?, x.note, x.comune, x.type, x.name, x.key, x.number, x.exponent, x.street, x.civic
       from json_to_recordset(?::json) as x(code text, note text, comune text, type text, name text,
            key text, number int, exponent text, street text, civic text)
     on conflict (code) do update set street_type = excluded.street_type, street_name = excluded.street_name,
       name_key = excluded.name_key, number = excluded.number, exponent = excluded.exponent,
       street_text = excluded.street_text, civic_text = excluded.civic_text
     where (civic_address.street_type, civic_address.street_name, civic_address.name_key, civic_address.number,
            civic_address.exponent, civic_address.street_text, civic_address.civic_text)
           is distinct from (excluded.street_type, excluded.street_name, excluded.name_key, excluded.number,
            excluded.exponent, excluded.street_text, excluded.civic_text)`,
    [
      mapping.dataset,
      JSON.stringify(
        batch.map((r) => ({
          code: r.code,
          note: r.note,
          comune: r.comune,
          type: r.streetType,
          name: r.streetName,
          key: r.nameKey,
          number: r.number,
          exponent: r.exponent,
          street: r.streetText,
          civic: r.civicText,
        })),
      ),
    ],
  );
  const pks = new Map(
    (
      await rows<{ pk: number; code: string }>(
        em,
        'select pk, code from civic_address where code in (select json_array_elements_text(?::json))',
        [JSON.stringify(codes)],
      )
    ).map((r) => [r.code, r.pk]),
  );
  await upsertRows(
    em,
    CoverageObservation,
    ['mapping_code', 'address_pk'],
    batch.map((r) => ({
      mapping_code: mapping.code,
      address_pk: pks.get(r.code),
      comune_istat_code: r.comune,
      category: r.category,
      dataset_id: mapping.dataset,
      source_note: r.note,
    })),
  );
  await rawQuery(
    em,
    `insert into street (dataset_id, source_note, comune_istat_code, street_type, street_name, name_key)
     select distinct on (comune_istat_code, name_key, street_type)
            dataset_id, null, comune_istat_code, street_type, street_name, name_key
       from civic_address where pk in (select json_array_elements_text(?::json)::int)
      order by comune_istat_code, name_key, street_type, pk
     on conflict (comune_istat_code, name_key, street_type) do nothing`,
    [JSON.stringify([...pks.values()])],
  );
  const after = await fingerprints(em, mapping.code, codes);
  let inserted = 0,
    updated = 0;
  for (const c of codes)
    if (!before.get(c)?.observed) inserted++;
    else if (before.get(c)!.h !== after.get(c)?.h) updated++;
  return { inserted, updated, unchanged: codes.length - inserted - updated };
}

/**
 * Removes what the file no longer lists, in the comuni it covers: this mapping's
 * observations of civics absent from the file, then the civics no mapping lists any more
 * (only those that came from a mapping) and the streets left without civics.
 */
async function removeUnlisted(
  em: EntityManager,
  mapping: string,
  seen: Set<string>,
  comuni: string[],
) {
  const removed = await rows<{ n: number }>(
    em,
    `with seen as (select unnest(?::text[]) as code),
     gone as (
       delete from coverage_observation o using civic_address a
        where o.address_pk = a.pk and o.mapping_code = ? and o.comune_istat_code = any(?::text[])
          and not exists (select 1 from seen where seen.code = a.code) returning 1)
     select count(*)::int as n from gone`,
    [textArrayParam([...seen]), mapping, comuniParam(comuni)],
  );
  await rawQuery(
    em,
    `delete from civic_address a
      where a.comune_istat_code = any(?::text[])
        and a.dataset_id in (select dataset_id from broadband_mapping)
        and not exists (select 1 from coverage_observation o where o.address_pk = a.pk)
        and not exists (select 1 from address_coverage c where c.address_pk = a.pk)`,
    [comuniParam(comuni)],
  );
  await rawQuery(
    em,
    `delete from street s where s.comune_istat_code = any(?::text[])
        and not exists (select 1 from civic_address a where a.comune_istat_code = s.comune_istat_code
                          and a.name_key = s.name_key and a.street_type = s.street_type)`,
    [comuniParam(comuni)],
  );
  return removed[0].n;
}

/** What a mapping import did, beyond the framework's report. */
export interface GapsReport extends ImportReport {
  mapping: string;
  /** Observations of this mapping removed because the file no longer lists them. */
  removed: number;
}

/**
 * Imports a mapping file: one transaction around the streamed import and the removal of
 * what the file no longer lists, then the quality flags of the domain.
 */
export async function importGaps(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
  mappingOverride?: MappingSeed,
): Promise<GapsReport> {
  const header = await readHeader(file);
  const layout = gapLayout(file, header);
  const mapping =
    mappingOverride ?? mappingOf(file, header.first, header.byLower.get('anno_mappatura') ?? null);
  const names = await loadComuneNames(em);
  const parse = gapParser(file, layout, names);
  const yearColumn = header.byLower.get('anno_mappatura') ?? null;
  let skipped = 0;
  const seen = new Set<string>();
  const comuni = new Set<string>();
  return inTransaction(em, async (tx) => {
    await ensureMapping(tx, mapping, file);
    const report = await importCsv<GapRow | typeof SKIP>(tx, {
      file,
      requiredColumns: [],
      parseRow: (record, line) => {
        if (yearColumn && Number(record[yearColumn]?.trim()) !== mapping.year)
          throw new RowError(
            yearColumn,
            `must be ${mapping.year} on every row (one file, one mapping), got "${record[yearColumn] ?? ''}"`,
          );
        const row = parse(record, line);
        if (row !== SKIP) {
          seen.add(row.code);
          comuni.add(row.comune);
        }
        return row;
      },
      applyBatch: async (t, batch) => {
        const rows = batch.filter((r): r is GapRow => r !== SKIP);
        skipped += batch.length - rows.length;
        if (!rows.length) return { inserted: 0, updated: 0, unchanged: 0 };
        return applyBatch(t, mapping, rows);
      },
      batchSize: 2000,
      onProgress,
    });
    const removed = await removeUnlisted(tx, mapping.code, seen, [...comuni]);
    await refreshGapFlags(tx);
    return { ...report, skipped, mapping: mapping.code, removed };
  });
}

/** `npm run import -- broadband-gaps <file>`. */
export const gapsImporter: Importer = {
  description:
    "Infratel's mapping: civic numbers not expected above 300 Mbit/s (codice_istat,comune,strada,civico,caratteristica or Infratel's national layout; other provinces skipped; the year from anno_mappatura or the file name)",
  run: (em, file, onProgress) => importGaps(em, file, onProgress),
};
