import { Migration } from '@mikro-orm/migrations';

/**
 * Civil protection, issue 14: the hazards of every comune (ISPRA IdroGEO per hazard level,
 * DPC seismic zones), the plan platform record, and "unknown, with the reason" for a plan's
 * scenarios, crisis unit and emergency areas. On a database seeded before, the curated
 * plan facts are brought up to date here (the seed loads only what is missing): the lists
 * nobody has entered become unknown, the kick-off press release gets its date, the
 * 23-declared / 22-named flag reaches every member through the plan group, whose
 * membership is then not fully known.
 */
export class Migration20261130005000_civil_protection_hazards extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "hazard_level" as enum ('VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'ATTENTION');`,
    );
    this.addSql(
      `create table "hazard_idrogeo_comune" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "buildings" int null, "business_units" int null, "cultural_heritage" int null, "residents_year" int null, "families_year" int null, "buildings_year" int null, "business_units_year" int null, "cultural_heritage_year" int null, constraint "hazard_idrogeo_comune_pkey" primary key ("comune_istat_code"));`,
    );
    this.addSql(
      `create table "hazard_idrogeo_level" ("pk" serial primary key, "indicators_comune_istat_code" varchar(6) not null, "hazard" "civil_protection_hazard" not null, "level" "hazard_level" not null, "code" text not null, "map_year" int not null, "area_km2" numeric(12,3) null, "area_percent" double precision null, "residents" int null, "residents_percent" double precision null, "families" int null, "families_percent" double precision null, "buildings" int null, "buildings_percent" double precision null, "business_units" int null, "business_units_percent" double precision null, "cultural_heritage" int null, "cultural_heritage_percent" double precision null);`,
    );
    this.addSql(
      `alter table "hazard_idrogeo_level" add constraint "hazard_idrogeo_level_indicators_comune_istat_code_b7ca4_unique" unique ("indicators_comune_istat_code", "hazard", "level");`,
    );
    this.addSql(
      `create table "civil_protection_platform_info" ("platform" "civil_protection_platform" not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "operator_code" text not null, "reorganised_on" date null, "reorganised_precision" text check ("reorganised_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) null, "description" text not null, "guidelines" text null, constraint "civil_protection_platform_info_pkey" primary key ("platform"));`,
    );
    this.addSql(
      `create index "civil_protection_platform_info_operator_code_index" on "civil_protection_platform_info" ("operator_code");`,
    );
    this.addSql(
      `create table "hazard_seismic_zone" ("comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "zone" text not null, "as_of_on" date not null, "as_of_precision" text check ("as_of_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, constraint "hazard_seismic_zone_pkey" primary key ("comune_istat_code"));`,
    );
    this.addSql(
      `alter table "hazard_idrogeo_comune" add constraint "hazard_idrogeo_comune_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "hazard_idrogeo_comune" add constraint "hazard_idrogeo_comune_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "hazard_idrogeo_level" add constraint "hazard_idrogeo_level_indicators_comune_istat_code_foreign" foreign key ("indicators_comune_istat_code") references "hazard_idrogeo_comune" ("comune_istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "civil_protection_platform_info" add constraint "civil_protection_platform_info_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_platform_info" add constraint "civil_protection_platform_info_operator_code_foreign" foreign key ("operator_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "hazard_seismic_zone" add constraint "hazard_seismic_zone_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "hazard_seismic_zone" add constraint "hazard_seismic_zone_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "civil_protection_plan" add column "scenarios_unknown_reason" text null, add column "crisis_unit_unknown_reason" text null, add column "emergency_areas_unknown_reason" text null;`,
    );
    for (const table of [
      'hazard_idrogeo_comune',
      'hazard_idrogeo_level',
      'hazard_seismic_zone',
      'civil_protection_platform_info',
    ])
      this.addSql(`select hub_track_changes('${table}');`);
    this.upgradeSeededPlans();
  }

  /** Curated plan facts of a database seeded before this migration (no-op on a new one). */
  private upgradeSeededPlans(): void {
    const unknown = (column: string, table: string, field: string, reason: string) =>
      this.addSql(
        `update "civil_protection_plan" p set "${column}" = ${literal(reason)}
          where not exists (select 1 from "${table}" t where t.plan_comune_istat_code = p.comune_istat_code)
            and not exists (select 1 from "change_log_entry" c
              where c.entity = 'CivilProtectionPlan:' || p.comune_istat_code and c.field = '${field}');`,
      );
    unknown(
      'scenarios_unknown_reason',
      'civil_protection_scenario',
      'scenarios',
      "Not known to the hub: the source says each plan defines the expected scenarios for each kind of hazard and how each event is handled, but not which scenarios this comune's plan holds. The comune's editors enter them through the hub.",
    );
    unknown(
      'crisis_unit_unknown_reason',
      'civil_protection_crisis_member',
      'crisisUnit',
      "Not known to the hub: the source says each comune composes a local crisis unit (unità di crisi locale) but not its members. The comune's editors enter them through the hub.",
    );
    unknown(
      'emergency_areas_unknown_reason',
      'civil_protection_emergency_area',
      'emergencyAreas',
      "Not known to the hub: the source does not describe the plan's emergency areas. The comune's editors enter them through the hub.",
    );
    const oldNote = literal(
      'press release (Consorzio.IT), date not recorded in the curated facts; it announces the kick-off of 2023-02-21',
    );
    const newNote = literal(
      'press release, 2023-02-21 (Consorzio.IT news item on the kick-off of the joint drafting on PPC online)',
    );
    for (const table of ['civil_protection_plan', 'territorial_grouping', 'data_quality_issue'])
      this.addSql(
        `update "${table}" set "source_note" = ${newNote} where "source_note" = ${oldNote};`,
      );
    this.addSql(
      `update "civil_protection_officer" set "source_note" = ${literal("Each comune names an officer who validates the plan's content (press release, 2023-02-21); the person is not recorded in the seed: personal data arrive only through editing.")}
        where "source_note" = ${literal('Each comune names an officer (press release); the person is not recorded in the seed: personal data arrive only through editing.')};`,
    );
    this.addSql(
      `update "territorial_grouping" set "membership_known" = false,
         "description" = ${literal("Comuni that applied together, coordinated by Consorzio.IT's tenders office (Ufficio Bandi) with Casaletto Ceredano as lead comune, for the regional grant to draft or update their civil-protection plans on PPC online. The source says 23 comuni but names 22 (Casaletto Ceredano is listed twice): the membership is not fully known (one comune is missing).")}
        where "code" = 'ppc-2023-casaletto-ceredano';`,
    );
    this.addSql(
      `update "data_quality_issue" set "grouping_code" = 'ppc-2023-casaletto-ceredano', "comune_istat_code" = null
        where "domain" = 'civil-protection' and "code" = 'DECLARED_COUNT_MISMATCH';`,
    );
  }
}

/** A SQL string literal. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
