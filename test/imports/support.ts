import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, openDatabase } from '../../src/db/database.js';
import { seedDatasets } from '../../src/core/ingest/seed.js';
import { domains } from '../../src/schema.js';

/**
 * A database of its own for a test file whose imports commit and whose checks compare
 * whole tables (other test files write the shared one in parallel): migrated, with the
 * seeds of the hub, infrastructure, energy and PNRR and the broadband datasets (not the
 * broadband sample, not civil protection: no importer needs them).
 */
export async function scratchDatabase(tag: string) {
  const url = new URL(inject('serverUrl'));
  url.pathname = `/hub_test_${tag}_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const orm = await openDatabase(databaseUrl, pino({ level: 'silent' }));
  try {
    for (const d of domains)
      if (d.seed && !['broadband', 'civil-protection'].includes(d.name))
        await orm.em.fork().transactional((em) => d.seed!.run(em));
    await orm.em.fork().transactional((em) => seedDatasets(em, 'broadband'));
  } catch (e) {
    await orm.close();
    await dropDatabase(databaseUrl);
    throw e;
  }
  return {
    url: databaseUrl,
    orm,
    drop: async () => {
      await orm.close();
      await dropDatabase(databaseUrl);
    },
  };
}

/**
 * A digest of every table and materialized view of the database (rows sorted by their
 * text), except those named: two equal digests mean equal contents.
 */
export async function tableDigests(
  em: EntityManager,
  except: string[] = ['import_run'],
): Promise<Record<string, string>> {
  const tables = await em.execute<{ name: string }[]>(
    `select tablename as name from pg_tables where schemaname = current_schema()
     union all select matviewname from pg_matviews where schemaname = current_schema()
     order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await em.execute<{ d: string | null; n: number }[]>(
      `select md5(string_agg(t::text, E'\\n' order by t::text)) as d, count(*)::int as n from "${name}" t`,
    );
    out[name] = `${row.n}:${row.d ?? ''}`;
  }
  return out;
}

/** One row of a report file, as the test reads it back. */
export interface ReportRow {
  line: number;
  column: string;
  code: string;
  message: string;
}

/** Reads a report of rejections (CSV with a header line). */
export function readReport(path: string): ReportRow[] {
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    line: Number(r.line),
    column: r.column,
    code: r.code,
    message: r.message,
  }));
}

/** SHA-256 of bytes, hex. */
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** One CSV record (no line end), quoted where needed. */
export const csvLine = (fields: string[]) => stringify([fields], { eof: false });

/** What a run of the real CLI printed and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run import -- <args>` as users do, as a child process on a database, and
 * waits for it to end.
 */
export function runCli(databaseUrl: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(databaseUrl, args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Spawns `npm run import -- <args>` in its own process group (so it can be killed whole). */
export function spawnCli(databaseUrl: string, args: string[]) {
  return spawn('npm', ['run', '-s', 'import', '--', ...args], {
    detached: true,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A scratch database (see {@link scratchDatabase}). */
export type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;
