import type { EntityManager } from '@mikro-orm/postgresql';
import type { Progress } from './progress.js';

/** A domain's curated seed: loaded once, when the domain's tables are empty. */
export interface DomainSeed {
  /** Name in logs, e.g. "hub" or "pnrr". */
  name: string;
  /** True when the domain's data are already there. */
  isSeeded(em: EntityManager): Promise<boolean>;
  /**
   * Loads the domain's seed data (runs inside a transaction). A seed that takes more than
   * a second or two reports its steps to `progress`.
   */
  run(em: EntityManager, progress?: Progress): Promise<void>;
}

/**
 * One domain seed made of parts, each loaded when its own data are missing: a deployment
 * seeded by an earlier release gets the parts added since (their `run` must be idempotent
 * or guarded by their own `isSeeded`), a fresh database gets them all, in order.
 */
export function composeSeeds(name: string, ...parts: DomainSeed[]): DomainSeed {
  return {
    name,
    isSeeded: async (em) => {
      for (const p of parts) if (!(await p.isSeeded(em))) return false;
      return true;
    },
    run: async (em, progress) => {
      for (const p of parts) if (!(await p.isSeeded(em))) await p.run(em, progress);
    },
  };
}
