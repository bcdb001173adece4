import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { civilProtectionSeed } from '../../src/domains/civil-protection/ingest/seed.js';
import { dropDatabase, ensureDatabase } from '../../src/db/database.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { readSeedJson, seedPath } from '../../src/common/seed-files.js';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/*
 * A database seeded before the hazards migration (plans as the earlier seed wrote them, one
 * edited by a comune) is brought up to date by the migration and the seed, losing nothing
 * the comuni entered.
 */

let orm: MikroORM;
let url: string;
const OLD_NOTE =
  'press release (Consorzio.IT), date not recorded in the curated facts; it announces the kick-off of 2023-02-21';
const GROUP = 'ppc-2023-casaletto-ceredano';
const [LEAD, EDITED] = ['019018', '019010'];

beforeAll(async () => {
  const u = new URL(inject('serverUrl'));
  u.pathname = `/hub_upgrade_${process.pid}_${Date.now().toString(36)}`;
  url = u.toString();
  await ensureDatabase(url);
  orm = await MikroORM.init(ormConfig(url));
  await orm.migrator.up({ to: 'Migration20261123000900_data_version' });
  const sql = (text: string, params: unknown[] = []) =>
    orm.em.getConnection().execute(text, params);
  // What the earlier release's hub seed wrote, in that release's columns (today's hub seed
  // writes columns that later migrations add): the datasets, the two organisations the plans
  // name and the 113 comuni.
  for (const d of readSeedJson<{ id: string; title: string; publisher: string }[]>(
    'hub',
    'datasets.json',
  ))
    await sql('insert into dataset (id, title, publisher) values (?, ?, ?)', [
      d.id,
      d.title,
      d.publisher,
    ]);
  await sql(`insert into organization (code, dataset_id, name, kind) values
    ('consorzio-it', 'press-consorzio-it', 'Consorzio.IT S.p.A.', 'IN_HOUSE_COMPANY'),
    ('regione-lombardia', 'press-consorzio-it', 'Regione Lombardia', 'PUBLIC_BODY')`);
  for (const c of parse(readFileSync(seedPath('hub', 'comuni_cr_summary.csv')), {
    columns: true,
  }) as Record<string, string>[])
    await sql(
      `insert into comune (istat_code, dataset_id, name, name_key, cadastral_code, postal_codes)
       values (?, 'istat-elenco-comuni', ?, lower(?), ?, ?)`,
      [c.com_istat_code, c.name, c.name, c.cadastral_code, `{${c.cap}}`],
    );
  await sql(`insert into dataset (id, title, publisher, synthetic)
    values ('civil-protection-edits', 'edits', 'comuni', false)`);
  await sql(`insert into territorial_grouping (code, dataset_id, source_note, name, kind, membership_known, declared_member_count)
    values ('${GROUP}', 'press-consorzio-it', '${OLD_NOTE}', 'PPC', 'PLAN_GROUP', true, 23)`);
  for (const code of [LEAD, EDITED]) {
    await sql(
      `insert into grouping_member (grouping_code, comune_istat_code) values ('${GROUP}', '${code}')`,
    );
    await sql(`insert into civil_protection_plan (comune_istat_code, dataset_id, source_note, status,
        status_as_of_on, status_as_of_precision, grant_funder_code, grant_description, lead_comune_istat_code,
        coordinator_code, plan_group_code, kick_off_on, kick_off_precision, due_by_on, due_by_precision)
      values ('${code}', 'press-consorzio-it', '${OLD_NOTE}', 'DRAFTING', '2023-02-21', 'DAY',
        'regione-lombardia', 'grant', '${LEAD}', 'consorzio-it', '${GROUP}', '2023-02-21', 'DAY', '2023-09-01', 'MONTH')`);
    await sql(`insert into civil_protection_officer (plan_comune_istat_code, dataset_id, source_note, role)
      values ('${code}', 'press-consorzio-it',
        'Each comune names an officer (press release); the person is not recorded in the seed: personal data arrive only through editing.',
        'officer')`);
  }
  // The comune edited its plan: one scenario, and a crisis unit entered as empty.
  await sql(`insert into civil_protection_scenario (dataset_id, plan_comune_istat_code, position, hazard, title, affected_areas)
    values ('civil-protection-edits', '${EDITED}', 0, 'FLOOD', 'Serio', '{}')`);
  await sql(`insert into change_log_entry (key_id, actor_label, actor_role, comune_istat_code, domain, entity, field, before, after)
    values (1, 'editor', 'EDITOR', '${EDITED}', 'civil-protection', 'CivilProtectionPlan:${EDITED}', 'crisisUnit', '[]', '[]')`);
  await sql(`insert into data_quality_issue (dataset_id, source_note, code, message, entity, domain, comune_istat_code)
    values ('press-consorzio-it', '${OLD_NOTE}', 'DECLARED_COUNT_MISMATCH', '23 vs 22', 'TerritorialGrouping:${GROUP}', 'civil-protection', '${LEAD}')`);
});
afterAll(async () => {
  await orm?.close();
  if (url) await dropDatabase(url);
});

it('brings the plans of an earlier seed up to date, keeping what the comuni entered', async () => {
  await orm.migrator.up();
  const rows = await orm.em.getConnection().execute<
    {
      code: string;
      scenarios: string | null;
      crisis: string | null;
      areas: string | null;
      note: string;
    }[]
  >(`select comune_istat_code as code, scenarios_unknown_reason as scenarios,
      crisis_unit_unknown_reason as crisis, emergency_areas_unknown_reason as areas, source_note as note
      from civil_protection_plan order by 1`);
  const [edited, lead] = rows;
  expect(lead).toMatchObject({
    code: LEAD,
    scenarios: expect.stringMatching(/^Not known/),
    crisis: expect.stringMatching(/^Not known/),
    areas: expect.stringMatching(/^Not known/),
  });
  // What the comune entered is known: its scenario, and its crisis unit (entered as none).
  expect(edited).toMatchObject({ code: EDITED, scenarios: null, crisis: null });
  expect(edited.areas).toMatch(/^Not known/);
  for (const r of rows) expect(r.note).toMatch(/^press release, 2023-02-21/);
  const [group] = await orm.em
    .getConnection()
    .execute<{ known: boolean; note: string }[]>(
      `select membership_known as known, source_note as note from territorial_grouping where code = '${GROUP}'`,
    );
  expect(group).toMatchObject({
    known: false,
    note: expect.stringMatching(/^press release, 2023-02-21/),
  });
  const [flag] = await orm.em
    .getConnection()
    .execute<{ comune: string | null; grouping: string | null }[]>(
      `select comune_istat_code as comune, grouping_code as grouping from data_quality_issue where code = 'DECLARED_COUNT_MISMATCH'`,
    );
  expect(flag).toEqual({ comune: null, grouping: GROUP });
  const [officer] = await orm.em
    .getConnection()
    .execute<{ note: string }[]>(
      `select source_note as note from civil_protection_officer limit 1`,
    );
  expect(officer.note).toMatch(/press release, 2023-02-21/);
});

it("then loads the platform and the hazards, leaving the plans and the comuni's entries alone", async () => {
  expect(await civilProtectionSeed.isSeeded(orm.em.fork())).toBe(false);
  await orm.em.fork().transactional((em) => civilProtectionSeed.run(em));
  expect(await civilProtectionSeed.isSeeded(orm.em.fork())).toBe(true);
  const [counts] = await orm.em.getConnection().execute<Record<string, number>[]>(
    `select (select count(*)::int from civil_protection_plan) as plans,
            (select count(*)::int from civil_protection_scenario) as scenarios,
            (select count(*)::int from civil_protection_platform_info) as platforms,
            (select count(*)::int from hazard_idrogeo_comune) as idrogeo,
            (select count(*)::int from hazard_idrogeo_level) as levels,
            (select count(*)::int from hazard_seismic_zone) as seismic`,
  );
  expect(counts).toEqual({
    plans: 2,
    scenarios: 1,
    platforms: 1,
    idrogeo: 113,
    levels: 113 * 8,
    seismic: 113,
  });
});
