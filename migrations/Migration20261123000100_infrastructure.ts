import { Migration } from '@mikro-orm/migrations';

/** Infrastructure: collection centres, the upgrade programme, its lots and milestones. */
export class Migration20261123000100_infrastructure extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "collection_centre" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "comune_istat_code" varchar(6) not null, "kind" text check ("kind" in ('MUNICIPAL_COLLECTION_CENTRE', 'SUPRA_MUNICIPAL_PLATFORM')) not null, "name" text not null, "name_key" text not null, "name_is_official" boolean not null default true, "owner_code" text null, "operator_code" text null, "address" text null, "lat" double precision null, "lon" double precision null, "description" text null);`,
    );
    this.addSql(
      `create index "collection_centre_comune_istat_code_index" on "collection_centre" ("comune_istat_code");`,
    );
    this.addSql(
      `create index "collection_centre_owner_code_index" on "collection_centre" ("owner_code");`,
    );
    this.addSql(
      `create index "collection_centre_operator_code_index" on "collection_centre" ("operator_code");`,
    );
    this.addSql(
      `alter table "collection_centre" add constraint "collection_centre_comune_istat_code_kind_name_key_unique" unique ("comune_istat_code", "kind", "name_key");`,
    );

    this.addSql(
      `create table "upgrade_programme" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "purpose" text not null, "phase" text null, "investment" numeric(14,2) not null, "investment_qualifier" text check ("investment_qualifier" in ('EXACT', 'MORE_THAN', 'AT_LEAST', 'ABOUT', 'AT_MOST')) not null, "investment_vat_excluded" boolean null, "investment_note" text null, "investor_code" text not null, "no_cost_to_comuni" boolean not null, "payback_description" text not null, "fee_payer_code" text null, "participants_code" text not null, "excluded_code" text null, "exclusion_reason" text null, "lot_criterion" text null, "works_duration_months" int null, constraint "upgrade_programme_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "upgrade_programme_investor_code_index" on "upgrade_programme" ("investor_code");`,
    );
    this.addSql(
      `create index "upgrade_programme_fee_payer_code_index" on "upgrade_programme" ("fee_payer_code");`,
    );
    this.addSql(
      `create index "upgrade_programme_participants_code_index" on "upgrade_programme" ("participants_code");`,
    );
    this.addSql(
      `create index "upgrade_programme_excluded_code_index" on "upgrade_programme" ("excluded_code");`,
    );

    this.addSql(
      `create table "programme_milestone" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "programme_code" text not null, "kind" text check ("kind" in ('COUNCIL_RESOLUTIONS', 'TENDERS_PUBLISHED', 'WORKS_START', 'WORKS_COMPLETION')) not null, "on" date not null, "precision" text check ("precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "qualifier" text check ("qualifier" in ('ON', 'BY', 'MID', 'WITHIN')) not null, "status" text check ("status" in ('EXPECTED', 'HAPPENED')) not null, "description" text not null);`,
    );
    this.addSql(
      `create index "programme_milestone_programme_code_index" on "programme_milestone" ("programme_code");`,
    );
    this.addSql(
      `alter table "programme_milestone" add constraint "programme_milestone_programme_code_kind_unique" unique ("programme_code", "kind");`,
    );

    this.addSql(
      `create table "programme_lot" ("code" text not null, "dataset_id" text not null, "source_note" text null, "programme_code" text not null, "number" int not null, "name" text not null, "grouping_code" text not null, "status" text check ("status" in ('PLANNED', 'TENDER_PUBLISHED', 'WORKS_IN_PROGRESS', 'COMPLETED')) not null, "status_note" text null, "duration_months" int null, "works_start_on" date null, "works_start_precision" text check ("works_start_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) null, constraint "programme_lot_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "programme_lot_programme_code_index" on "programme_lot" ("programme_code");`,
    );
    this.addSql(
      `create index "programme_lot_grouping_code_index" on "programme_lot" ("grouping_code");`,
    );

    this.addSql(
      `alter table "collection_centre" add constraint "collection_centre_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "collection_centre" add constraint "collection_centre_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "collection_centre" add constraint "collection_centre_owner_code_foreign" foreign key ("owner_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "collection_centre" add constraint "collection_centre_operator_code_foreign" foreign key ("operator_code") references "organization" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "upgrade_programme" add constraint "upgrade_programme_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "upgrade_programme" add constraint "upgrade_programme_investor_code_foreign" foreign key ("investor_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "upgrade_programme" add constraint "upgrade_programme_fee_payer_code_foreign" foreign key ("fee_payer_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "upgrade_programme" add constraint "upgrade_programme_participants_code_foreign" foreign key ("participants_code") references "territorial_grouping" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "upgrade_programme" add constraint "upgrade_programme_excluded_code_foreign" foreign key ("excluded_code") references "territorial_grouping" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "programme_milestone" add constraint "programme_milestone_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "programme_milestone" add constraint "programme_milestone_programme_code_foreign" foreign key ("programme_code") references "upgrade_programme" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "programme_lot" add constraint "programme_lot_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "programme_lot" add constraint "programme_lot_programme_code_foreign" foreign key ("programme_code") references "upgrade_programme" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "programme_lot" add constraint "programme_lot_grouping_code_foreign" foreign key ("grouping_code") references "territorial_grouping" ("code") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "programme_lot" cascade;`);
    this.addSql(`drop table if exists "programme_milestone" cascade;`);
    this.addSql(`drop table if exists "upgrade_programme" cascade;`);
    this.addSql(`drop table if exists "collection_centre" cascade;`);
  }
}
