import { Migration } from '@mikro-orm/migrations';

/**
 * Change counters per table (data_version) and the trigger that bumps them. Every table
 * that exists now is tracked; a later migration that creates a table calls
 * `select hub_track_changes('<table>')` for it.
 */
export class Migration20261123000900_data_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_version" ("table_name" text not null, "version" bigint not null, "changed_at" timestamptz not null, constraint "data_version_pkey" primary key ("table_name"));`,
    );
    this
      .addSql(`create or replace function hub_bump_data_version() returns trigger language plpgsql as $$
      begin
        insert into data_version (table_name, version, changed_at) values (tg_table_name, 1, now())
        on conflict (table_name) do update set version = data_version.version + 1, changed_at = now();
        return null;
      end $$;`);
    this
      .addSql(`create or replace function hub_track_changes(t regclass) returns void language plpgsql as $$
      begin
        execute format('create or replace trigger hub_data_version after insert or update or delete or truncate on %s for each statement execute function hub_bump_data_version()', t);
        insert into data_version (table_name, version, changed_at)
          values ((select relname from pg_class where oid = t), 1, now()) on conflict do nothing;
      end $$;`);
    this.addSql(`do $$ declare r record; begin
      for r in select tablename from pg_tables where schemaname = current_schema()
        and tablename not in ('mikro_orm_migrations', 'data_version', 'access_log_entry', 'api_key')
      loop perform hub_track_changes(format('%I', r.tablename)::regclass); end loop;
    end $$;`);
  }
}
