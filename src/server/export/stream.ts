import type { Response } from 'express';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * Runs `work` on a pooled connection and stops the query when the HTTP client goes
 * away: the backend is cancelled (pg_cancel_backend) and the connection discarded.
 */
async function withCancellableClient(
  pool: pg.Pool,
  res: Response,
  work: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  const pid = (client as unknown as { processID: number }).processID;
  let finished = false;
  const onClose = () => {
    // 'close' also follows a normal end of the response: only a response that did not
    // finish means the client left, and only then is the query cancelled.
    if (finished || res.writableFinished) return;
    void pool.query('select pg_cancel_backend($1)', [pid]).catch(() => undefined);
  };
  res.once('close', onClose);
  try {
    await work(client);
    finished = true;
    client.release();
  } catch (e) {
    finished = true;
    client.release(true);
    if (!res.destroyed && !res.writableEnded) throw e;
  } finally {
    res.off('close', onClose);
  }
}

/** Streams `COPY (sql) TO STDOUT` as RFC 4180 CSV with a header row. */
export function streamCsv(pool: pg.Pool, res: Response, sql: string): Promise<void> {
  return withCancellableClient(pool, res, async (client) => {
    const copy = client.query(
      copyTo(`copy (${sql}) to stdout with (format csv, header true, encoding 'UTF8')`),
    );
    await pipeline(copy, res);
  });
}

/** Streams a GeoJSON FeatureCollection from a query returning one `feature` per row. */
export function streamGeoJson(pool: pg.Pool, res: Response, sql: string): Promise<void> {
  return withCancellableClient(pool, res, async (client) => {
    let first = true;
    const rows = client.query(
      new QueryStream(`select feature::text as f from (${sql}) x`, [], { batchSize: 1000 }),
    );
    const toJson = new Transform({
      writableObjectMode: true,
      transform(row: { f: string }, _enc, done) {
        const head = first ? '{"type":"FeatureCollection","features":[\n' : ',\n';
        first = false;
        done(null, head + row.f);
      },
      flush(done) {
        done(null, first ? '{"type":"FeatureCollection","features":[]}\n' : '\n]}\n');
      },
    });
    await pipeline(rows, toJson, res);
  });
}
