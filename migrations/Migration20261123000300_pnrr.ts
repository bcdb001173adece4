import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000300_pnrr extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "pnrr_body_kind" as enum ('COMUNE', 'SCHOOL', 'OTHER');`);
    this.addSql(`create type "claim_topic" as enum ('PNRR');`);
    this.addSql(`create type "claim_wording" as enum ('EXACT', 'ROUNDED', 'ALMOST', 'OVER');`);
    this.addSql(`create type "pnrr_grant_status" as enum ('FUNDED', 'RENOUNCED', 'PAID');`);
    this.addSql(
      `create table "pnrr_body" ("ipa_code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "kind" "pnrr_body_kind" not null, "comune_istat_code" varchar(6) not null, constraint "pnrr_body_pkey" primary key ("ipa_code"));`,
    );
    this.addSql(
      `create index "pnrr_body_comune_istat_code_index" on "pnrr_body" ("comune_istat_code");`,
    );

    this.addSql(
      `create table "pnrr_comune_kpi" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "amount" numeric(14,2) not null, "published_on" date not null, constraint "pnrr_comune_kpi_pkey" primary key ("comune_istat_code"));`,
    );

    this.addSql(
      `create table "pnrr_measure" ("code" text not null, "dataset_id" text not null, "source_note" text null, "title" text not null, "english_title" text not null, constraint "pnrr_measure_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "pnrr_claim" ("code" text not null, "dataset_id" text not null, "source_note" text null, "topic" "claim_topic" not null, "statement" text not null, "value" numeric(14,2) not null, "wording" "claim_wording" not null, "low" numeric(14,2) not null, "high" numeric(14,2) not null, "territory" text not null, "also_compared_with" text[] not null, "as_of" date not null, "measure_code" text null, constraint "pnrr_claim_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "pnrr_claim_measure_code_index" on "pnrr_claim" ("measure_code");`);

    this.addSql(
      `create table "pnrr_notice" ("title" text not null, "dataset_id" text not null, "source_note" text null, "measure_code" text not null, "opens_on" date null, "closes_on" date null, "state" text null, "allocated_amount" numeric(14,2) null, "measure_amount" numeric(14,2) null, "target_bodies" text[] not null, constraint "pnrr_notice_pkey" primary key ("title"));`,
    );
    this.addSql(`create index "pnrr_notice_measure_code_index" on "pnrr_notice" ("measure_code");`);

    this.addSql(
      `create table "pnrr_grant_snapshot" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "published_on" date not null, "cup" text not null, "notice_title" text not null, "measure_code" text not null, "body_ipa_code" text not null, "comune_istat_code" varchar(6) not null, "amount" numeric(14,2) not null, "window" int null, "decree_number" int null, "decree" text null, "applied_on" date null, "funded_on" date not null, "status" "pnrr_grant_status" not null, "status_on" date null);`,
    );
    this.addSql(
      `create index "pnrr_grant_snapshot_notice_title_index" on "pnrr_grant_snapshot" ("notice_title");`,
    );
    this.addSql(
      `create index "pnrr_grant_snapshot_measure_code_index" on "pnrr_grant_snapshot" ("measure_code");`,
    );
    this.addSql(
      `create index "pnrr_grant_snapshot_body_ipa_code_index" on "pnrr_grant_snapshot" ("body_ipa_code");`,
    );
    this.addSql(
      `create index "pnrr_grant_snapshot_published_on_comune_istat_code_index" on "pnrr_grant_snapshot" ("published_on", "comune_istat_code");`,
    );
    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_published_on_cup_notice_title_unique" unique ("published_on", "cup", "notice_title");`,
    );

    this.addSql(
      `create table "pnrr_grant" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "cup" text not null, "notice_title" text not null, "measure_code" text not null, "body_ipa_code" text not null, "comune_istat_code" varchar(6) not null, "amount" numeric(14,2) not null, "window" int null, "decree_number" int null, "decree" text null, "applied_on" date null, "funded_on" date not null, "status" "pnrr_grant_status" not null, "status_on" date null);`,
    );
    this.addSql(`create index "pnrr_grant_notice_title_index" on "pnrr_grant" ("notice_title");`);
    this.addSql(`create index "pnrr_grant_measure_code_index" on "pnrr_grant" ("measure_code");`);
    this.addSql(`create index "pnrr_grant_body_ipa_code_index" on "pnrr_grant" ("body_ipa_code");`);
    this.addSql(
      `create index "pnrr_grant_comune_istat_code_funded_on_index" on "pnrr_grant" ("comune_istat_code", "funded_on");`,
    );
    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_cup_notice_title_unique" unique ("cup", "notice_title");`,
    );

    this.addSql(
      `create table "pnrr_project" ("local_code" text not null, "dataset_id" text not null, "source_note" text null, "cup" text not null, "title" text not null, "summary" text null, "mission" text not null, "component" text not null, "measure_id" text not null, "measure_title" text not null, "submeasure_code" text not null, "submeasure_title" text not null, "measure_code" text null, "administration" text not null, "procedure" text null, "implementing_body" text not null, "implementing_body_tax_code" text null, "pnrr_funding" numeric(14,2) not null, "total_funding" numeric(14,2) not null, "updated_on" date null, constraint "pnrr_project_pkey" primary key ("local_code"));`,
    );
    this.addSql(`create index "pnrr_project_cup_index" on "pnrr_project" ("cup");`);
    this.addSql(
      `create index "pnrr_project_measure_code_index" on "pnrr_project" ("measure_code");`,
    );

    this.addSql(
      `create table "pnrr_project_location" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "project_local_code" text not null, "comune_istat_code" varchar(6) null, "address" text null, "postal_code" text null, "whole_province" boolean not null);`,
    );
    this.addSql(
      `create index "pnrr_project_location_project_local_code_index" on "pnrr_project_location" ("project_local_code");`,
    );
    this.addSql(
      `create index "pnrr_project_location_comune_istat_code_project_lo_6ba77_index" on "pnrr_project_location" ("comune_istat_code", "project_local_code");`,
    );

    this.addSql(
      `alter table "pnrr_body" add constraint "pnrr_body_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_body" add constraint "pnrr_body_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade;`,
    );

    this.addSql(
      `alter table "pnrr_comune_kpi" add constraint "pnrr_comune_kpi_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pnrr_comune_kpi" add constraint "pnrr_comune_kpi_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "pnrr_measure" add constraint "pnrr_measure_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "pnrr_claim" add constraint "pnrr_claim_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_claim" add constraint "pnrr_claim_measure_code_foreign" foreign key ("measure_code") references "pnrr_measure" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "pnrr_notice" add constraint "pnrr_notice_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_notice" add constraint "pnrr_notice_measure_code_foreign" foreign key ("measure_code") references "pnrr_measure" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_notice_title_foreign" foreign key ("notice_title") references "pnrr_notice" ("title") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_measure_code_foreign" foreign key ("measure_code") references "pnrr_measure" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_body_ipa_code_foreign" foreign key ("body_ipa_code") references "pnrr_body" ("ipa_code") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant_snapshot" add constraint "pnrr_grant_snapshot_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade;`,
    );

    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_notice_title_foreign" foreign key ("notice_title") references "pnrr_notice" ("title") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_measure_code_foreign" foreign key ("measure_code") references "pnrr_measure" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_body_ipa_code_foreign" foreign key ("body_ipa_code") references "pnrr_body" ("ipa_code") on update cascade;`,
    );
    this.addSql(
      `alter table "pnrr_grant" add constraint "pnrr_grant_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade;`,
    );

    this.addSql(
      `alter table "pnrr_project" add constraint "pnrr_project_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_project" add constraint "pnrr_project_measure_code_foreign" foreign key ("measure_code") references "pnrr_measure" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "pnrr_project_location" add constraint "pnrr_project_location_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_project_location" add constraint "pnrr_project_location_project_local_code_foreign" foreign key ("project_local_code") references "pnrr_project" ("local_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pnrr_project_location" add constraint "pnrr_project_location_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pnrr_project_location" cascade;`);
    this.addSql(`drop table if exists "pnrr_project" cascade;`);
    this.addSql(`drop table if exists "pnrr_grant" cascade;`);
    this.addSql(`drop table if exists "pnrr_grant_snapshot" cascade;`);
    this.addSql(`drop table if exists "pnrr_claim" cascade;`);
    this.addSql(`drop table if exists "pnrr_notice" cascade;`);
    this.addSql(`drop table if exists "pnrr_comune_kpi" cascade;`);
    this.addSql(`drop table if exists "pnrr_body" cascade;`);
    this.addSql(`drop table if exists "pnrr_measure" cascade;`);
    this.addSql(`drop type if exists "pnrr_grant_status";`);
    this.addSql(`drop type if exists "claim_wording";`);
    this.addSql(`drop type if exists "claim_topic";`);
    this.addSql(`drop type if exists "pnrr_body_kind";`);
  }
}
