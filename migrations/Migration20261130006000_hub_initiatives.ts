import { Migration } from '@mikro-orm/migrations';

/**
 * Hub (issue 14): initiatives of the territory's organisations (with participants and the
 * comuni they concern), members and names of organisations, new organisation kinds, and
 * `membership_inferred` on groupings.
 */
export class Migration20261130006000_hub_initiatives extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "initiative" ("code" text not null, "dataset_id" text not null, "source_note" text null, "kind" text check ("kind" in ('PROGRAMME', 'TRAINING', 'PROTOCOL', 'WORKING_GROUP', 'PLAN', 'PROPOSAL')) not null, "title" text not null, "summary" text not null, "on" date null, "precision" text check ("precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) null, "date_note" text null, "venue" text null, "domain" text null, "participant_count" int null, "participant_count_approximate" boolean null, "concerns_note" text not null, constraint "initiative_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "initiative_on_index" on "initiative" ("on");`);

    this.addSql(
      `create table "initiative_comune" ("initiative_code" text not null, "comune_istat_code" varchar(6) not null, "dataset_id" text not null, "source_note" text null, "basis" text not null, constraint "initiative_comune_pkey" primary key ("initiative_code", "comune_istat_code"));`,
    );
    this.addSql(
      `create index "initiative_comune_comune_istat_code_index" on "initiative_comune" ("comune_istat_code");`,
    );

    this.addSql(
      `create table "initiative_participant" ("pk" serial primary key, "initiative_code" text not null, "organization_code" text not null, "role" text not null, "position" int not null default 0);`,
    );
    this.addSql(
      `create index "initiative_participant_initiative_code_index" on "initiative_participant" ("initiative_code");`,
    );
    this.addSql(
      `create index "initiative_participant_organization_code_index" on "initiative_participant" ("organization_code");`,
    );
    this.addSql(
      `alter table "initiative_participant" add constraint "initiative_participant_initiative_code_organizati_69b05_unique" unique ("initiative_code", "organization_code", "role");`,
    );

    this.addSql(
      `create table "organization_member" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "organization_code" text not null, "comune_istat_code" varchar(6) null, "member_organization_code" text null, "role" text check ("role" in ('LEAD', 'STAFF', 'SUPPORT', 'MEMBER')) not null, "role_note" text null);`,
    );
    this.addSql(
      `create index "organization_member_organization_code_index" on "organization_member" ("organization_code");`,
    );
    this.addSql(
      `create index "organization_member_comune_istat_code_index" on "organization_member" ("comune_istat_code");`,
    );
    this.addSql(
      `create index "organization_member_member_organization_code_index" on "organization_member" ("member_organization_code");`,
    );

    this.addSql(
      `create table "organization_name" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "organization_code" text not null, "name" text not null, "meaning" text null);`,
    );
    this.addSql(
      `create index "organization_name_organization_code_index" on "organization_name" ("organization_code");`,
    );
    this.addSql(
      `alter table "organization_name" add constraint "organization_name_organization_code_name_unique" unique ("organization_code", "name");`,
    );

    this.addSql(
      `alter table "initiative" add constraint "initiative_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "initiative_comune" add constraint "initiative_comune_initiative_code_foreign" foreign key ("initiative_code") references "initiative" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "initiative_comune" add constraint "initiative_comune_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "initiative_comune" add constraint "initiative_comune_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "initiative_participant" add constraint "initiative_participant_initiative_code_foreign" foreign key ("initiative_code") references "initiative" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "initiative_participant" add constraint "initiative_participant_organization_code_foreign" foreign key ("organization_code") references "organization" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "organization_member" add constraint "organization_member_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "organization_member" add constraint "organization_member_organization_code_foreign" foreign key ("organization_code") references "organization" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "organization_member" add constraint "organization_member_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "organization_member" add constraint "organization_member_member_organization_code_foreign" foreign key ("member_organization_code") references "organization" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "organization_name" add constraint "organization_name_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "organization_name" add constraint "organization_name_organization_code_foreign" foreign key ("organization_code") references "organization" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter type "organization_kind" add value if not exists 'SHARED_OFFICE' after 'FOUNDATION';`,
    );

    this.addSql(
      `alter type "organization_kind" add value if not exists 'SCHOOL' after 'SHARED_OFFICE';`,
    );

    this.addSql(
      `alter type "organization_kind" add value if not exists 'UNIVERSITY' after 'SCHOOL';`,
    );

    this.addSql(
      `alter type "organization_kind" add value if not exists 'ASSOCIATION' after 'UNIVERSITY';`,
    );

    this.addSql(
      `alter table "territorial_grouping" add column "membership_inferred" boolean not null default false;`,
    );
    for (const t of [
      'initiative',
      'initiative_comune',
      'initiative_participant',
      'organization_member',
      'organization_name',
    ])
      this.addSql(`select hub_track_changes('${t}');`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'initiative_comune',
      'initiative_participant',
      'initiative',
      'organization_member',
      'organization_name',
    ])
      this.addSql(`drop table if exists "${t}" cascade;`);
    this.addSql(`alter table "territorial_grouping" drop column "membership_inferred";`);
    // PostgreSQL cannot drop enum values: the new organisation kinds stay in the type.
  }
}
