import { Migration } from '@mikro-orm/migrations';

/** Energy: renewable energy communities (CER), their fundings, energy events. */
export class Migration20261123000200_energy extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "energy_event" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "comune_istat_code" varchar(6) not null, "kind" text check ("kind" in ('LETTER_TO_CITIZENS', 'ANNOUNCEMENT', 'PUBLIC_MEETING', 'OTHER')) not null, "on" date not null, "precision" text check ("precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "author_role" text null, "summary" text not null);`,
    );
    this.addSql(
      `create index "energy_event_comune_istat_code_index" on "energy_event" ("comune_istat_code");`,
    );
    this.addSql(
      `alter table "energy_event" add constraint "energy_event_comune_istat_code_kind_on_unique" unique ("comune_istat_code", "kind", "on");`,
    );

    this.addSql(
      `create table "energy_community" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "site" text null, "status" text check ("status" in ('FEASIBILITY_STUDY', 'CONSTITUTED', 'OPERATIONAL')) not null, "technology" text check ("technology" in ('SOLAR', 'WIND', 'HYDRO', 'BIOMASS', 'MIXED')) null, "aim" text null, "description" text null, "comune_istat_codes" text[] not null, "promoter_code" text null, "replication_area_code" text null, constraint "energy_community_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "energy_community_promoter_code_index" on "energy_community" ("promoter_code");`,
    );
    this.addSql(
      `create index "energy_community_replication_area_code_index" on "energy_community" ("replication_area_code");`,
    );

    this.addSql(
      `create table "energy_funding" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "community_code" text not null, "funder_code" text not null, "recipient_organization_code" text null, "recipient_comune_istat_code" varchar(6) null, "recipient_note" text null, "amount" numeric(14,2) not null, "announced_on" date not null, "announced_precision" text check ("announced_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "purpose" text not null);`,
    );
    this.addSql(
      `create index "energy_funding_community_code_index" on "energy_funding" ("community_code");`,
    );
    this.addSql(
      `create index "energy_funding_funder_code_index" on "energy_funding" ("funder_code");`,
    );
    this.addSql(
      `create index "energy_funding_recipient_organization_code_index" on "energy_funding" ("recipient_organization_code");`,
    );
    this.addSql(
      `create index "energy_funding_recipient_comune_istat_code_index" on "energy_funding" ("recipient_comune_istat_code");`,
    );
    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_community_code_funder_code_announced_on_unique" unique ("community_code", "funder_code", "announced_on");`,
    );

    this.addSql(
      `alter table "energy_event" add constraint "energy_event_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_event" add constraint "energy_event_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "energy_community" add constraint "energy_community_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_community" add constraint "energy_community_promoter_code_foreign" foreign key ("promoter_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_community" add constraint "energy_community_replication_area_code_foreign" foreign key ("replication_area_code") references "territorial_grouping" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_community_code_foreign" foreign key ("community_code") references "energy_community" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_funder_code_foreign" foreign key ("funder_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_recipient_organization_code_foreign" foreign key ("recipient_organization_code") references "organization" ("code") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "energy_funding" add constraint "energy_funding_recipient_comune_istat_code_foreign" foreign key ("recipient_comune_istat_code") references "comune" ("istat_code") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "energy_funding" cascade;`);
    this.addSql(`drop table if exists "energy_event" cascade;`);
    this.addSql(`drop table if exists "energy_community" cascade;`);
  }
}
