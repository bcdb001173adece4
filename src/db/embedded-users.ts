import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Who uses an embedded PostgreSQL: one file per process under `<dataDir>/pg-users/`, so that
 * the hub and the command-line tools share one server on one data directory. A process is
 * a user from the moment it joins until it leaves; the last one to leave stops the server,
 * and a server whose users are all gone (a `kill -9`) is stale.
 */
export interface EmbeddedUser {
  pid: number;
  /** Start time of the process (Linux: clock ticks since boot), so a reused pid is not taken for it. */
  startTime: string | null;
  /** The command line, for operators reading the log or the directory. */
  command: string;
  since: string;
}

/** Start time of a process from `/proc/<pid>/stat` (field 22), or null where there is no /proc. */
async function startTimeOf(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** True when a process with this pid exists (signal 0 checks without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the user's process is still the one that joined (same pid and start time). */
async function stillRunning(user: EmbeddedUser): Promise<boolean> {
  if (!processAlive(user.pid)) return false;
  if (user.startTime === null) return true;
  const now = await startTimeOf(user.pid);
  return now === null || now === user.startTime;
}

const usersDir = (root: string) => join(root, 'pg-users');

/**
 * The users whose processes still run; entries of processes that are gone are removed.
 * Call it holding {@link lockDataDir}.
 */
export async function liveUsers(root: string): Promise<EmbeddedUser[]> {
  const dir = usersDir(root);
  if (!existsSync(dir)) return [];
  const live: EmbeddedUser[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    let user: EmbeddedUser | null = null;
    try {
      user = JSON.parse(await readFile(file, 'utf8')) as EmbeddedUser;
    } catch {
      user = null;
    }
    if (user && Number.isInteger(user.pid) && (await stillRunning(user))) live.push(user);
    else await rm(file, { force: true });
  }
  return live;
}

/** Records this process as a user of the server. Call it holding {@link lockDataDir}. */
export async function addUser(root: string): Promise<void> {
  await mkdir(usersDir(root), { recursive: true });
  const me: EmbeddedUser = {
    pid: process.pid,
    startTime: await startTimeOf(process.pid),
    command: process.argv.slice(1).join(' ').slice(0, 500),
    since: new Date().toISOString(),
  };
  await writeFile(join(usersDir(root), `${process.pid}.json`), JSON.stringify(me));
}

/** Removes this process from the users. Call it holding {@link lockDataDir}. */
export async function removeUser(root: string): Promise<void> {
  await rm(join(usersDir(root), `${process.pid}.json`), { force: true });
}

/**
 * Runs `work` holding the data directory's lock (`<dataDir>/pg.lock`), so that joining,
 * starting, stopping and leaving never interleave between processes. A lock left by a
 * killed process is taken over after 10 s; waiting gives up after about two minutes.
 */
export async function lockDataDir<T>(
  root: string,
  work: () => Promise<T>,
  onCompromised: (e: Error) => void,
): Promise<T> {
  await mkdir(root, { recursive: true });
  const release = await lockfile
    .lock(root, {
      lockfilePath: join(root, 'pg.lock'),
      realpath: false,
      stale: 10_000,
      retries: { retries: 150, factor: 1.2, minTimeout: 100, maxTimeout: 1000 },
      onCompromised,
    })
    .catch((e: unknown) => {
      throw new Error(
        `could not lock ${join(root, 'pg.lock')} (another hub or tool is starting or stopping the embedded PostgreSQL): ${(e as Error).message}`,
      );
    });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
