import { Migration } from '@mikro-orm/migrations';

/**
 * How the PNRR digital measures work for the Cremasco comuni (goals deadline, who runs the
 * projects, reporting in ReGiS) and how each named comune runs its projects.
 */
export class Migration20261130007300_pnrr_framework extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pnrr_framework" ("code" text not null, "dataset_id" text not null, "source_note" text null, "goals_due_on" date not null, "goals_due_precision" text check ("goals_due_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "goals_note" text not null, "implementation_note" text not null, "reporting_system" text not null, "reporting_note" text not null, constraint "pnrr_framework_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create table "pnrr_implementation" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "mode" text check ("mode" in ('DELEGATED_TO_CONSORZIO_IT', 'SELF_WITH_SUPPORT')) not null, "note" text not null, constraint "pnrr_implementation_pkey" primary key ("comune_istat_code"));`,
    );
    this.addSql(
      `alter table "pnrr_framework" add constraint "pnrr_framework_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_implementation" add constraint "pnrr_implementation_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pnrr_implementation" add constraint "pnrr_implementation_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`select hub_track_changes('pnrr_framework');`);
    this.addSql(`select hub_track_changes('pnrr_implementation');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pnrr_implementation" cascade;`);
    this.addSql(`drop table if exists "pnrr_framework" cascade;`);
    this.addSql(
      `delete from data_version where table_name in ('pnrr_framework', 'pnrr_implementation');`,
    );
  }
}
