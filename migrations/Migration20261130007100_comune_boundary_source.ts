import { Migration } from '@mikro-orm/migrations';

/**
 * The dataset of each comune's boundary (openpolis limits), next to the dataset of its
 * other fields (ISTAT list): the boundary's source is counted and listed like any other.
 */
export class Migration20261130007100_comune_boundary_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "comune" add column "boundary_dataset_id" text null;`);
    this.addSql(
      `alter table "comune" add constraint "comune_boundary_dataset_id_foreign" foreign key ("boundary_dataset_id") references "dataset" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `update "comune" set "boundary_dataset_id" = 'openpolis-limits-cr' where "boundary" is not null and exists (select 1 from "dataset" where "id" = 'openpolis-limits-cr');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "comune" drop constraint "comune_boundary_dataset_id_foreign";`);
    this.addSql(`alter table "comune" drop column "boundary_dataset_id";`);
  }
}
