import type { EntityManager } from '@mikro-orm/postgresql';

/** A domain's curated seed: loaded once, when the domain's tables are empty. */
export interface DomainSeed {
  /** Name in logs, e.g. "hub" or "pnrr". */
  name: string;
  /** True when the domain's data are already there. */
  isSeeded(em: EntityManager): Promise<boolean>;
  /** Loads the domain's seed data (runs inside a transaction). */
  run(em: EntityManager): Promise<void>;
}
