/**
 * The raw floor of the benchmark: node:http + pg, ONE hand-written SQL statement per
 * request that builds the whole JSON answer in PostgreSQL (text passed through), and
 * `COPY ... TO STDOUT` streamed for the CSV export. No GraphQL, no ORM, no protections.
 *
 *   DATABASE_URL=... PORT=5680 node --import tsx bench/raw-server.ts
 */
import { createServer } from 'node:http';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CELLS_SQL, SOURCED_TABLES_SQL, W4_QUERY, w1Sql, w2Sql, w3Sql, w5Sql } from './raw-sql.js';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_bench';
const port = Number(process.env.PORT ?? 5680);
const pool = new pg.Pool({ connectionString: url, max: 10 });

const tables = (await pool.query<{ table_name: string }>(SOURCED_TABLES_SQL)).rows.map(
  (r) => r.table_name,
);
// The hub's materialized coverage cells, when its schema has them: same database, same floor.
const cells = (await pool.query<{ cells: boolean }>(CELLS_SQL)).rows[0].cells;
const SQL = {
  w1: w1Sql(tables, cells),
  w5: w5Sql(tables, cells),
  w2first: w2Sql(false),
  w2deep: w2Sql(true),
  w3: w3Sql(cells),
};

const decode = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * Runs one statement; `name` makes it a named prepared statement (parsed and planned once
 * per connection, as PostGraphile does): the dossier statement plans in several ms. The
 * address pages stay unnamed so that each gets a custom plan for its cursor.
 */
async function one(sql: string, params: unknown[], name?: string): Promise<string | null> {
  const { rows } = await pool.query<{ body: string }>({ text: sql, values: params, name });
  return rows[0]?.body ?? null;
}

const server = createServer(async (req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  const p = u.searchParams;
  const send = (body: string | null) => {
    if (body == null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  };
  try {
    switch (u.pathname) {
      case '/w1':
        return send(await one(SQL.w1, [p.get('c')], 'w1'));
      case '/w5':
        return send(await one(SQL.w5, [p.get('g')], 'w5'));
      case '/w2': {
        const first = Math.min(Number(p.get('first') ?? 50), 500);
        const after = p.get('after');
        const body = after
          ? await one(SQL.w2deep, [p.get('c'), p.get('t'), ...decode(after), first])
          : await one(SQL.w2first, [p.get('c'), p.get('t'), first]);
        // The end cursor is re-encoded here (opaque to clients, as the others' are).
        const parsed = body?.replace(
          /"endCursor" : (\[[^\]]*\])/,
          (_m, key: string) => `"endCursor" : "${encode(JSON.parse(key))}"`,
        );
        return send(parsed ?? null);
      }
      case '/w3':
        return send(await one(SQL.w3, [p.get('g') ?? 'province-cr'], 'w3'));
      case '/w4.csv': {
        const client = await pool.connect();
        res.on('close', () => {
          if (!res.writableFinished) client.release(true);
        });
        try {
          res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
          await pipeline(
            client.query(copyTo(`copy (${W4_QUERY}) to stdout with (format csv, header true)`)),
            res,
          );
          client.release();
        } catch {
          client.release(true);
        }
        return;
      }
      default:
        res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
});

server.listen(port, '127.0.0.1', () => console.log(`raw floor on http://127.0.0.1:${port}`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
