import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';

/** The channel the data-version trigger notifies (migration data_version_notify). */
export const CHANNEL = 'hub_data_version';

/**
 * The database's data version as this process knows it: the change counters of every
 * tracked table (`data_version`), kept current by `LISTEN hub_data_version` on one
 * dedicated connection to the primary. PostgreSQL delivers a notification when the
 * transaction that bumped a counter commits, so a change made by any process (another hub,
 * `npm run import`, psql) moves the version here at once, and reading it costs nothing: a
 * cache hit touches neither the ORM nor PostgreSQL.
 *
 * While the connection is down (or before the first read) the version is unknown
 * (`current()` is null) and the response cache is bypassed: never a stale answer.
 */
export class DataVersionWatcher extends EventEmitter<{ change: [] }> {
  private readonly counters = new Map<string, bigint>();
  private instance = '';
  private token: string | null = null;
  private dirty = true;
  private ready = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  private constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {
    super();
  }

  /**
   * Connects, listens, reads the counters; resolves once the version is known, or after a
   * failed first attempt (the database is down: the version stays unknown, the cache
   * bypassed, and the watcher keeps trying every second).
   */
  static async start(url: string, log: Logger): Promise<DataVersionWatcher> {
    const w = new DataVersionWatcher(url, log);
    await w.connect().catch((e: unknown) => w.lost(null, e as Error));
    return w;
  }

  /**
   * The current version token (a hash of the database's identity and every counter), or
   * null while unknown.
   */
  current(): string | null {
    if (!this.ready) return null;
    if (this.dirty) {
      const h = createHash('sha256').update(this.instance);
      for (const [t, v] of [...this.counters].sort(([a], [b]) => (a < b ? -1 : 1)))
        h.update(`\n${t} ${v}`);
      this.token = h.digest('base64url').slice(0, 22);
      this.dirty = false;
    }
    return this.token;
  }

  /**
   * Re-reads the counters from the primary (after a mutation through this process, so its
   * own next answer is computed on a version that includes its write, whatever the order
   * in which the notification arrives).
   */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client || !this.ready) return;
    const { rows } = await client.query<{ table_name: string; version: string }>(
      'select table_name, version::text as version from data_version',
    );
    for (const r of rows) this.raise(r.table_name, BigInt(r.version));
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    this.ready = false;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private raise(table: string, version: bigint) {
    const known = this.counters.get(table);
    if (known !== undefined && known >= version) return;
    this.counters.set(table, version);
    this.dirty = true;
    this.emit('change');
  }

  /** The connection `client` (null: a first attempt) failed: unknown version, retry soon. */
  private lost(client: pg.Client | null, err?: Error) {
    if (this.client !== client || this.closed || this.retry) return;
    this.ready = false;
    this.client = null;
    this.log.warn({ err }, 'data version: no connection, response cache bypassed until back');
    this.emit('change');
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch((e: unknown) => this.lost(null, e as Error));
    }, 1000);
    this.retry.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const [table, version] = n.payload.split(' ');
      if (table && version && /^\d+$/.test(version)) this.raise(table, BigInt(version));
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      // Listen first, then read: a bump between the two is both read and notified (raise
      // keeps the larger counter), never missed.
      await client.query(`listen ${CHANNEL}`);
      const [{ rows: instance }, { rows }] = [
        await client.query<{ id: string }>('select id::text as id from hub_instance'),
        await client.query<{ table_name: string; version: string }>(
          'select table_name, version::text as version from data_version',
        ),
      ];
      this.instance = instance[0]?.id ?? '';
      for (const r of rows) this.raise(r.table_name, BigInt(r.version));
      this.dirty = true;
      this.ready = true;
    } catch (e) {
      if (this.client === client) this.client = null;
      await client.end().catch(() => undefined);
      throw e;
    }
  }
}
