import { spawn, type ChildProcess } from 'node:child_process';

/** A hub started through `npm start`'s code in a child process. */
export interface ChildHub {
  child: ChildProcess;
  /** The GraphQL URL the hub logged. */
  url: string;
  log: string[];
  /** Sends SIGTERM and waits for the exit code. */
  stop: () => Promise<number | null>;
}

/**
 * Starts `node --import tsx src/main.ts` (what `npm start` runs) with the given
 * environment on top of the test's, and waits for its "listening" log line.
 */
export function startChildHub(env: NodeJS.ProcessEnv): Promise<ChildHub> {
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NODE_ENV: 'production', ...env };
  delete full.NODE_OPTIONS;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: full });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const m = /listening on (http:\/\/[^\s"]+)/.exec(line);
        if (m) resolve({ child, url: m[1], log, stop });
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    void exited.then((code) => reject(new Error(`hub exited with ${code}:\n${log.join('\n')}`)));
  });
}
