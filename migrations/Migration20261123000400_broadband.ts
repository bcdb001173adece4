import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000400_broadband extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "coverage_status" as enum ('PLANNED', 'DESIGNED', 'IN_WORKS', 'ACTIVATABLE');`,
    );
    this.addSql(`create type "broadband_technology" as enum ('FTTH', 'FTTC', 'FWA', 'ADSL');`);
    this.addSql(
      `create type "broadband_plan" as enum ('WHITE_AREAS_BUL', 'GREY_AREAS_1GIGA', 'COMMERCIAL');`,
    );
    this.addSql(
      `create table "civic_address" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "code" text not null, "comune_istat_code" varchar(6) not null, "street_type" text not null, "street_name" text not null, "name_key" text not null, "number" int not null, "exponent" text not null default '', "postal_code" varchar(5) not null, "lat" double precision not null, "lon" double precision not null, "units" int not null);`,
    );
    this.addSql(
      `alter table "civic_address" add constraint "civic_address_code_unique" unique ("code");`,
    );
    this.addSql(
      `create index "civic_address_location_index" on "civic_address" using gist (point("lon" * 0.7034, "lat"));`,
    );
    this.addSql(
      `create index "civic_address_page_index" on "civic_address" ("comune_istat_code", "name_key", "street_type", "number", "exponent", "pk");`,
    );

    this.addSql(
      `create table "coverage_status_change" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "address_pk" int not null, "status" "coverage_status" not null, "changed_on" date not null);`,
    );
    this.addSql(
      `alter table "coverage_status_change" add constraint "coverage_status_change_address_pk_status_changed_on_unique" unique ("address_pk", "status", "changed_on");`,
    );

    this.addSql(
      `create table "address_coverage" ("address_pk" int not null, "dataset_id" text not null, "source_note" text null, "technology" "broadband_technology" not null, "max_download_mbps" int not null, "max_upload_mbps" int not null, "plan" "broadband_plan" not null, "operator_code" text null, "status" "coverage_status" not null, "status_on" date null, constraint "address_coverage_pkey" primary key ("address_pk"));`,
    );
    this.addSql(
      `create index "address_coverage_operator_code_index" on "address_coverage" ("operator_code");`,
    );

    this.addSql(
      `create table "broadband_programme" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "plan" "broadband_plan" not null, "operator_code" text null, "comuni_reached" int not null, "comuni_in_territory" int not null, "units" int null, "civic_numbers" int null, "network_km" numeric(8,2) null, "max_download_mbps" int null, "description" text not null, constraint "broadband_programme_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "street" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "comune_istat_code" varchar(6) not null, "street_type" text not null, "street_name" text not null, "name_key" text not null);`,
    );
    this.addSql(
      `create index "street_name_key_trgm_index" on "street" using gin ("name_key" gin_trgm_ops);`,
    );
    this.addSql(
      `alter table "street" add constraint "street_comune_istat_code_name_key_street_type_unique" unique ("comune_istat_code", "name_key", "street_type");`,
    );

    this.addSql(
      `create table "white_area_network" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "km" numeric(8,2) not null, constraint "white_area_network_pkey" primary key ("comune_istat_code"));`,
    );

    this.addSql(
      `alter table "civic_address" add constraint "civic_address_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civic_address" add constraint "civic_address_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "coverage_status_change" add constraint "coverage_status_change_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "coverage_status_change" add constraint "coverage_status_change_address_pk_foreign" foreign key ("address_pk") references "civic_address" ("pk") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "address_coverage" add constraint "address_coverage_address_pk_foreign" foreign key ("address_pk") references "civic_address" ("pk") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "address_coverage" add constraint "address_coverage_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "address_coverage" add constraint "address_coverage_operator_code_foreign" foreign key ("operator_code") references "organization" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "broadband_programme" add constraint "broadband_programme_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "broadband_programme" add constraint "broadband_programme_operator_code_foreign" foreign key ("operator_code") references "organization" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "street" add constraint "street_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "street" add constraint "street_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "white_area_network" add constraint "white_area_network_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "white_area_network" add constraint "white_area_network_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
  }
}
