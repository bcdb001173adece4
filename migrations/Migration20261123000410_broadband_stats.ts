import { Migration } from '@mikro-orm/migrations';

/**
 * Per-comune coverage cells (comune × plan × technology × status) kept as a materialized
 * view: every broadband figure folds from these few hundred rows instead of aggregating
 * the civic addresses on each request. Refreshed by the seed and the importer.
 */
export class Migration20261123000410_broadband_stats extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create materialized view broadband_cell as
      select a.comune_istat_code, c.plan, c.technology, c.status,
             count(*)::int as addresses, sum(a.units)::int as units,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.technology = 'FTTH'), 0)::int as ftth,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 1000), 0)::int as gigabit,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 200), 0)::int as mbps200
        from civic_address a join address_coverage c on c.address_pk = a.pk
       group by 1, 2, 3, 4;`);
    this.addSql(
      `create index "civic_address_comune_dataset_index" on "civic_address" ("comune_istat_code", "dataset_id");`,
    );
    this.addSql(
      `create unique index broadband_cell_key on broadband_cell (comune_istat_code, plan, technology, status);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop materialized view if exists broadband_cell;');
    this.addSql('drop index if exists civic_address_comune_dataset_index;');
  }
}
