import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../config.js';
import type { Domain, ExportDefinition } from '../../common/domain.js';
import { badInput, HubError } from '../../common/errors.js';
import { hubExports } from '../../hub/exports.js';
import { resolveTerritory } from '../../hub/territory.js';
import { actorOf, authenticate } from '../actor.js';
import { formattedSql, resolveColumns, type ResolvedColumn } from './format.js';
import { streamCsv, streamGeoJson, type StreamOptions } from './stream.js';
import { exportNotModified } from './etag.js';

const FILE = /^([a-z][a-z0-9-]*)\.(csv|geojson|json)$/;
const PROVINCE = 'province-cr';

/** Every export of the hub: its own and each domain's. */
export function allExports(domains: readonly Domain[]): Record<string, ExportDefinition> {
  return Object.assign({}, hubExports(domains), ...domains.map((d) => d.exports ?? {}));
}

/** A SQL text[] literal of validated ISTAT codes (COPY takes no bind parameters). */
const codesLiteral = (codes: string[]) => {
  if (!codes.every((c) => /^\d{6}$/.test(c))) throw new Error('invalid ISTAT code in territory');
  return `'{${codes.join(',')}}'::text[]`;
};

function fail(res: express.Response, status: number, code: string, message: string) {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="cremasco-data-hub"');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** What the app gives the export router besides the ORM and the configuration. */
export interface ExportRouterOptions {
  /** Aborted when the shutdown grace period is over: streams still running are cut. */
  shutdown?: AbortSignal;
  /** Told how each stream ended, with the export's name and format. */
  onStreamEnd?: (
    name: string,
    format: string,
    ...end: Parameters<NonNullable<StreamOptions['onEnd']>>
  ) => void;
}

/**
 * Streamed bulk exports for ANALYST and ADMIN keys: `/export/<name>.csv` (RFC 4180, UTF-8,
 * header), `.geojson` where the export has geometry, and `.json` (metadata: columns,
 * licences, sources, row count, data version). `?territory=` takes a grouping or ISTAT code.
 */
export function exportRouter(
  orm: MikroORM,
  config: Config,
  domains: readonly Domain[],
  options: ExportRouterOptions = {},
): { router: Router; pool: pg.Pool; stop: () => Promise<void> } {
  const exports = allExports(domains);
  const pool = new pg.Pool({
    connectionString: orm.config.get('clientUrl'),
    max: 4,
    application_name: 'hub-export',
    options: `-c statement_timeout=${config.HUB_EXPORT_STATEMENT_TIMEOUT_MS}`,
  });
  // The result types of an export do not depend on the territory: resolved once each.
  const resolved = new Map<string, Promise<ResolvedColumn[]>>();
  const columnsOf = (name: string, def: ExportDefinition, comuni: string) => {
    let p = resolved.get(name);
    if (!p) {
      p = resolveColumns(pool, name, def, comuni);
      p.catch(() => resolved.delete(name));
      resolved.set(name, p);
    }
    return p;
  };
  const router = express.Router();
  router.get('/export', authenticate(orm), (req, res) => {
    if (actorOf(req).kind !== 'key')
      return fail(
        res,
        401,
        'UNAUTHENTICATED',
        'Exports need an API key (Authorization: Bearer <key>).',
      );
    res.json(
      Object.entries(exports).map(([name, e]) => ({
        name,
        title: e.title,
        formats: ['csv', ...(e.geojson ? ['geojson'] : []), 'json'],
      })),
    );
  });
  router.get('/export/:file', authenticate(orm), async (req, res, next) => {
    try {
      const actor = actorOf(req);
      if (actor.kind !== 'key')
        return fail(
          res,
          401,
          'UNAUTHENTICATED',
          'Exports need an API key (Authorization: Bearer <key>).',
        );
      if (actor.role !== 'ANALYST' && actor.role !== 'ADMIN')
        return fail(
          res,
          403,
          'FORBIDDEN',
          `Exports are for ANALYST and ADMIN keys; this key is ${actor.role}.`,
        );
      const file = String(req.params.file);
      const m = FILE.exec(file);
      const def = m ? exports[m[1]] : undefined;
      if (!m || !def || (m[2] === 'geojson' && !def.geojson))
        return fail(res, 404, 'NOT_FOUND', `No export "${file}"; see GET /export for the list.`);
      const territory = territoryParam(req.query.territory);
      const codes = await resolveTerritory(orm.em.fork(), territory, 'territory');
      const comuni = codesLiteral(codes);
      const [name, format] = [m[1], m[2]];
      const version = await dataVersion(pool, name, def);
      const columns = await columnsOf(name, def, comuni);
      res.set('X-Data-Version', version);
      if (exportNotModified(req, res, version, `${file}?territory=${territory}`)) return;
      if (format === 'json')
        return void res.json(await metadata(pool, name, def, columns, territory, comuni, version));
      const download = `${name}${territory === PROVINCE ? '' : `-${territory}`}.${format}`;
      const stream: StreamOptions = {
        shutdown: options.shutdown,
        onEnd: (...end) => options.onStreamEnd?.(name, format, ...end),
      };
      res.set('Content-Disposition', `attachment; filename="${download}"`);
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8');
        await streamCsv(pool, res, formattedSql(def.sql(comuni), columns), stream);
      } else {
        res.type('application/geo+json; charset=utf-8');
        await streamGeoJson(pool, res, def.geojson!(comuni), stream);
      }
    } catch (e) {
      if (e instanceof HubError) return fail(res, 400, e.code, e.message);
      next(e);
    }
  });
  return { router, pool, stop: () => pool.end() };
}

/** The CSV conventions every export follows, stated in each metadata document. */
const CSV_CONVENTIONS =
  'RFC 4180, UTF-8, header row. An empty cell is null: unknown or not applicable, never zero. boolean: true/false; money: EUR with exactly two decimals; date: YYYY-MM-DD; timestamp: ISO 8601 UTC; integer and decimal as printed by PostgreSQL.';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The `territory` query parameter: absent (the province), or one printable code. Given twice
 * it is refused, never read as the province (that silently widened an export); NUL or other
 * control characters (which PostgreSQL refuses) and texts past 200 characters are refused.
 */
function territoryParam(value: unknown): string {
  if (value === undefined) return PROVINCE;
  if (Array.isArray(value))
    throw badInput(
      'territory',
      `given ${value.length} times; give one territory (a grouping code or an ISTAT code)`,
    );
  if (typeof value !== 'string' || CONTROL.test(value) || value.length > 200)
    throw badInput('territory', 'must be a grouping code or an ISTAT code, e.g. "consorzio-it"');
  return value;
}

/** A short hash of the change counters of the tables an export reads. */
async function dataVersion(pool: pg.Pool, name: string, def: ExportDefinition): Promise<string> {
  const { rows } = await pool.query<{ table_name: string; version: string }>(
    'select table_name, version from data_version where table_name = any($1) order by 1',
    [def.tables],
  );
  const text = `${name}|${rows.map((r) => `${r.table_name}:${r.version}`).join('|')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The metadata document of an export, so an extract can be cited and reproduced. */
async function metadata(
  pool: pg.Pool,
  name: string,
  def: ExportDefinition,
  columns: ResolvedColumn[],
  territory: string,
  comuni: string,
  version: string,
) {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from (${def.sql(comuni)}) x`,
  );
  const { rows: datasets } = await pool.query<{
    id: string;
    title: string;
    publisher: string;
    licence: string | null;
    url: string | null;
    retrieved_on: string | null;
    synthetic: boolean;
  }>(
    `select id, title, publisher, licence, url, to_char(retrieved_on, 'YYYY-MM-DD') as retrieved_on, synthetic
       from dataset where id = any($1) order by id`,
    [def.datasets],
  );
  return {
    name,
    title: def.title,
    description: def.description,
    territory,
    formats: {
      csv: `/export/${name}.csv?territory=${territory}`,
      ...(def.geojson ? { geojson: `/export/${name}.geojson?territory=${territory}` } : {}),
    },
    columns: columns.map(({ name: column, description, type }) => ({
      name: column,
      description,
      type,
    })),
    conventions: CSV_CONVENTIONS,
    licences: [...new Set(datasets.map((d) => d.licence ?? 'no licence stated by the source'))],
    sources: datasets,
    generatedAt: new Date().toISOString(),
    rowCount: rows[0].n,
    dataVersion: version,
  };
}
