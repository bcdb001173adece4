import type pg from 'pg';
import type { ExportColumn, ExportColumnType, ExportDefinition } from '../../common/domain.js';

/** A column of an export with its type resolved (declared, else inferred from PostgreSQL). */
export interface ResolvedColumn extends ExportColumn {
  type: ExportColumnType;
  /** Whether the type was declared by the export (false: inferred from the SQL). */
  declared: boolean;
}

/** PostgreSQL type OIDs the inference knows (pg_type.oid; stable across versions). */
const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
} as const;

/** The column type PostgreSQL's result type implies (see `ExportColumn.type`). */
export function inferColumnType(name: string, oid: number): ExportColumnType {
  switch (oid) {
    case OID.bool:
      return 'boolean';
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return 'integer';
    case OID.numeric:
      return name.endsWith('_eur') ? 'money' : 'decimal';
    case OID.float4:
    case OID.float8:
      return 'decimal';
    case OID.date:
      return 'date';
    case OID.timestamp:
    case OID.timestamptz:
      return 'timestamp';
    default:
      return 'text';
  }
}

/** The PostgreSQL result columns of a query (name and type OID), without running it. */
export async function describeQuery(
  pool: pg.Pool,
  sql: string,
): Promise<{ name: string; oid: number }[]> {
  const res = await pool.query(`select * from (${sql}) x limit 0`);
  return res.fields.map((f) => ({ name: f.name, oid: f.dataTypeID }));
}

/**
 * Resolves the type of every column of an export: the declared one, else the one the SQL
 * result implies. Fails (a developer error) when the SQL does not select exactly the
 * documented columns in order.
 */
export async function resolveColumns(
  pool: pg.Pool,
  name: string,
  def: ExportDefinition,
  comuni: string,
): Promise<ResolvedColumn[]> {
  const fields = await describeQuery(pool, def.sql(comuni));
  const got = fields.map((f) => f.name).join(', ');
  const want = def.columns.map((c) => c.name).join(', ');
  if (got !== want)
    throw new Error(`export "${name}": its SQL selects [${got}] but documents [${want}]`);
  return def.columns.map((c, i) => ({
    ...c,
    type: c.type ?? inferColumnType(c.name, fields[i].oid),
    declared: c.type !== undefined,
  }));
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SQL expression writing one column by the CSV conventions of its type. */
function cell(column: ResolvedColumn): string {
  const c = `x.${q(column.name)}`;
  switch (column.type) {
    case 'boolean':
      return `case when ${c} then 'true' when not ${c} then 'false' end`;
    case 'money':
      return `round(${c}::numeric, 2)`;
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case 'timestamp':
      return `to_char(${c}::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    default:
      return c;
  }
}

/**
 * Wraps an export's SQL so that every cell follows the conventions of its column type
 * (booleans `true`/`false`, money with two decimals, ISO dates): one place for every
 * export of every domain, instead of each SQL formatting its own cells. The row order of
 * the export's SQL is kept (a projection over an ordered subquery).
 */
export function formattedSql(sql: string, columns: ResolvedColumn[]): string {
  const select = columns.map((c) => `${cell(c)} as ${q(c.name)}`).join(', ');
  return `select ${select} from (${sql}) x`;
}
