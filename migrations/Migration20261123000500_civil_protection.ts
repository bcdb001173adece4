import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000500_civil_protection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "civil_protection_platform" as enum ('PPC_ONLINE');`);
    this.addSql(
      `create type "civil_protection_plan_status" as enum ('NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'VALIDATED', 'APPROVED');`,
    );
    this.addSql(
      `create type "civil_protection_hazard" as enum ('FLOOD', 'HYDROGEOLOGICAL', 'SEISMIC', 'WILDFIRE', 'INDUSTRIAL', 'EXTREME_WEATHER', 'HAZMAT_TRANSPORT', 'HEALTH', 'OTHER');`,
    );
    this.addSql(`create type "emergency_area_kind" as enum ('WAITING', 'RECEPTION', 'STAGING');`);
    this.addSql(
      `create table "civil_protection_plan" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "platform" "civil_protection_platform" not null default 'PPC_ONLINE', "status" "civil_protection_plan_status" not null, "status_as_of_on" date not null, "status_as_of_precision" text check ("status_as_of_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "status_note" text null, "grant_funder_code" text not null, "grant_description" text not null, "grant_amount" numeric(14,2) null, "lead_comune_istat_code" varchar(6) not null, "coordinator_code" text not null, "coordinator_office" text null, "drafting_firm_code" text null, "plan_group_code" text null, "kick_off_on" date not null, "kick_off_precision" text check ("kick_off_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "due_by_on" date not null, "due_by_precision" text check ("due_by_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "notes" text null, "last_update" timestamptz null, "version" int not null default 1, constraint "civil_protection_plan_pkey" primary key ("comune_istat_code"));`,
    );
    this.addSql(
      `create index "civil_protection_plan_grant_funder_code_index" on "civil_protection_plan" ("grant_funder_code");`,
    );
    this.addSql(
      `create index "civil_protection_plan_lead_comune_istat_code_index" on "civil_protection_plan" ("lead_comune_istat_code");`,
    );
    this.addSql(
      `create index "civil_protection_plan_coordinator_code_index" on "civil_protection_plan" ("coordinator_code");`,
    );
    this.addSql(
      `create index "civil_protection_plan_drafting_firm_code_index" on "civil_protection_plan" ("drafting_firm_code");`,
    );
    this.addSql(
      `create index "civil_protection_plan_plan_group_code_index" on "civil_protection_plan" ("plan_group_code");`,
    );

    this.addSql(
      `create table "civil_protection_scenario" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "plan_comune_istat_code" varchar(6) not null, "position" int not null, "hazard" "civil_protection_hazard" not null, "title" text not null, "description" text null, "affected_areas" text[] not null, "procedures" text null);`,
    );
    this.addSql(
      `create index "civil_protection_scenario_plan_comune_istat_code_position_index" on "civil_protection_scenario" ("plan_comune_istat_code", "position");`,
    );

    this.addSql(
      `create table "civil_protection_emergency_area" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "plan_comune_istat_code" varchar(6) not null, "position" int not null, "kind" "emergency_area_kind" not null, "name" text not null, "address" text null, "lat" double precision null, "lon" double precision null, "capacity" int null);`,
    );
    this.addSql(
      `create index "civil_protection_emergency_area_plan_comune_istat__7acef_index" on "civil_protection_emergency_area" ("plan_comune_istat_code", "position");`,
    );

    this.addSql(
      `create table "civil_protection_crisis_member" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "plan_comune_istat_code" varchar(6) not null, "position" int not null, "role" text not null, "name" text null, "phone" text null);`,
    );
    this.addSql(
      `create index "civil_protection_crisis_member_plan_comune_istat_c_2f7d7_index" on "civil_protection_crisis_member" ("plan_comune_istat_code", "position");`,
    );

    this.addSql(
      `create table "civil_protection_officer" ("plan_comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "role" text not null, "name" text null, "phone" text null, "email" text null, constraint "civil_protection_officer_pkey" primary key ("plan_comune_istat_code"));`,
    );

    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_grant_funder_code_foreign" foreign key ("grant_funder_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_lead_comune_istat_code_foreign" foreign key ("lead_comune_istat_code") references "comune" ("istat_code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_coordinator_code_foreign" foreign key ("coordinator_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_drafting_firm_code_foreign" foreign key ("drafting_firm_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add constraint "civil_protection_plan_plan_group_code_foreign" foreign key ("plan_group_code") references "territorial_grouping" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "civil_protection_scenario" add constraint "civil_protection_scenario_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_scenario" add constraint "civil_protection_scenario_plan_comune_istat_code_foreign" foreign key ("plan_comune_istat_code") references "civil_protection_plan" ("comune_istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "civil_protection_emergency_area" add constraint "civil_protection_emergency_area_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_emergency_area" add constraint "civil_protection_emergency_area_plan_comune_istat_code_foreign" foreign key ("plan_comune_istat_code") references "civil_protection_plan" ("comune_istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "civil_protection_crisis_member" add constraint "civil_protection_crisis_member_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_crisis_member" add constraint "civil_protection_crisis_member_plan_comune_istat_code_foreign" foreign key ("plan_comune_istat_code") references "civil_protection_plan" ("comune_istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "civil_protection_officer" add constraint "civil_protection_officer_plan_comune_istat_code_foreign" foreign key ("plan_comune_istat_code") references "civil_protection_plan" ("comune_istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "civil_protection_officer" add constraint "civil_protection_officer_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
  }
}
