import 'reflect-metadata';
import { createLogger } from './common/log.js';
import { ConfigError, loadConfig } from './config.js';
import { startHub, StartInterrupted, type RunningHub } from './server/start.js';

/**
 * Entry point of `npm start` (which execs node, so signals sent to npm reach it).
 * SIGTERM or SIGINT: requests and exports in flight get HUB_SHUTDOWN_GRACE_SECONDS, then
 * the HTTP server, the database connections and the embedded PostgreSQL (when no tool still
 * uses it) stop, and the process exits 0. During the start, the start is interrupted.
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const starting = new AbortController();
  let hub: RunningHub | null = null;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return log.info({ signal }, 'already stopping');
    stopping = true;
    log.info({ signal }, 'stopping');
    if (!hub) return starting.abort();
    hub.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    hub = await startHub(config, log, starting.signal);
  } catch (e) {
    if (!(e instanceof StartInterrupted)) throw e;
    log.info('stopped during the start');
    process.exit(0);
  }
  if (stopping) {
    // The signal came while the server was starting to listen: stop now.
    stopping = false;
    stop('signal during start');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
