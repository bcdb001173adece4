import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import pg from 'pg';
import type { Config } from '../../config.js';
import type { Domain, ExportDefinition } from '../../common/domain.js';
import { badInput, HubError, notFound } from '../../common/errors.js';
import { sendError } from '../../common/http-errors.js';
import { hubExports } from '../../composition/exports.js';
import { resolveTerritory } from '../../core/data/territory.js';
import { actorOf, authenticate } from '../../access/http.js';
import { accessOf, exportRefusal, type ExportAccess } from '../../access/export-access.js';
import {
  CSV_CONVENTIONS,
  dataPackage,
  dcatCatalogue,
  downloadsOf,
  type ExportFacts,
  type Publisher,
} from './catalogue.js';
import { formattedSql, resolveColumns, type ResolvedColumn } from './format.js';
import {
  citation,
  contributingSources,
  dataVersion,
  HUB_NAME,
  licenceIds,
  type DataVersionInfo,
  type SourceRow,
} from './provenance.js';
import { streamCsv, streamGeoJson, type StreamOptions } from './stream.js';
import { exportNotModified } from './etag.js';
import { comuniLiteral } from '../../common/keys.js';

const FILE = /^([a-z][a-z0-9-]*)\.(csv|geojson|json)$/;
const PROVINCE = 'province-cr';
/** The organisation that publishes the hub (its record in `organization`). */
const PUBLISHER = 'consorzio-it';

/** Every export of the hub: its own and each domain's. */
export function allExports(domains: readonly Domain[]): Record<string, ExportDefinition> {
  return Object.assign({}, hubExports(domains), ...domains.map((d) => d.exports ?? {}));
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

/** The hub's address as the client sees it (behind a proxy: with HUB_TRUST_PROXY). */
const baseOf = (req: express.Request) => `${req.protocol}://${req.get('host')}`;

/**
 * Streamed bulk exports: `/export/<name>.csv` (RFC 4180, UTF-8, header), `.geojson` where
 * the export has geometry, and `.json` (metadata: columns, licences, the sources that
 * contributed rows, citation, row count, data version); `?territory=` takes a grouping or
 * ISTAT code. An export made only of open-licence data without personal fields is open: no
 * key needed (rate-limited per client IP). Any other needs an ANALYST or ADMIN key. Also
 * `/export` (the list), `/export/catalog.jsonld` (DCAT-AP_IT) and `/export/datapackage.json`
 * (Frictionless), open to all.
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
  // The sources of an export for a territory change only with its data version.
  const sources = new Map<string, Promise<SourceRow[]>>();
  const sourcesOf = (name: string, def: ExportDefinition, comuni: string, version: string) => {
    const key = `${name}|${version}|${comuni}`;
    let p = sources.get(key);
    if (!p) {
      if (sources.size > 1000) sources.clear();
      p = contributingSources(pool, def, comuni);
      p.catch(() => sources.delete(key));
      sources.set(key, p);
    }
    return p;
  };
  /** What the catalogue and the data package say of every export (whole province). */
  const allFacts = async (): Promise<ExportFacts[]> => {
    const codes = await resolveTerritory(orm.em.fork(), PROVINCE, 'territory');
    const comuni = comuniLiteral(codes);
    return Promise.all(
      Object.entries(exports).map(async ([name, def]) => {
        const version = await dataVersion(pool, name, def);
        const rows = await sourcesOf(name, def, comuni, version.version);
        const columns = await columnsOf(name, def, comuni);
        return { name, def, columns, version, sources: rows, access: accessOf(def, rows) };
      }),
    );
  };
  const publisherOf = async (): Promise<Publisher> => {
    const { rows } = await pool.query<Publisher>(
      `select code, name, website from organization where code = $1`,
      [PUBLISHER],
    );
    return rows[0] ?? { code: PUBLISHER, name: HUB_NAME, website: null };
  };
  const router = express.Router();
  router.get('/export', async (req, res, next) => {
    try {
      const base = baseOf(req);
      res.json(
        (await allFacts()).map((f) => ({
          name: f.name,
          title: f.def.title,
          formats: ['csv', ...(f.def.geojson ? ['geojson'] : []), 'json'],
          access: f.access.access,
          ...(f.access.reasons.length ? { accessNote: f.access.reasons.join('; ') } : {}),
          licences: licenceIds(f.sources),
          urls: downloadsOf(base, f.name, f.def),
        })),
      );
    } catch (e) {
      next(e);
    }
  });
  router.get('/export/catalog.jsonld', async (req, res, next) => {
    try {
      const [publisher, facts] = await Promise.all([publisherOf(), allFacts()]);
      res.type('application/ld+json; charset=utf-8');
      res.send(JSON.stringify(dcatCatalogue(baseOf(req), publisher, facts), null, 2));
    } catch (e) {
      next(e);
    }
  });
  router.get('/export/datapackage.json', async (req, res, next) => {
    try {
      const [publisher, facts] = await Promise.all([publisherOf(), allFacts()]);
      res.json(dataPackage(baseOf(req), publisher, facts));
    } catch (e) {
      next(e);
    }
  });
  router.get('/export/:file', authenticate(orm), async (req, res, next) => {
    try {
      const actor = actorOf(req);
      const file = String(req.params.file);
      const m = FILE.exec(file);
      const def = m ? exports[m[1]] : undefined;
      if (!m || !def || (m[2] === 'geojson' && !def.geojson))
        return sendError(res, notFound(`No export "${file}"; see GET /export for the list.`));
      const territory = territoryParam(req.query.territory);
      const codes = await resolveTerritory(orm.em.fork(), territory, 'territory');
      const comuni = comuniLiteral(codes);
      const [name, format] = [m[1], m[2]];
      const version = await dataVersion(pool, name, def);
      const contributed = await sourcesOf(name, def, comuni, version.version);
      const access = accessOf(def, contributed);
      const columns = await columnsOf(name, def, comuni);
      res.set('X-Data-Version', version.version);
      const query = territory === PROVINCE ? '' : `?territory=${encodeURIComponent(territory)}`;
      if (format === 'json')
        return void res.json(
          await metadata(pool, name, def, columns, {
            territory,
            comuni,
            version,
            sources: contributed,
            access,
            base: baseOf(req),
            query,
          }),
        );
      const refused = exportRefusal(actor, name, access);
      if (refused) return sendError(res, refused);
      const asked = `${file}?territory=${territory}`;
      if (exportNotModified(req, res, version.version, asked, access.access !== 'KEY')) return;
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
      if (e instanceof HubError) return sendError(res, e);
      next(e);
    }
  });
  return { router, pool, stop: () => pool.end() };
}

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

/** How a metadata document was asked for, and what is known of the export. */
interface MetadataContext {
  territory: string;
  comuni: string;
  version: DataVersionInfo;
  sources: SourceRow[];
  access: ExportAccess;
  base: string;
  /** `?territory=…` of the downloads, or empty for the province. */
  query: string;
}

/** The metadata document of an export, so an extract can be cited and reproduced. */
async function metadata(
  pool: pg.Pool,
  name: string,
  def: ExportDefinition,
  columns: ResolvedColumn[],
  ctx: MetadataContext,
) {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from (${def.sql(ctx.comuni)}) x`,
  );
  const urls = downloadsOf(ctx.base, name, def);
  const formats = {
    csv: `${urls.csv}${ctx.query}`,
    ...(urls.geojson ? { geojson: `${urls.geojson}${ctx.query}` } : {}),
  };
  return {
    name,
    title: def.title,
    description: def.description,
    territory: ctx.territory,
    formats,
    access: ctx.access.access,
    ...(ctx.access.reasons.length ? { accessNote: ctx.access.reasons.join('; ') } : {}),
    columns: columns.map(({ name: column, description, type }) => ({
      name: column,
      description,
      type,
    })),
    conventions: CSV_CONVENTIONS,
    licences: licenceIds(ctx.sources),
    sources: ctx.sources,
    citation: citation(def.title, ctx.version, formats.csv, ctx.sources),
    generatedAt: new Date().toISOString(),
    rowCount: rows[0].n,
    dataVersion: ctx.version.version,
    dataModified: ctx.version.modified,
  };
}
