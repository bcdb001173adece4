import { Migration } from '@mikro-orm/migrations';

/**
 * The audit logs keep the client's x-request-id apart from the hub's own request id:
 * `request_id` is now always the hub's UUID, `client_request_id` the client's (bounded) id.
 */
export class Migration20261130003000_client_request_id extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "access_log_entry" add column "client_request_id" text null;`);
    this.addSql(`alter table "change_log_entry" add column "client_request_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "access_log_entry" drop column "client_request_id";`);
    this.addSql(`alter table "change_log_entry" drop column "client_request_id";`);
  }
}
