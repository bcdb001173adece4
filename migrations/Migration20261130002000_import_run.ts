import { Migration } from '@mikro-orm/migrations';

/**
 * The import log (`import_run`): one row per run of `npm run import`, written RUNNING when
 * the run starts and completed in the import's own transaction (src/core/ingest/runner.ts).
 * Not tracked by data_version: it is the hub's log, not exported data.
 */
export class Migration20261130002000_import_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "import_run_outcome" as enum ('RUNNING', 'SUCCEEDED', 'REJECTED_ROWS', 'FAILED', 'ABORTED');`,
    );
    this.addSql(
      `create table "import_run" ("id" serial primary key, "importer" text not null, "file_name" text not null, "file_path" text not null, "file_sha256" varchar(64) null, "encoding" text not null, "dry_run" boolean not null default false, "outcome" "import_run_outcome" not null default 'RUNNING', "rows_read" int null, "inserted" int null, "updated" int null, "unchanged" int null, "rejected" int null, "skipped" int null, "report_path" text null, "message" text null, "started_at" timestamptz not null default now(), "ended_at" timestamptz null, "host" text not null, "pid" int not null, "os_user" text not null, constraint import_run_ended_check check ((outcome = 'RUNNING') = (ended_at is null)));`,
    );
    this.addSql(`create index "import_run_importer_id_index" on "import_run" ("importer", "id");`);
  }
}
