import { Migration } from '@mikro-orm/migrations';

/**
 * Data versions move only when rows change: the counters were bumped by every insert,
 * update or delete statement, even one that touched no row (an import's upsert of rows
 * already stored), so a re-run of an import changed the exports' data version. Each
 * tracked table now gets one trigger per event with its transition table, and the bump
 * happens only when that table holds rows (TRUNCATE always bumps). `hub_track_changes`
 * keeps its signature; every table tracked so far is re-tracked.
 */
export class Migration20261130002100_data_version_rows extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create or replace function hub_bump_data_version() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'TRUNCATE' then
          if not exists (select 1 from hub_changed_rows) then
            return null;
          end if;
        end if;
        insert into data_version (table_name, version, changed_at) values (tg_table_name, 1, now())
        on conflict (table_name) do update set version = data_version.version + 1, changed_at = now();
        return null;
      end $$;`);
    this
      .addSql(`create or replace function hub_track_changes(t regclass) returns void language plpgsql as $$
      begin
        execute format('drop trigger if exists hub_data_version on %s', t);
        execute format('create or replace trigger hub_data_version_insert after insert on %s referencing new table as hub_changed_rows for each statement execute function hub_bump_data_version()', t);
        execute format('create or replace trigger hub_data_version_update after update on %s referencing new table as hub_changed_rows for each statement execute function hub_bump_data_version()', t);
        execute format('create or replace trigger hub_data_version_delete after delete on %s referencing old table as hub_changed_rows for each statement execute function hub_bump_data_version()', t);
        execute format('create or replace trigger hub_data_version_truncate after truncate on %s for each statement execute function hub_bump_data_version()', t);
        insert into data_version (table_name, version, changed_at)
          values ((select relname from pg_class where oid = t), 1, now()) on conflict do nothing;
      end $$;`);
    this.addSql(`do $$ declare r record; begin
      for r in select tgrelid::regclass as t from pg_trigger where tgname = 'hub_data_version'
      loop perform hub_track_changes(r.t); end loop;
    end $$;`);
  }
}
