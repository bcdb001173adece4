import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { perRequest, type HubContext } from './context.js';

/**
 * The lean read path: read-only loaders ask for plain rows with {@link readRows}, never
 * managed entities. Every query asked in the same tick of a request (the same moment
 * DataLoader batches: after the pending promise jobs) is sent as ONE statement: each query
 * becomes a `json_agg` column of a single-row select, so a dossier costs one round trip per
 * level of the GraphQL answer, whatever the number of comuni and of sections asked for.
 * The statement is a named prepared statement (planned once per connection), its name the
 * hash of its text; it goes to a read connection (a replica when MikroORM has some), or to
 * the request's transaction when there is one. Each statement is reported to the ORM's
 * query logger like any other (tests count them).
 *
 * Queries are written with `?` placeholders, as for `em.execute`; `in (?)` with an array
 * becomes `= any($n)` and `array[?]` with an array becomes `$n` (the whole array is one
 * parameter). Rows come back as PostgreSQL renders them in JSON: `numeric` and `bigint`
 * columns arrive as JSON numbers, so a query that needs exact decimals casts them to
 * `text`; dates and timestamps arrive as ISO text.
 */
export function readRows<T = Record<string, unknown>>(
  ctx: HubContext,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return perRequest(ctx, createReadBatch).add(sql, params) as Promise<T[]>;
}

interface Pending {
  sql: string;
  params: readonly unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (e: unknown) => void;
}

/** Rewrites `?` placeholders to `$n` from `first`, arrays as one parameter each. */
export function numbered(
  sql: string,
  params: readonly unknown[],
  first = 1,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let i = 0;
  let text = '';
  let quoted = false;
  for (let p = 0; p < sql.length; p++) {
    const ch = sql[p];
    if (ch === "'") quoted = !quoted;
    if (ch !== '?' || quoted) {
      text += ch;
      continue;
    }
    if (i >= params.length) throw new Error(`readRows: more placeholders than parameters`);
    const value = params[i++];
    const n = `$${first + values.length}`;
    values.push(value);
    if (Array.isArray(value)) {
      const inList = /\bin\s*\(\s*$/i.exec(text);
      const arrayCtor = /\barray\s*\[\s*$/i.exec(text);
      if (inList && /^\s*\)/.test(sql.slice(p + 1))) {
        text = `${text.slice(0, inList.index)}= any(${n}`;
        continue;
      }
      if (arrayCtor && /^\s*\]/.test(sql.slice(p + 1))) {
        text = `${text.slice(0, arrayCtor.index)}${n}`;
        p = sql.indexOf(']', p);
        continue;
      }
    }
    text += n;
  }
  if (i !== params.length) throw new Error(`readRows: more parameters than placeholders`);
  return { text, values };
}

/** The statement of a batch: one `json_agg` column per query. */
function batchStatement(queries: readonly Pending[]) {
  // Each parameter is one value, in order; only the text depends on which ones are arrays.
  const values = queries.flatMap((q) => q.params);
  const key = queries
    .map((q) => `${q.sql}\u0000${q.params.map((v) => (Array.isArray(v) ? 'a' : 's')).join('')}`)
    .join('\u0001');
  let statement = statements.get(key);
  if (!statement) {
    let first = 1;
    const cols = queries.map((q, k) => {
      const n = numbered(q.sql, q.params, first);
      first += n.values.length;
      return `(select coalesce(json_agg(t), '[]') from (${n.text}) t) as r${k}`;
    });
    const text = `select ${cols.join(',\n')}`;
    const name = `hub_read_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    statement = { name, text };
    // Bounded: the texts come from the code, but a filter may vary a few of them.
    if (statements.size > 1000) statements.clear();
    statements.set(key, statement);
  }
  return { ...statement, values };
}

/** Statements already built, by the texts of their queries (a few dozen shapes). */
const statements = new Map<string, { name: string; text: string }>();

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[][] }>;
}

function createReadBatch(ctx: HubContext) {
  let queue: Pending[] = [];

  async function run(batch: Pending[]) {
    // A stable text for the same set of queries: the prepared statement is reused.
    batch.sort((a, b) => (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0));
    const { name, text, values } = batchStatement(batch);
    const trx = ctx.em.getTransactionContext<Knex.Transaction>();
    const connection = ctx.em.getConnection(trx ? 'write' : 'read');
    const client = (trx ?? connection.getKnex()).client as unknown as {
      acquireConnection(): Promise<PgClient>;
      releaseConnection(c: PgClient): Promise<void>;
    };
    const started = Date.now();
    const pg = await client.acquireConnection();
    let row: unknown[];
    try {
      row = (await pg.query({ name, text, values: values.map(param), rowMode: 'array' } as never))
        .rows[0];
    } catch (e) {
      log(connection, text, started, 'error');
      throw e;
    } finally {
      await client.releaseConnection(pg);
    }
    log(connection, text, started, 'info');
    batch.forEach((q, k) => q.resolve(row[k] as unknown[]));
  }

  return {
    add(sql: string, params: readonly unknown[]) {
      return new Promise<unknown[]>((resolve, reject) => {
        if (!queue.length)
          // The same schedule as DataLoader: after the promise jobs already queued.
          void Promise.resolve().then(() =>
            process.nextTick(() => {
              const batch = queue;
              queue = [];
              run(batch).catch((e) => batch.forEach((q) => q.reject(e)));
            }),
          );
        queue.push({ sql, params, resolve, reject });
      });
    },
  };
}

/** Parameters as node-postgres sends them (arrays of values stay arrays). */
const param = (v: unknown) => (v === undefined ? null : v);

/** Reports the statement to the ORM's query logger, as MikroORM does for its own. */
function log(connection: unknown, query: string, started: number, level: 'info' | 'error') {
  (
    connection as { logQuery(q: string, c: { took: number; level: string; results: number }): void }
  ).logQuery(query, { took: Date.now() - started, level, results: 1 });
}
