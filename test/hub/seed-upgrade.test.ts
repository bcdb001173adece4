import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, openDatabase } from '../../src/db/database.js';
import { domains } from '../../src/schema.js';

/*
 * A database seeded by an earlier release gets this release's curated facts on the next
 * start: each domain's seed is made of parts that run while their own data are missing.
 * Run on a database of its own (hub, energy and PNRR seeds only).
 */

const url = new URL(inject('serverUrl'));
url.pathname = `/hub_seed_upgrade_${process.pid}_${Date.now().toString(36)}`;
let orm: MikroORM;
const seeds = domains.filter((d) => ['hub', 'energy', 'pnrr'].includes(d.name)).map((d) => d.seed!);

/** Runs every seed that reports its data missing; returns the names of those that ran. */
async function seed(): Promise<string[]> {
  const ran: string[] = [];
  for (const s of seeds) {
    if (await s.isSeeded(orm.em.fork())) continue;
    await orm.em.fork().transactional((em) => s.run(em));
    ran.push(s.name);
  }
  return ran;
}

const TABLES = [
  'organization',
  'organization_member',
  'organization_name',
  'initiative',
  'initiative_participant',
  'initiative_comune',
  'energy_community',
  'energy_community_founder',
  'energy_event',
  'energy_funding',
  'pnrr_facilitation_meeting',
  'pnrr_facilitation_tally',
  'grouping_member',
  'data_quality_issue',
];

async function snapshot() {
  const conn = orm.em.getConnection();
  const counts: Record<string, number> = {};
  for (const t of TABLES)
    counts[t] = (await conn.execute<{ n: number }[]>(`select count(*)::int as n from "${t}"`))[0].n;
  const [g] = await conn.execute<{ note: string; inferred: boolean }[]>(
    `select source_note as note, membership_inferred as inferred from territorial_grouping where code = 'consorzio-it'`,
  );
  return { counts, consorzio: g };
}

beforeAll(async () => {
  await ensureDatabase(url.toString());
  orm = await openDatabase(url.toString(), pino({ level: 'silent' }));
}, 600_000);
afterAll(async () => {
  await orm?.close();
  await dropDatabase(url.toString());
});

it('fills in the facts added since an earlier release, once, and changes nothing on a re-run', async () => {
  expect(await seed()).toEqual(['hub', 'energy', 'pnrr']);
  const fresh = await snapshot();
  expect(fresh.counts.initiative).toBeGreaterThan(0);
  expect(fresh.counts.energy_community_founder).toBeGreaterThan(0);
  expect(fresh.counts.pnrr_facilitation_meeting).toBeGreaterThan(0);
  expect(fresh.consorzio.inferred).toBe(true);

  // What a database seeded by the earlier release holds: none of this release's facts.
  const conn = orm.em.getConnection();
  for (const sql of [
    'delete from initiative',
    'delete from organization_member',
    'delete from organization_name',
    'delete from energy_community_founder',
    "delete from energy_community where code <> 'cer-crema-ex-olivetti'",
    "delete from energy_event where kind <> 'LETTER_TO_CITIZENS'",
    `delete from organization where code not in ('consorzio-it', 'linea-gestioni', 'open-fiber',
       'infratel-italia', 'fondazione-lgh', 'provincia-cremona', 'regione-lombardia',
       'comune-cremona', 'crit', 'rei', 'cciaa-cremona-mantova-pavia', 'geometrics')`,
    `update organization set source_note = 'press releases and news, 2020–2025'`,
    `update territorial_grouping set membership_inferred = false, source_note = 'inferred' where code = 'consorzio-it'`,
    `delete from data_quality_issue where code in ('MEMBERSHIP_INFERRED', 'CONFLICTING_NAMES',
       'FOUNDER_OUTSIDE_PROVINCE', 'POSSIBLY_SAME_COMMUNITY', 'DECLARED_COUNT_MISMATCH')`,
  ])
    await conn.execute(sql);
  expect((await snapshot()).counts.pnrr_facilitation_meeting).toBe(0);

  expect(await seed()).toEqual(['hub', 'energy', 'pnrr']);
  expect(await snapshot()).toEqual(fresh);
  expect(await seed()).toEqual([]);
  expect(await snapshot()).toEqual(fresh);
}, 600_000);
