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
import { Migration20261130003000_client_request_id } from './Migration20261130003000_client_request_id.js';
import { Migration20261130004000_broadband_real } from './Migration20261130004000_broadband_real.js';
import { Migration20261130005000_civil_protection_hazards } from './Migration20261130005000_civil_protection_hazards.js';
import { Migration20261130006000_hub_initiatives } from './Migration20261130006000_hub_initiatives.js';
import { Migration20261130006100_energy_founders } from './Migration20261130006100_energy_founders.js';
import { Migration20261130006200_pnrr_facilitation } from './Migration20261130006200_pnrr_facilitation.js';
import { Migration20261130007000_pnrr_observations } from './Migration20261130007000_pnrr_observations.js';
import { Migration20261130007100_comune_boundary_source } from './Migration20261130007100_comune_boundary_source.js';
import { Migration20261130007200_pnrr_claim_parts } from './Migration20261130007200_pnrr_claim_parts.js';
import { Migration20261130007300_pnrr_framework } from './Migration20261130007300_pnrr_framework.js';
import { Migration20261130009500_data_version_notify } from './Migration20261130009500_data_version_notify.js';
import { Migration20261130100000_coverage_counts_index } from './Migration20261130100000_coverage_counts_index.js';

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
  {
    name: 'Migration20261130003000_client_request_id',
    class: Migration20261130003000_client_request_id,
  },
  { name: 'Migration20261130004000_broadband_real', class: Migration20261130004000_broadband_real },
  {
    name: 'Migration20261130005000_civil_protection_hazards',
    class: Migration20261130005000_civil_protection_hazards,
  },
  {
    name: 'Migration20261130006000_hub_initiatives',
    class: Migration20261130006000_hub_initiatives,
  },
  {
    name: 'Migration20261130006100_energy_founders',
    class: Migration20261130006100_energy_founders,
  },
  {
    name: 'Migration20261130006200_pnrr_facilitation',
    class: Migration20261130006200_pnrr_facilitation,
  },
  {
    name: 'Migration20261130007000_pnrr_observations',
    class: Migration20261130007000_pnrr_observations,
  },
  {
    name: 'Migration20261130007100_comune_boundary_source',
    class: Migration20261130007100_comune_boundary_source,
  },
  {
    name: 'Migration20261130007200_pnrr_claim_parts',
    class: Migration20261130007200_pnrr_claim_parts,
  },
  { name: 'Migration20261130007300_pnrr_framework', class: Migration20261130007300_pnrr_framework },
  {
    name: 'Migration20261130009500_data_version_notify',
    class: Migration20261130009500_data_version_notify,
  },
  {
    name: 'Migration20261130100000_coverage_counts_index',
    class: Migration20261130100000_coverage_counts_index,
  },
];
