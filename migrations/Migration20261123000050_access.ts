import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000050_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "api_key_role" as enum ('PARTNER', 'ANALYST', 'EDITOR', 'ADMIN');`);
    this.addSql(
      `create table "api_key" ("id" serial primary key, "label" text not null, "role" "api_key_role" not null, "comuni" text[] not null default '{}', "domains" text[] not null default '{}', "secret_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null);`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_label_unique" unique ("label");`);
    this.addSql(
      `alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`,
    );

    this.addSql(
      `create table "change_log_entry" ("pk" bigserial primary key, "at" timestamptz not null default now(), "key_id" int not null, "actor_label" text not null, "actor_role" text not null, "comune_istat_code" varchar(6) not null, "domain" text not null, "entity" text not null, "field" text not null, "before" jsonb null, "after" jsonb null, "personal" boolean not null default false, "request_id" text null);`,
    );
    this.addSql(
      `create index "change_log_entry_comune_istat_code_pk_index" on "change_log_entry" ("comune_istat_code", "pk");`,
    );

    this.addSql(
      `create table "access_log_entry" ("pk" bigserial primary key, "at" timestamptz not null default now(), "key_id" int not null, "actor_label" text not null, "actor_role" text not null, "comune_istat_code" varchar(6) not null, "domain" text not null, "entity" text not null, "field" text not null, "request_id" text null);`,
    );
    this.addSql(
      `create index "access_log_entry_actor_label_pk_index" on "access_log_entry" ("actor_label", "pk");`,
    );
    this.addSql(
      `create index "access_log_entry_comune_istat_code_pk_index" on "access_log_entry" ("comune_istat_code", "pk");`,
    );

    this.addSql(
      `alter table "change_log_entry" add constraint "change_log_entry_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "access_log_entry" add constraint "access_log_entry_comune_istat_code_foreign" foreign key ("comune_istat_code") references "comune" ("istat_code") on update cascade on delete cascade;`,
    );
  }
}
