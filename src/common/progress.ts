import type { Logger } from 'pino';

/** One step of a long task: `done` of `total` units, and what else is worth saying. */
export interface ProgressStep {
  done: number;
  total: number;
  /** What is counted, plural: "comuni", "files". */
  unit: string;
  /** e.g. "45120 civic numbers". */
  note?: string;
}

/** Receives the steps of a long task (seeds, imports). */
export type Progress = (step: ProgressStep) => void;

/**
 * A {@link Progress} that logs a readable line at most every `everyMs` (and always the
 * last step), e.g. "broadband seed: 57/113 comuni (50%), 45120 civic numbers".
 */
export function logProgress(log: Logger, task: string, everyMs = 1000): Progress {
  let last = 0;
  return ({ done, total, unit, note }) => {
    const now = Date.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    log.info(
      { progress: { task, done, total, unit } },
      `${task}: ${done}/${total} ${unit} (${pct}%)${note ? `, ${note}` : ''}`,
    );
  };
}
