import { Migration } from '@mikro-orm/migrations';

/**
 * Listed civics per comune, mapping and category are counted from one index (an index-only
 * scan, already in group order) instead of reading and hashing every observation.
 */
export class Migration20261130100000_coverage_counts_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "coverage_observation_comune_mapping_category_index" on "coverage_observation" ("comune_istat_code", "mapping_code", "category");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "coverage_observation_comune_mapping_category_index";`);
  }
}
