import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubContext } from './context.js';
import type { DatePrecision } from './dates.js';
import type { Importer } from './importer.js';
import type { DomainSeed } from './seed.js';

/**
 * What a domain's index.ts exports: its entities and resolvers, and optionally its
 * curated seed and its CSV importers. src/schema.ts lists the domains.
 */
export interface Domain {
  name: string;
  entities: readonly unknown[];
  resolvers: readonly unknown[];
  seed?: DomainSeed;
  importers?: Record<string, Importer>;
  /** `npm run seed -- <name> [args]`: a domain's own seed command (e.g. scaled samples). */
  seedCommand?: (orm: MikroORM, args: string[]) => Promise<void>;
  /** Node types the domain owns: type name -> record by key (global ids, `node(id)`). */
  nodes?: Record<string, NodeLoader>;
  /** Dated events of a set of comuni for `Comune.timeline` (set-based: one query). */
  timeline?: (ctx: HubContext, comuni: readonly string[]) => Promise<TimelineEvent[]>;
  /** Cross-domain `search` providers, by result type name. */
  search?: Record<string, SearchProvider>;
  /**
   * Map layers of `featureCollection`, by layer name (e.g. COLLECTION_CENTRES): each name
   * becomes a value of the `MapLayer` enum, described by its `description`.
   */
  layers?: Record<string, MapLayerHook>;
  /** Bulk exports (`/export/<name>.csv|.geojson|.json`), by name, e.g. `pnrr-grants`. */
  exports?: Record<string, ExportDefinition>;
  /** The domain's indicator columns in the wide table `/export/comuni.csv`. */
  wideColumns?: WideColumns;
}

/**
 * How the cells of an export column are written in CSV (one convention for every export,
 * applied by the export machinery, src/server/export/format.ts):
 * - `boolean`: `true` / `false` (never PostgreSQL's `t` / `f`);
 * - `money`: EUR with exactly two decimals (`0.00`, `79922.00`), exact;
 * - `integer`, `decimal`: as PostgreSQL prints them (decimal: full precision);
 * - `date`: ISO `YYYY-MM-DD`; `timestamp`: ISO 8601 in UTC (`2024-05-01T10:00:00Z`);
 * - `text`: as is.
 * An empty cell is always null: unknown (or not applicable), never zero.
 */
export type ExportColumnType =
  'text' | 'integer' | 'decimal' | 'money' | 'boolean' | 'date' | 'timestamp';

/** A column of an export: name and meaning (documented in the README and the metadata). */
export interface ExportColumn {
  name: string;
  description: string;
  /**
   * How its cells are written. Declare it. When absent it is inferred from the type
   * PostgreSQL gives the column: boolean → `boolean`; numeric named `*_eur` → `money`;
   * other numeric or floating point → `decimal`; integers → `integer`; date → `date`;
   * timestamps → `timestamp`; anything else → `text`.
   */
  type?: ExportColumnType;
  /**
   * True for a column holding personal data (names, phones, e-mails of people): an export
   * with one is never downloadable without a key, whatever its licences.
   */
  personal?: boolean;
}

/**
 * A bulk export. Its SQL is run by PostgreSQL's COPY (no bind parameters): `comuni` is a
 * SQL literal of the validated ISTAT codes of the territory, e.g. `'{019035}'::text[]`.
 */
export interface ExportDefinition {
  title: string;
  description: string;
  columns: ExportColumn[];
  /** Dataset ids behind the rows (licences and sources of the metadata). */
  datasets: string[];
  /** Tables read: the data version changes when one of them changes. */
  tables: string[];
  /** SQL selecting exactly `columns`, in order, for the comuni in `comuni`. */
  sql: (comuni: string) => string;
  /** SQL selecting one `feature` (json, RFC 7946 Feature) per row, for a .geojson export. */
  geojson?: (comuni: string) => string;
  /**
   * SQL selecting `dataset_id` of records the rows use besides those found by default (the
   * `dataset_id` of the rows of each table in `tables`, within the territory where the table
   * says its comune), e.g. the dataset of the comuni's boundaries.
   */
  extraSources?: (comuni: string) => string;
}

/** Indicator columns a domain adds to the wide table, one row per comune. */
export interface WideColumns {
  columns: ExportColumn[];
  datasets: string[];
  tables: string[];
  /** SQL selecting `istat_code` and then exactly `columns`, one row per comune at most. */
  sql: (comuni: string) => string;
}

/** Loads one record of a node type by the key inside its global id (null if none). */
export type NodeLoader = (ctx: HubContext, key: string) => Promise<object | null>;

/** A dated event in a comune's timeline. */
export interface TimelineEvent {
  comune: string;
  on: string;
  precision: DatePrecision;
  domain: string;
  /** Stable kind, e.g. GRANT_FUNDED, MILESTONE, PLAN_DEADLINE, FUNDING_ANNOUNCED. */
  kind: string;
  title: string;
  datasetId: string;
  sourceNote?: string | null;
  /** Global id of the record the event is about, when there is one. */
  entityId?: string | null;
  /**
   * When only a range of days is known: the earliest day the event can have happened; `on`
   * is then the latest (e.g. a renunciation first seen in a file of that day).
   */
  notBefore?: string | null;
  /**
   * True when the event concerns another body located in the comune (a school, a health
   * authority...), not the comune itself: shown only with `timeline(bodies: ALL)`, as
   * `pnrr(bodies: ALL)` counts their grants.
   */
  otherBody?: boolean;
}

/** One search hit: the record (an entity implementing Node) and its score in [0, 1]. */
export interface SearchHit {
  node: object;
  score: number;
  /** Tie-breaker for a stable order. */
  key: string;
}

/** Search query as providers receive it: the raw and folded text, and how many hits. */
export interface SearchQuery {
  text: string;
  folded: string;
  limit: number;
}

/** Returns the best hits of one type for a query, best first. */
export type SearchProvider = (ctx: HubContext, query: SearchQuery) => Promise<SearchHit[]>;

/** A GeoJSON feature (RFC 7946: coordinates in lon, lat order). */
export interface GeoFeature {
  type: 'Feature';
  id?: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

/** A map layer a domain offers: its description (of its `MapLayer` value) and its features. */
export interface MapLayerHook {
  description: string;
  features: LayerProvider;
}

/** Features of a layer for a set of comuni, at most `limit`. */
export type LayerProvider = (
  ctx: HubContext,
  comuni: readonly string[],
  limit: number,
) => Promise<GeoFeature[]>;
