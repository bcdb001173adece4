import { Migration } from '@mikro-orm/migrations';

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The audit logs keep the client's x-request-id apart from the hub's own request id:
 * `request_id` is now always the hub's UUID, `client_request_id` the client's (bounded) id.
 * Earlier entries whose request id is not a UUID held a client's id: it moves, whole, to
 * `client_request_id` (a UUID-shaped one cannot be told apart and stays).
 */
export class Migration20261130003000_client_request_id extends Migration {
  override async up(): Promise<void> {
    for (const table of ['access_log_entry', 'change_log_entry']) {
      this.addSql(`alter table "${table}" add column "client_request_id" text null;`);
      this.addSql(
        `update "${table}" set "client_request_id" = "request_id", "request_id" = null where "request_id" !~ ${UUID};`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of ['access_log_entry', 'change_log_entry']) {
      this.addSql(
        `update "${table}" set "request_id" = "client_request_id" where "request_id" is null;`,
      );
      this.addSql(`alter table "${table}" drop column "client_request_id";`);
    }
  }
}
