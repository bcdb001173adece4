import { Migration } from '@mikro-orm/migrations';

/**
 * Broadband on real data: Infratel's mappings and their observations per civic number, the
 * white-areas plan's state of works, the ANNCSU counts, the press claims; civic addresses
 * without location, postal code or units (Infratel's list has none); the coverage cells
 * keyed by dataset too, so that aggregates over synthetic records can say so.
 */
export class Migration20261130004000_broadband_real extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "plan_work_state" as enum ('PROGRAMMED', 'FINAL_DESIGN', 'EXECUTIVE_DESIGN', 'IN_WORKS', 'TESTING', 'WORKS_CLOSED', 'COMPLETED');`,
    );
    this.addSql(
      `create type "broadband_claim_unit" as enum ('COMUNI', 'REAL_ESTATE_UNITS', 'CIVIC_NUMBERS', 'KILOMETRES', 'MBPS', 'LOTS', 'TENDERS', 'REGIONS', 'YEARS');`,
    );
    this.addSql(`create type "broadband_claim_wording" as enum ('EXACT', 'ABOUT', 'UP_TO');`);
    this.addSql(`create type "gap_category" as enum ('A', 'B', 'C');`);
    this.addSql(
      `create table "broadband_plan_status" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "comune_istat_code" varchar(6) not null, "place" text not null, "fibre_in_plan" boolean not null, "fibre_state" "plan_work_state" null, "fibre_state_text" text null, "fibre_plan_year" int null, "fwa_in_plan" boolean not null, "fwa_state" "plan_work_state" null, "fwa_state_text" text null, "fwa_plan_year" int null, "pcn_route" text null, "pcn_name" text null, "note" text null, "as_of" date null, "known_by" date null, "as_of_note" text not null);`,
    );
    this.addSql(
      `alter table "broadband_plan_status" add constraint "broadband_plan_status_comune_istat_code_place_unique" unique ("comune_istat_code", "place");`,
    );

    this.addSql(
      `create table "anncsu_civic_count" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "total" int not null, "geocoded_inside" int not null, "outside_boundary" int not null, "from_other_comuni" int not null, constraint "anncsu_civic_count_pkey" primary key ("comune_istat_code"));`,
    );

    this.addSql(
      `create table "broadband_claim" ("code" text not null, "dataset_id" text not null, "source_note" text null, "programme_code" text not null, "statement" text not null, "value" numeric(14,2) not null, "unit" "broadband_claim_unit" not null, "wording" "broadband_claim_wording" not null, "out_of" int null, "territory" text null, "scope" text not null, "stated_on" date not null, "reported_on" date null, "verifiable" boolean not null, "not_verifiable_reason" text null, "check_basis" text null, constraint "broadband_claim_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "broadband_mapping" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "year" int not null, "publisher_code" text null, "published_on" date null, "published_precision" text check ("published_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) null, "horizon_year" int null, "threshold_mbps" int not null, "description" text not null, constraint "broadband_mapping_pkey" primary key ("code"));`,
    );
    this.addSql(
      `alter table "broadband_mapping" add constraint "broadband_mapping_year_unique" unique ("year");`,
    );

    this.addSql(
      `create table "coverage_observation" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "mapping_code" text not null, "address_pk" int not null, "comune_istat_code" varchar(6) not null, "category" "gap_category" not null);`,
    );
    this.addSql(
      `create index "coverage_observation_comune_istat_code_dataset_id_index" on "coverage_observation" ("comune_istat_code", "dataset_id");`,
    );
    this.addSql(
      `create index "coverage_observation_address_pk_index" on "coverage_observation" ("address_pk");`,
    );
    this.addSql(
      `create index "coverage_observation_mapping_code_comune_istat_cod_efcf2_index" on "coverage_observation" ("mapping_code", "comune_istat_code", "category");`,
    );
    this.addSql(
      `alter table "coverage_observation" add constraint "coverage_observation_mapping_code_address_pk_unique" unique ("mapping_code", "address_pk");`,
    );

    this.addSql(
      `alter table "broadband_plan_status" add constraint "broadband_plan_status_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "broadband_plan_status" add constraint "broadband_plan_status_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "anncsu_civic_count" add constraint "anncsu_civic_count_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "anncsu_civic_count" add constraint "anncsu_civic_count_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "broadband_claim" add constraint "broadband_claim_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "broadband_claim" add constraint "broadband_claim_programme_code_foreign" foreign key ("programme_code") references "broadband_programme" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "broadband_mapping" add constraint "broadband_mapping_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "broadband_mapping" add constraint "broadband_mapping_publisher_code_foreign" foreign key ("publisher_code") references "organization" ("code") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "coverage_observation" add constraint "coverage_observation_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "coverage_observation" add constraint "coverage_observation_mapping_code_foreign" foreign key ("mapping_code") references "broadband_mapping" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "coverage_observation" add constraint "coverage_observation_address_pk_foreign" foreign key ("address_pk") references "civic_address" ("pk") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "coverage_observation" add constraint "coverage_observation_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    // The coverage cells gain the dataset (to tell synthetic aggregates apart): rebuilt below.
    this.addSql('drop materialized view if exists broadband_cell;');
    this.addSql(
      `alter table "civic_address" add column "street_text" text null, add column "civic_text" text null;`,
    );
    this.addSql(`alter table "civic_address" alter column "postal_code" drop not null;`);
    this.addSql(`alter table "civic_address" alter column "lat" drop not null;`);
    this.addSql(`alter table "civic_address" alter column "lon" drop not null;`);
    this.addSql(`alter table "civic_address" alter column "units" drop not null;`);
    this.addSql(`create materialized view broadband_cell as
      select a.comune_istat_code, c.plan, c.technology, c.status, c.dataset_id,
             count(*)::int as addresses, sum(a.units)::int as units,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.technology = 'FTTH'), 0)::int as ftth,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 1000), 0)::int as gigabit,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 200), 0)::int as mbps200
        from civic_address a join address_coverage c on c.address_pk = a.pk
       group by 1, 2, 3, 4, 5;`);
    this.addSql(
      `create unique index broadband_cell_key on broadband_cell (comune_istat_code, plan, technology, status, dataset_id);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop materialized view if exists broadband_cell;');
    for (const t of [
      'coverage_observation',
      'broadband_mapping',
      'broadband_claim',
      'anncsu_civic_count',
      'broadband_plan_status',
    ])
      this.addSql(`drop table if exists "${t}" cascade;`);
    for (const t of [
      'gap_category',
      'broadband_claim_wording',
      'broadband_claim_unit',
      'plan_work_state',
    ])
      this.addSql(`drop type if exists "${t}";`);
    // Civic addresses without location, postal code or units cannot go back.
    this.addSql(
      'delete from civic_address where lat is null or lon is null or postal_code is null or units is null;',
    );
    this.addSql(
      'alter table "civic_address" drop column "street_text", drop column "civic_text", alter column "postal_code" set not null, alter column "lat" set not null, alter column "lon" set not null, alter column "units" set not null;',
    );
    this.addSql(`create materialized view broadband_cell as
      select a.comune_istat_code, c.plan, c.technology, c.status,
             count(*)::int as addresses, sum(a.units)::int as units,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.technology = 'FTTH'), 0)::int as ftth,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 1000), 0)::int as gigabit,
             coalesce(sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 200), 0)::int as mbps200
        from civic_address a join address_coverage c on c.address_pk = a.pk
       group by 1, 2, 3, 4;`);
    this.addSql(
      `create unique index broadband_cell_key on broadband_cell (comune_istat_code, plan, technology, status);`,
    );
  }
}
