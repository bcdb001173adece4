import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ExportDefinition } from '../../common/domain.js';
import { licenceOf } from '../../core/rules/licences.js';

/** The name of the hub in citations and in the catalogue. */
export const HUB_NAME = 'Consorzio.IT Cremasco data hub';

/** The data version of an export: a hash of the change counters of the tables it reads. */
export interface DataVersionInfo {
  /** Short hash of the counters (`X-Data-Version`): equal versions, equal data. */
  version: string;
  /** When one of those tables last changed (ISO 8601 UTC). */
  modified: string | null;
  /** When the oldest of those tables' counters was started (ISO 8601 UTC). */
  issued: string | null;
}

/** The data version of an export: changes whenever a table it reads changes. */
export async function dataVersion(
  pool: pg.Pool,
  name: string,
  def: ExportDefinition,
): Promise<DataVersionInfo> {
  const { rows } = await pool.query<{ table_name: string; version: string; changed_at: Date }>(
    'select table_name, version, changed_at from data_version where table_name = any($1) order by 1',
    [def.tables],
  );
  const text = `${name}|${rows.map((r) => `${r.table_name}:${r.version}`).join('|')}`;
  const times = rows.map((r) => r.changed_at.getTime());
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
  return {
    version: createHash('sha256').update(text).digest('hex').slice(0, 16),
    modified: iso(times.length ? Math.max(...times) : undefined),
    issued: iso(times.length ? Math.min(...times) : undefined),
  };
}

/** A dataset behind the rows of an export, as the dataset record says. */
export interface SourceRow {
  id: string;
  title: string;
  publisher: string;
  /** SPDX identifier; null when the source states no licence. */
  licence: string | null;
  /** The licence's canonical URI, when there is a licence. */
  licenceUri: string | null;
  url: string | null;
  retrievedOn: string | null;
  synthetic: boolean;
}

/** Columns that say which comune a row of a table belongs to. */
const COMUNE_COLUMNS = ['comune_istat_code', 'plan_comune_istat_code'];

/** The tables' columns the source lookup needs, read once per table. */
async function tableColumns(pool: pg.Pool, tables: string[]): Promise<Map<string, Set<string>>> {
  const { rows } = await pool.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name = any($1)`,
    [tables],
  );
  const byTable = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!byTable.has(r.table_name)) byTable.set(r.table_name, new Set());
    byTable.get(r.table_name)!.add(r.column_name);
  }
  return byTable;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SQL selecting the `dataset_id` of every record an export's rows use: each table it
 * reads that records a dataset, restricted to the territory where the table says its comune,
 * plus the export's `extraSources`.
 */
async function sourcesSql(pool: pg.Pool, def: ExportDefinition, comuni: string): Promise<string> {
  const columns = await tableColumns(pool, def.tables);
  const parts: string[] = [];
  for (const table of def.tables) {
    const cols = columns.get(table);
    if (!cols?.has('dataset_id')) continue;
    const where =
      table === 'comune'
        ? `istat_code = any(${comuni})`
        : (COMUNE_COLUMNS.filter((c) => cols.has(c)).map((c) => `${q(c)} = any(${comuni})`)[0] ??
          (cols.has('comune_istat_codes') ? `comune_istat_codes && ${comuni}` : 'true'));
    parts.push(`select distinct dataset_id from ${q(table)} where ${where}`);
  }
  if (def.extraSources) parts.push(def.extraSources(comuni));
  return parts.length ? parts.join(' union ') : 'select null::text as dataset_id where false';
}

/** The datasets that contributed rows to an export for a territory, with their licences. */
export async function contributingSources(
  pool: pg.Pool,
  def: ExportDefinition,
  comuni: string,
): Promise<SourceRow[]> {
  const sql = await sourcesSql(pool, def, comuni);
  const { rows } = await pool.query<Omit<SourceRow, 'licenceUri'>>(
    `select d.id, d.title, d.publisher, d.licence, d.url,
            to_char(d.retrieved_on, 'YYYY-MM-DD') as "retrievedOn", d.synthetic
       from dataset d where d.id in (select dataset_id from (${sql}) s) order by d.id`,
  );
  return rows.map((r) => ({ ...r, licenceUri: licenceOf(r.licence)?.uri ?? null }));
}

/** The distinct SPDX licence ids of the sources, in order. */
export const licenceIds = (sources: SourceRow[]) =>
  [...new Set(sources.flatMap((s) => (s.licence ? [s.licence] : [])))].sort();

/**
 * How to cite an extract: "Consorzio.IT Cremasco data hub, <title>, data version <v>,
 * <date>, <URL>, licence <ids>" (plus the sources that state none).
 */
export function citation(
  title: string,
  version: DataVersionInfo,
  url: string,
  sources: SourceRow[],
): string {
  const ids = licenceIds(sources);
  const none = sources.filter((s) => !s.licence).map((s) => s.id);
  const licence = [
    ids.length ? `licence ${ids.join(' + ')}` : 'no licence stated',
    ...(ids.length && none.length ? [`no licence stated for ${none.join(', ')}`] : []),
  ].join('; ');
  const date = (version.modified ?? new Date().toISOString()).slice(0, 10);
  return `${HUB_NAME}, ${title}, data version ${version.version}, ${date}, ${url}, ${licence}`;
}
