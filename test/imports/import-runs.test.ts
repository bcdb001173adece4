import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type KeyActor } from '../../src/common/actor.js';
import { runImport } from '../../src/core/ingest/runner.js';
import { energy } from '../../src/domains/energy/index.js';
import { newKey } from '../access/support.js';
import { ImportRunsDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { sha256 } from './support.js';
import { ImportOutcome } from '../../src/core/model/enums.js';

/*
 * The import log through the API (`importRuns`), on the shared test database: only dry
 * runs here (they write nothing but their record), found by their importer.
 */

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let dir: string;
let admin: KeyActor, editor: KeyActor, partner: KeyActor, analyst: KeyActor;
const tag = `runs${process.pid}`;
const importer = energy.importers['energy-communities'];

beforeAll(async () => {
  hub = await createTestHub();
  dir = await mkdtemp(join(tmpdir(), 'hub-import-runs-'));
  admin = (await newKey(hub.orm, { role: 'ADMIN' })).actor;
  editor = (await newKey(hub.orm, { role: 'EDITOR', comuni: ['019035'] })).actor;
  partner = (await newKey(hub.orm, { role: 'PARTNER' })).actor;
  analyst = (await newKey(hub.orm, { role: 'ANALYST' })).actor;
});
afterAll(async () => {
  await hub.orm.em.fork().execute(`delete from import_run where importer like ?`, [`${tag}%`]);
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

const runs = (filter: Record<string, unknown>, first = 20, after?: string, actor = admin) =>
  hub.run(ImportRunsDocument, { filter, first, after }, actor);

/** Inserts a run row as a run's first statement does, with no process behind it. */
async function orphanRun(name: string): Promise<number> {
  const [{ id }] = await hub.orm.em.fork().execute<{ id: number }[]>(
    `insert into import_run (importer, file_name, file_path, encoding, host, pid, os_user)
     values (?, 'x.csv', '/nowhere/x.csv', 'utf-8', 'elsewhere', 1, 'nobody') returning id`,
    [name],
  );
  return id;
}

describe('importRuns', () => {
  it('is for ADMIN keys: anonymous UNAUTHENTICATED, every other role FORBIDDEN', async () => {
    const anonymous = await hub.run(ImportRunsDocument, { first: 1 }, ANONYMOUS);
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const actor of [partner, analyst, editor]) {
      const r = await runs({}, 1, undefined, actor);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(/The import log needs a key with role ADMIN/);
      expect(r.data).toBeNull();
    }
    const ok = await runs({}, 1);
    expect(ok.errors).toBeUndefined();
  });

  it('pages the recorded runs newest first, with file, SHA-256, counts and outcome', async () => {
    const name = `${tag}-paging`;
    const file = join(dir, 'communities.csv');
    await writeFile(
      file,
      `code,name,status,comuni,dataset\n${tag}-a,Prova,CONSTITUTED,019035,consorzio-it-energy-community-register\n${tag}-b,Prova,DONE,019035,consorzio-it-energy-community-register\n`,
    );
    const numbers: number[] = [];
    for (let i = 0; i < 3; i++)
      numbers.push((await runImport(hub.orm, name, importer, file, { dryRun: true })).run);

    const first = await runs({ importer: name }, 2);
    expect(first.errors).toBeUndefined();
    const page = first.data!.importRuns;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((e) => e.node.number)).toEqual([numbers[2], numbers[1]]);
    const second = await runs({ importer: name }, 2, page.pageInfo.endCursor!);
    expect(second.data!.importRuns.edges.map((e) => e.node.number)).toEqual([numbers[0]]);
    expect(second.data!.importRuns.pageInfo.hasNextPage).toBe(false);

    const run = page.edges[0].node;
    expect(run).toMatchObject({
      importer: name,
      fileName: 'communities.csv',
      filePath: file,
      fileSha256: sha256(await readFile(file)),
      encoding: 'utf-8',
      dryRun: true,
      outcome: 'REJECTED_ROWS',
      rowsRead: 2,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      skipped: 0,
      message: null,
      host: hostname(),
      pid: process.pid,
    });
    expect(run.reportPath).toMatch(/communities\.run-\d+\.rejects\.csv$/);
    const time = (t: unknown) => new Date(t as string | Date).getTime();
    expect(time(run.endedAt)).toBeGreaterThanOrEqual(time(run.startedAt));
    const byOutcome = await runs({ importer: name, outcome: 'SUCCEEDED' });
    expect(byOutcome.data!.importRuns.totalCount).toBe(0);
    const real = await runs({ importer: name, dryRun: false });
    expect(real.data!.importRuns.totalCount).toBe(0);
  });

  it('shows a run whose process is gone as ABORTED, and a live one as RUNNING', async () => {
    const dead = `${tag}-dead`;
    const id = await orphanRun(dead);
    const r = await runs({ importer: dead });
    expect(r.data!.importRuns.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        number: id,
        outcome: 'ABORTED',
        endedAt: expect.anything(),
        message: expect.stringMatching(/ended before the run finished/),
        rowsRead: null,
      }),
    ]);

    // A live run holds its lock in its transaction, as runImport does.
    const live = `${tag}-live`;
    let liveId = 0;
    await hub.orm.em.fork().transactional(async (tx) => {
      [{ id: liveId }] = await tx.execute<{ id: number }[]>(
        `select nextval(pg_get_serial_sequence('import_run', 'id'))::int as id`,
      );
      await tx.execute(`select pg_advisory_xact_lock(hashtext('import_run'), ?)`, [liveId]);
      await hub.orm.em.fork().execute(
        `insert into import_run (id, importer, file_name, file_path, encoding, host, pid, os_user)
           values (?, ?, 'x.csv', '/x.csv', 'utf-8', 'here', 1, 'me')`,
        [liveId, live],
      );
      const during = await runs({ importer: live });
      expect(during.data!.importRuns.edges[0].node).toMatchObject({
        number: liveId,
        outcome: 'RUNNING',
        endedAt: null,
      });
    });
    // Its transaction ended without recording an outcome: the process is gone.
    const after = await runs({ importer: live });
    expect(after.data!.importRuns.edges[0].node.outcome).toBe(ImportOutcome.ABORTED);
  });

  it('answers BAD_USER_INPUT for a bad filter, page size or cursor', async () => {
    const cases: [Record<string, unknown>, number, string | undefined, string][] = [
      [{ importer: 'bad\u0000name' }, 1, undefined, 'filter.importer'],
      [{}, 501, undefined, 'first'],
      [{}, 1, 'not-a-cursor', 'after'],
    ];
    for (const [filter, first, after, argument] of cases) {
      const r = await runs(filter, first, after);
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});
