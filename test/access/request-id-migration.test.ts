import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../src/db/database.js';
import { ormConfig } from '../../src/db/orm.config.js';

/**
 * Before migration 20261130003000 the audit logs' request_id held whatever the client sent in
 * x-request-id. The migration moves such ids (anything that is not a UUID) to
 * client_request_id, whole, so that request_id means the hub's id from then on.
 */
it('moves the client ids stored as request ids to client_request_id, losing none', async () => {
  const url = new URL(inject('serverUrl'));
  url.pathname = `/hub_reqid_${process.pid}_${Date.now().toString(36)}`;
  await ensureDatabase(url.toString());
  const orm = await MikroORM.init(ormConfig(url.toString()));
  try {
    const sql = orm.em.getConnection();
    await orm.migrator.up({ to: 'Migration20261123000900_data_version' });
    await sql.execute(
      `insert into dataset (id, title, publisher) values ('t', 'test', 'test');
       insert into comune (istat_code, dataset_id, name, name_key, cadastral_code, postal_codes)
       values ('019035', 't', 'Crema', 'crema', 'D142', '{26013}')`,
    );
    const uuid = randomUUID();
    const huge = 'x'.repeat(16 * 1024);
    for (const table of ['access_log_entry', 'change_log_entry'])
      for (const id of [uuid, 'client-1', huge, null])
        await sql.execute(
          `insert into ${table} (key_id, actor_label, actor_role, comune_istat_code, domain, entity, field, request_id)
           values (1, 'k', 'ADMIN', '019035', 'd', 'E:1', 'f', ?)`,
          [id],
        );
    await orm.migrator.up();
    for (const table of ['access_log_entry', 'change_log_entry']) {
      const rows = await sql.execute<
        { request_id: string | null; client_request_id: string | null }[]
      >(`select request_id, client_request_id from ${table} order by pk`);
      expect(rows).toEqual([
        { request_id: uuid, client_request_id: null },
        { request_id: null, client_request_id: 'client-1' },
        { request_id: null, client_request_id: huge },
        { request_id: null, client_request_id: null },
      ]);
    }
  } finally {
    await orm.close();
    await dropDatabase(url.toString());
  }
});
