import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_hub } from './Migration20261123000000_hub.js';

/**
 * Every migration, in order. Listed explicitly so that tsx, vitest and compiled code
 * load the same files with no directory scan. Each domain adds its own line.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123000000_hub', class: Migration20261123000000_hub },
];
