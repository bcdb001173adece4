import type { Response } from 'express';
import { once } from 'node:events';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';

/** How an export stream ended. */
export type StreamOutcome = 'complete' | 'client_closed' | 'cut' | 'failed';

/**
 * The last line of an export that could not be finished. The response also ends without
 * HTTP's end-of-body (the connection is reset), so every HTTP client reports an error; the
 * line makes a file saved anyway unmistakably incomplete (no CSV or JSON parser accepts it).
 */
export const incompleteMarker = (reason: string) =>
  `\n#ERROR: export incomplete: ${reason}. This file is cut short; download it again.\n`;

/** What an export needs besides its SQL. */
export interface StreamOptions {
  /** Aborted when the hub's shutdown grace period is over: the export is cut. */
  shutdown?: AbortSignal;
  /** Told how the stream ended (metrics, logs). */
  onEnd?: (outcome: StreamOutcome, error?: unknown) => void;
}

/**
 * Writes `body` to the response with backpressure (memory stays flat). Stops when the client
 * goes away or `shutdown` aborts; a cut or a failure after the headers were sent ends the
 * response with {@link incompleteMarker} and a reset connection, never with a clean end.
 */
async function send(
  res: Response,
  body: AsyncIterable<Buffer | string>,
  shutdown: AbortSignal | undefined,
): Promise<StreamOutcome> {
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  res.once('close', stop);
  shutdown?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of body) {
      if (stopped.signal.aborted) break;
      if (!res.write(chunk))
        await once(res, 'drain', { signal: stopped.signal }).catch(() => undefined);
      if (stopped.signal.aborted) break;
    }
  } finally {
    res.off('close', stop);
    shutdown?.removeEventListener('abort', stop);
  }
  if (res.destroyed || (res.writableEnded && !res.writableFinished)) return 'client_closed';
  if (shutdown?.aborted) return 'cut';
  res.end();
  return 'complete';
}

/** Ends a response that cannot be finished so that the client sees it is incomplete. */
async function cutShort(res: Response, reason: string): Promise<void> {
  if (res.destroyed) return;
  // Give the marker a moment to reach a client that still reads, then reset the connection.
  const flushed = new Promise<void>((resolve) =>
    res.write(incompleteMarker(reason), () => resolve()),
  );
  await Promise.race([flushed, new Promise((r) => setTimeout(r, 1000))]);
  res.destroy();
}

/**
 * Runs an export on a pooled connection of its own. When the client goes away or the
 * export is cut, the query is cancelled (pg_cancel_backend) and the connection discarded.
 */
async function exportWith(
  pool: pg.Pool,
  res: Response,
  opts: StreamOptions,
  body: (client: pg.PoolClient) => AsyncIterable<Buffer | string>,
): Promise<void> {
  const client = await pool.connect();
  const pid = (client as unknown as { processID: number }).processID;
  let outcome: StreamOutcome;
  let error: unknown;
  try {
    outcome = await send(res, body(client), opts.shutdown);
  } catch (e) {
    outcome = 'failed';
    error = e;
  }
  if (outcome === 'complete') client.release();
  else {
    await pool.query('select pg_cancel_backend($1)', [pid]).catch(() => undefined);
    client.release(true);
  }
  opts.onEnd?.(outcome, error);
  if (outcome === 'cut') await cutShort(res, 'the hub is shutting down');
  if (outcome === 'failed') {
    // Before any byte was sent the router answers with a coded error; after, cut it short.
    if (!res.headersSent) throw error;
    await cutShort(res, 'the server failed while writing it');
  }
}

/** Streams `COPY (sql) TO STDOUT` as RFC 4180 CSV with a header row. */
export function streamCsv(
  pool: pg.Pool,
  res: Response,
  sql: string,
  opts: StreamOptions = {},
): Promise<void> {
  return exportWith(pool, res, opts, (client) =>
    client.query(copyTo(`copy (${sql}) to stdout with (format csv, header true, encoding 'UTF8')`)),
  );
}

/** Streams a GeoJSON FeatureCollection from a query returning one `feature` per row. */
export function streamGeoJson(
  pool: pg.Pool,
  res: Response,
  sql: string,
  opts: StreamOptions = {},
): Promise<void> {
  return exportWith(pool, res, opts, async function* (client) {
    const rows = client.query(
      new QueryStream(`select feature::text as f from (${sql}) x`, [], { batchSize: 1000 }),
    );
    let first = true;
    for await (const row of rows as AsyncIterable<{ f: string }>) {
      yield (first ? '{"type":"FeatureCollection","features":[\n' : ',\n') + row.f;
      first = false;
    }
    yield first ? '{"type":"FeatureCollection","features":[]}\n' : '\n]}\n';
  });
}
