import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000000_hub extends Migration {
  override async up(): Promise<void> {
    // Text search across domains: trigram similarity and accent folding.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists unaccent;`);
    // Folds text as foldName() does in TypeScript (lower case, no accents, punctuation and
    // apostrophes as spaces); immutable so that expression indexes can use it.
    this.addSql(
      `create or replace function hub_fold(t text) returns text language sql immutable parallel safe as $$ select trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g')) $$;`,
    );
    this.addSql(
      `create type "organization_kind" as enum ('IN_HOUSE_COMPANY', 'COMPANY', 'PUBLIC_BODY', 'FOUNDATION');`,
    );
    this.addSql(
      `create type "grouping_kind" as enum ('PROVINCE', 'AREA', 'MEMBERSHIP', 'PROGRAMME', 'LOT', 'PLAN_GROUP', 'OTHER');`,
    );
    this.addSql(
      `create table "dataset" ("id" text not null, "title" text not null, "publisher" text not null, "licence" text null, "url" text null, "retrieved_on" date null, "description" text null, "synthetic" boolean not null default false, constraint "dataset_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "comune" ("istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "name_key" text not null, "cadastral_code" varchar(4) not null, "postal_codes" text[] not null, "pop_legal2011" int null, "pop_resident2021" int null, "area_km2" double precision null, "centroid_lat" double precision null, "centroid_lon" double precision null, "boundary" jsonb null, constraint "comune_pkey" primary key ("istat_code"));`,
    );
    this.addSql(`create index "comune_name_key_index" on "comune" ("name_key");`);

    this.addSql(
      `create table "data_quality_issue" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "code" text not null, "message" text not null, "entity" text not null, "domain" text not null, "comune_istat_code" varchar(6) null, "grouping_code" text null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "data_quality_issue_comune_istat_code_index" on "data_quality_issue" ("comune_istat_code");`,
    );
    this.addSql(
      `create index "data_quality_issue_domain_code_index" on "data_quality_issue" ("domain", "code");`,
    );
    this.addSql(
      `create index "data_quality_issue_grouping_code_index" on "data_quality_issue" ("grouping_code");`,
    );

    this.addSql(
      `create table "organization" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "kind" "organization_kind" not null, "role_notes" text null, "website" text null, constraint "organization_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "territorial_grouping" ("code" text not null, "dataset_id" text not null, "source_note" text null, "name" text not null, "kind" "grouping_kind" not null, "description" text null, "membership_known" boolean not null default true, "declared_member_count" int null, constraint "territorial_grouping_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "grouping_member" ("grouping_code" text not null, "comune_istat_code" varchar(6) not null, constraint "grouping_member_pkey" primary key ("grouping_code", "comune_istat_code"));`,
    );
    this.addSql(
      `create index "grouping_member_comune_istat_code_index" on "grouping_member" ("comune_istat_code");`,
    );

    this.addSql(
      `alter table "comune" add constraint "comune_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "data_quality_issue" add constraint "data_quality_issue_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "data_quality_issue" add constraint "data_quality_issue_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "data_quality_issue" add constraint "data_quality_issue_grouping_code_foreign" foreign key ("grouping_code") references "territorial_grouping" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "organization" add constraint "organization_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "territorial_grouping" add constraint "territorial_grouping_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "grouping_member" add constraint "grouping_member_grouping_code_foreign" foreign key ("grouping_code") references "territorial_grouping" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "grouping_member" add constraint "grouping_member_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
  }
}
