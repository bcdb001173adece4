import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_hub } from './Migration20261123000000_hub.js';
import { Migration20261123000050_access } from './Migration20261123000050_access.js';
import { Migration20261123000100_infrastructure } from './Migration20261123000100_infrastructure.js';
import { Migration20261123000200_energy } from './Migration20261123000200_energy.js';
import { Migration20261123000300_pnrr } from './Migration20261123000300_pnrr.js';
import { Migration20261123000400_broadband } from './Migration20261123000400_broadband.js';
import { Migration20261123000410_broadband_stats } from './Migration20261123000410_broadband_stats.js';
import { Migration20261123000500_civil_protection } from './Migration20261123000500_civil_protection.js';
import { Migration20261123000900_data_version } from './Migration20261123000900_data_version.js';
import { Migration20261130002000_import_run } from './Migration20261130002000_import_run.js';
import { Migration20261130002100_data_version_rows } from './Migration20261130002100_data_version_rows.js';

/**
 * Every migration, in order. Listed explicitly so that tsx, vitest and compiled code
 * load the same files with no directory scan. Each domain adds its own line.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123000000_hub', class: Migration20261123000000_hub },
  { name: 'Migration20261123000050_access', class: Migration20261123000050_access },
  { name: 'Migration20261123000100_infrastructure', class: Migration20261123000100_infrastructure },
  { name: 'Migration20261123000200_energy', class: Migration20261123000200_energy },
  { name: 'Migration20261123000300_pnrr', class: Migration20261123000300_pnrr },
  { name: 'Migration20261123000400_broadband', class: Migration20261123000400_broadband },
  {
    name: 'Migration20261123000410_broadband_stats',
    class: Migration20261123000410_broadband_stats,
  },
  {
    name: 'Migration20261123000500_civil_protection',
    class: Migration20261123000500_civil_protection,
  },
  { name: 'Migration20261123000900_data_version', class: Migration20261123000900_data_version },
  { name: 'Migration20261130002000_import_run', class: Migration20261130002000_import_run },
  {
    name: 'Migration20261130002100_data_version_rows',
    class: Migration20261130002100_data_version_rows,
  },
];
