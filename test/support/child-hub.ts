import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';

/** A hub started as `npm start` starts it (src/main.ts in a child process). */
export interface ChildHub {
  child: ChildProcess;
  /** The GraphQL URL it logged, e.g. http://127.0.0.1:39123/graphql. */
  url: string;
  /** The server's root, e.g. http://127.0.0.1:39123. */
  base: string;
  /** Every line it wrote so far (stdout and stderr). */
  log: string[];
  stop: () => Promise<number | null>;
}

/**
 * Starts the real entry point on the run's test database (seeded once by the global
 * setup: HUB_SEED=never) on a free port, and waits for its "listening" line.
 */
export function startChildHub(env: Record<string, string> = {}): Promise<ChildHub> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: inject('databaseUrl'),
    HUB_SEED: 'never',
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        log.push(line);
        const m = /listening on (http:\/\/[^\s"]+)/.exec(line);
        if (m) resolve({ child, url: m[1], base: new URL(m[1]).origin, log, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`hub exited with ${code}:\n${log.join('\n')}`)));
  });
}
