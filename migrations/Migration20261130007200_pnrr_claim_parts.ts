import { Migration } from '@mikro-orm/migrations';

/** A claim that is a part of another (a measure's figure of a stated total). */
export class Migration20261130007200_pnrr_claim_parts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pnrr_claim" add column "part_of_code" text null;`);
    this.addSql(`create index "pnrr_claim_part_of_code_index" on "pnrr_claim" ("part_of_code");`);
    this.addSql(
      `alter table "pnrr_claim" add constraint "pnrr_claim_part_of_code_foreign" foreign key ("part_of_code") references "pnrr_claim" ("code") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pnrr_claim" drop constraint "pnrr_claim_part_of_code_foreign";`);
    this.addSql(`drop index "pnrr_claim_part_of_code_index";`);
    this.addSql(`alter table "pnrr_claim" drop column "part_of_code";`);
  }
}
