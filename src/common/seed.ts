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
