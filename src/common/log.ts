import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** How log lines look: `auto` is readable on a terminal, JSON otherwise. */
export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * The hub's logger. On a terminal (or with LOG_FORMAT=pretty) one readable line per event
 * (pino-pretty: time, level, message, then the fields); anywhere else (a pipe, a file, a
 * log collector) one JSON object per line, as pino writes them.
 */
export function createLogger(
  opts: { level: string; format: LogFormat },
  out: { isTTY?: boolean; fd?: number } = process.stdout,
): Logger {
  const readable = opts.format === 'pretty' || (opts.format === 'auto' && out.isTTY === true);
  if (!readable)
    return out.fd === undefined || out.fd === 1
      ? pino({ level: opts.level })
      : pino({ level: opts.level }, pino.destination({ fd: out.fd }));
  return pino(
    { level: opts.level },
    pretty({
      // Synchronous: the last lines before an exit are never lost.
      sync: true,
      destination: out.fd ?? 1,
      colorize: out.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      // Progress lines say it all in their message.
      ignore: 'pid,hostname,progress',
      singleLine: true,
    }),
  );
}
