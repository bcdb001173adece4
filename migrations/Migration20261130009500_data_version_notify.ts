import { Migration } from '@mikro-orm/migrations';

/**
 * The data version becomes the response cache's truth (README "Running at scale"):
 * - every bump also sends `NOTIFY hub_data_version, '<table> <version>'`, delivered to the
 *   listening hub processes when (and only when) the bumping transaction commits;
 * - `hub_bump_table(name)` bumps a name by hand, for what no trigger sees (the refresh of the
 *   materialized view `broadband_cell`);
 * - the tables the broadband_real migration created without tracking are tracked;
 * - `hub_instance` holds one random id of this database, so that hubs of different databases
 *   sharing one Redis never read each other's cached answers.
 */
export class Migration20261130009500_data_version_notify extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create or replace function hub_bump_table(name text) returns void language plpgsql as $$
      declare v bigint;
      begin
        insert into data_version (table_name, version, changed_at) values (name, 1, now())
        on conflict (table_name) do update set version = data_version.version + 1, changed_at = now()
        returning version into v;
        perform pg_notify('hub_data_version', name || ' ' || v);
      end $$;`);
    this
      .addSql(`create or replace function hub_bump_data_version() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'TRUNCATE' then
          if not exists (select 1 from hub_changed_rows) then
            return null;
          end if;
        end if;
        perform hub_bump_table(tg_table_name::text);
        return null;
      end $$;`);
    for (const table of [
      'anncsu_civic_count',
      'broadband_claim',
      'broadband_mapping',
      'broadband_plan_status',
      'coverage_observation',
    ])
      this.addSql(`select hub_track_changes('${table}');`);
    this.addSql(
      `insert into data_version (table_name, version, changed_at) values ('broadband_cell', 1, now()) on conflict do nothing;`,
    );
    this.addSql(
      `create table "hub_instance" ("id" uuid not null default gen_random_uuid(), "singleton" boolean not null default true, constraint "hub_instance_pkey" primary key ("id"), constraint "hub_instance_singleton" unique ("singleton"));`,
    );
    this.addSql(`insert into hub_instance default values;`);
  }
}
