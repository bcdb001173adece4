import type { MikroORM } from '@mikro-orm/postgresql';
import type { Importer } from './importer.js';
import type { DomainSeed } from './seed.js';

/**
 * What a domain's index.ts exports: its entities and resolvers, and optionally its
 * curated seed and its CSV importers. src/schema.ts lists the domains.
 */
export interface Domain {
  name: string;
  entities: readonly unknown[];
  resolvers: readonly unknown[];
  seed?: DomainSeed;
  importers?: Record<string, Importer>;
  /** `npm run seed -- <name> [args]`: a domain's own seed command (e.g. scaled samples). */
  seedCommand?: (orm: MikroORM, args: string[]) => Promise<void>;
}
