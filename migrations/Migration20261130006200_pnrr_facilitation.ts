import { Migration } from '@mikro-orm/migrations';

/**
 * PNRR (issue 14): the digital facilitation sessions (date, local start time, venue, comune,
 * audience, reported attendance) and the sessions reported only as a count.
 */
export class Migration20261130006200_pnrr_facilitation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pnrr_facilitation_tally" ("pk" serial primary key, "dataset_id" text not null, "source_note" text null, "programme_code" text not null, "kind" text check ("kind" in ('PUBLIC_MEETING', 'COURSE', 'STAFF_TRAINING')) not null, "status" text check ("status" in ('HELD', 'ANNOUNCED')) not null, "count" int not null, "reported_on" date not null, "reported_precision" text check ("reported_precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "area" text not null, "note" text not null);`,
    );
    this.addSql(
      `create index "pnrr_facilitation_tally_programme_code_index" on "pnrr_facilitation_tally" ("programme_code");`,
    );

    this.addSql(
      `create table "pnrr_facilitation_meeting" ("code" text not null, "dataset_id" text not null, "source_note" text null, "programme_code" text not null, "kind" text check ("kind" in ('PUBLIC_MEETING', 'COURSE', 'STAFF_TRAINING')) not null, "title" text not null, "on" date not null, "precision" text check ("precision" in ('DAY', 'MONTH', 'HALF_YEAR', 'YEAR')) not null, "date_note" text null, "start_time" time(0) null, "venue" text null, "comune_istat_code" varchar(6) null, "location_note" text null, "audience" text check ("audience" in ('CITIZENS', 'STUDENTS', 'STAFF')) null, "audience_note" text null, "participant_count" int null, "participant_count_approximate" boolean null, "topics" text[] null, "organization_codes" text[] not null, "status" text check ("status" in ('HELD', 'ANNOUNCED')) not null, "status_note" text null, constraint "pnrr_facilitation_meeting_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "pnrr_facilitation_meeting_programme_code_index" on "pnrr_facilitation_meeting" ("programme_code");`,
    );
    this.addSql(
      `create index "pnrr_facilitation_meeting_comune_istat_code_index" on "pnrr_facilitation_meeting" ("comune_istat_code");`,
    );
    this.addSql(
      `create index "pnrr_facilitation_meeting_on_start_time_code_index" on "pnrr_facilitation_meeting" ("on", "start_time", "code");`,
    );

    this.addSql(
      `alter table "pnrr_facilitation_tally" add constraint "pnrr_facilitation_tally_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_facilitation_tally" add constraint "pnrr_facilitation_tally_programme_code_foreign" foreign key ("programme_code") references "initiative" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pnrr_facilitation_meeting" add constraint "pnrr_facilitation_meeting_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pnrr_facilitation_meeting" add constraint "pnrr_facilitation_meeting_programme_code_foreign" foreign key ("programme_code") references "initiative" ("code") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pnrr_facilitation_meeting" add constraint "pnrr_facilitation_meeting_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete restrict;`,
    );
    this.addSql(`select hub_track_changes('pnrr_facilitation_meeting');`);
    this.addSql(`select hub_track_changes('pnrr_facilitation_tally');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pnrr_facilitation_meeting" cascade;`);
    this.addSql(`drop table if exists "pnrr_facilitation_tally" cascade;`);
  }
}
