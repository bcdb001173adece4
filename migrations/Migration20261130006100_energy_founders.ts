import { Migration } from '@mikro-orm/migrations';

/**
 * Energy (issue 14): founders of the CERs of 2024–2025 (comuni in and outside the province,
 * parishes, each citing its articles); founding date, legal form, GSE qualification and a
 * possible relation on communities; community, participants and streamed-to comuni on events.
 */
export class Migration20261130006100_energy_founders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "energy_community_founder" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "community_code" text not null, "kind" text check ("kind" in ('COMUNE', 'PARISH')) not null, "name" text not null, "comune_istat_code" varchar(6) null, "province_code" varchar(2) not null, "lead" boolean not null default false, "articles" text[] not null, "note" text null);`,
    );
    this.addSql(
      `create index "energy_community_founder_community_code_index" on "energy_community_founder" ("community_code");`,
    );
    this.addSql(
      `create index "energy_community_founder_comune_istat_code_index" on "energy_community_founder" ("comune_istat_code");`,
    );
    this.addSql(
      `alter table "energy_community_founder" add constraint "energy_community_founder_community_code_kind_name_unique" unique ("community_code", "kind", "name");`,
    );

    this.addSql(
      `alter table "energy_community_founder" add constraint "energy_community_founder_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_community_founder" add constraint "energy_community_founder_community_code_foreign" foreign key ("community_code") references "energy_community" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "energy_community_founder" add constraint "energy_community_founder_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "energy_community" add column "founded_on" date null, add column "founded_precision" text check ("founded_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) null, add column "founded_note" text null, add column "legal_form" text null, add column "gse_qualified" boolean null, add column "gse_qualification_note" text null, add column "possibly_related_to_code" text null, add column "relation_note" text null;`,
    );
    this.addSql(
      `alter table "energy_community" add constraint "energy_community_possibly_related_to_code_foreign" foreign key ("possibly_related_to_code") references "energy_community" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `create index "energy_community_possibly_related_to_code_index" on "energy_community" ("possibly_related_to_code");`,
    );

    this.addSql(
      `alter table "energy_event" add column "community_code" text null, add column "participant_count" int null, add column "participant_count_approximate" boolean null, add column "streamed_to_istat_codes" text[] null;`,
    );
    this.addSql(
      `alter table "energy_event" add constraint "energy_event_community_code_foreign" foreign key ("community_code") references "energy_community" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `create index "energy_event_community_code_index" on "energy_event" ("community_code");`,
    );
    this.addSql(`select hub_track_changes('energy_community_founder');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "energy_community_founder" cascade;`);
    this.addSql(
      `alter table "energy_event" drop column "community_code", drop column "participant_count", drop column "participant_count_approximate", drop column "streamed_to_istat_codes";`,
    );
    this.addSql(
      `alter table "energy_community" drop column "founded_on", drop column "founded_precision", drop column "founded_note", drop column "legal_form", drop column "gse_qualified", drop column "gse_qualification_note", drop column "possibly_related_to_code", drop column "relation_note";`,
    );
  }
}
