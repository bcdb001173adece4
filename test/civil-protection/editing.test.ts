import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/common/actor.js';
import {
  ChangesDocument,
  PlanOfComuneDocument,
  UpdatePlanDocument,
  type UpdateCivilProtectionPlanInput,
} from '../generated/graphql.js';
import { newKey, ownPlans } from '../access/support.js';
import { createTestHub } from '../support/hub.js';
import { mappedHazards } from './hazard-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let orm: MikroORM;
let dropPlans: () => Promise<void>;
// Plans of this file only (comuni outside the seeded 22): other files run in parallel.
const [A, B, C] = ['019001', '019004', '019006'];
const actors = {} as Record<
  'editorA' | 'editorAB' | 'editorOtherDomain' | 'partner' | 'admin',
  Actor
>;

beforeAll(async () => {
  hub = await createTestHub();
  orm = hub.orm;
  dropPlans = await ownPlans(orm, [A, B, C]);
  actors.editorA = (
    await newKey(orm, { role: 'EDITOR', comuni: [A], domains: ['civil-protection'] })
  ).actor;
  actors.editorAB = (await newKey(orm, { role: 'EDITOR', comuni: [A, B] })).actor;
  actors.editorOtherDomain = (
    await newKey(orm, { role: 'EDITOR', comuni: [A], domains: ['pnrr'] })
  ).actor;
  actors.partner = (await newKey(orm, { role: 'PARTNER' })).actor;
  actors.admin = (await newKey(orm, { role: 'ADMIN' })).actor;
});
afterAll(async () => {
  await dropPlans();
  await hub.close();
});

const update = (
  istatCode: string,
  expectedVersion: number,
  input: UpdateCivilProtectionPlanInput,
  actor?: Actor,
) => hub.run(UpdatePlanDocument, { istatCode, expectedVersion, input }, actor);

const versionOf = async (code: string) =>
  (await hub.run(PlanOfComuneDocument, { istatCode: code })).data!.comune!.civilProtectionPlan!
    .version;

const codeOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.[0]?.extensions?.code;

describe('who may write', () => {
  it('refuses anonymous callers with UNAUTHENTICATED and writes nothing', async () => {
    const r = await update(A, 1, { status: 'SUBMITTED' as never });
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toMatch(/API key/);
    expect(await versionOf(A)).toBe(1);
  });

  it('refuses PARTNER and ANALYST keys with FORBIDDEN', async () => {
    expect(codeOf(await update(A, 1, { status: 'SUBMITTED' as never }, actors.partner))).toBe(
      'FORBIDDEN',
    );
    const analyst = (await newKey(orm, { role: 'ANALYST' })).actor;
    expect(codeOf(await update(A, 1, { status: 'SUBMITTED' as never }, analyst))).toBe('FORBIDDEN');
  });

  it('refuses an editor outside its comuni or its domains with FORBIDDEN', async () => {
    const wrongComune = await update(B, 1, { status: 'SUBMITTED' as never }, actors.editorA);
    expect(codeOf(wrongComune)).toBe('FORBIDDEN');
    expect(wrongComune.errors![0].message).toContain(B);
    const wrongDomain = await update(
      A,
      1,
      { status: 'SUBMITTED' as never },
      actors.editorOtherDomain,
    );
    expect(codeOf(wrongDomain)).toBe('FORBIDDEN');
    expect(wrongDomain.errors![0].message).toContain('civil-protection');
    // An editor may not learn, through errors, which comuni have plans.
    expect(codeOf(await update('019035', 1, {}, actors.editorA))).toBe('FORBIDDEN');
    expect(await versionOf(B)).toBe(1);
  });

  it('lets an editor of the comune write, bumps the version, and logs each field', async () => {
    const r = await update(
      A,
      await versionOf(A),
      {
        status: 'SUBMITTED' as never,
        scenarios: [
          { hazard: 'FLOOD' as never, title: 'Test scenario', affectedAreas: ['Zone 1'] },
        ],
        emergencyAreas: [
          {
            kind: 'WAITING' as never,
            name: 'Test square',
            capacity: 150,
            location: { lat: 45.2, lon: 9.9 },
          },
        ],
      },
      actors.editorA,
    );
    expect(r.errors).toBeUndefined();
    const payload = r.data!.updateCivilProtectionPlan;
    expect(payload.plan).toMatchObject({
      status: 'SUBMITTED',
      version: 2,
      statusAsOf: { precision: 'DAY' },
      scenarios: [{ hazard: 'FLOOD', title: 'Test scenario', affectedAreas: ['Zone 1'] }],
      emergencyAreas: [
        {
          kind: 'WAITING',
          name: 'Test square',
          capacity: 150,
          location: { lat: 45.2, lon: 9.9 },
          source: { datasetId: 'civil-protection-edits' },
        },
      ],
    });
    expect(payload.plan.lastUpdate).toBeTruthy();
    // Entered lists are known; the crisis unit, not sent, stays unknown.
    expect(payload.plan).toMatchObject({
      scenariosUnknownReason: null,
      emergencyAreasUnknownReason: null,
      crisisUnitUnknownReason: expect.stringMatching(/unità di crisi locale/),
    });
    // The scenario covers FLOOD; what the hazard files map beyond it is left.
    expect(payload.plan.hazardsWithoutScenario).toEqual(
      mappedHazards(A).filter((h) => h !== 'FLOOD'),
    );
    expect(payload.changedFields.sort()).toEqual(
      ['emergencyAreas', 'scenarios', 'status'].map((f) => `CivilProtectionPlan:${A}.${f}`),
    );
    const log = await hub.run(
      ChangesDocument,
      { filter: { comune: A }, first: 10 },
      actors.editorA,
    );
    expect(log.errors).toBeUndefined();
    const status = log.data!.changes.edges.find((e) => e.node.field === 'status')!.node;
    expect(status).toMatchObject({
      actor: { label: (actors.editorA as { label: string }).label, role: 'EDITOR' },
      comune: { istatCode: A },
      domain: 'civil-protection',
      entity: `CivilProtectionPlan:${A}`,
      before: 'DRAFTING',
      after: 'SUBMITTED',
      personal: false,
    });
    expect(new Date(status.at as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const areas = log.data!.changes.edges.find((e) => e.node.field === 'emergencyAreas')!.node;
    // The seed does not know the plan's areas: the log says they were unknown, not none.
    expect(areas.before).toBeNull();
    expect(areas.after).toEqual([
      { kind: 'WAITING', name: 'Test square', address: null, lat: 45.2, lon: 9.9, capacity: 150 },
    ]);
  });

  it('lets an admin write any plan', async () => {
    const r = await update(C, 1, { status: 'VALIDATED' as never }, actors.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateCivilProtectionPlan.plan).toMatchObject({
      status: 'VALIDATED',
      version: 2,
    });
  });

  it('records an empty list as known (none, no longer unknown), then changes nothing when nothing differs', async () => {
    const v = await versionOf(B);
    const first = await update(B, v, { crisisUnit: [] }, actors.editorAB);
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateCivilProtectionPlan).toMatchObject({
      changedFields: [`CivilProtectionPlan:${B}.crisisUnit`],
      plan: { version: v + 1, crisisUnit: [] },
    });
    const log = await hub.run(
      ChangesDocument,
      { filter: { comune: B }, first: 10 },
      actors.editorAB,
    );
    const entry = log.data!.changes.edges.find((e) => e.node.field === 'crisisUnit')!.node;
    expect([entry.before, entry.after]).toEqual([null, []]);
    const again = await update(
      B,
      v + 1,
      { status: 'DRAFTING' as never, crisisUnit: [] },
      actors.editorAB,
    );
    expect(again.data!.updateCivilProtectionPlan).toMatchObject({
      changedFields: [],
      plan: { version: v + 1 },
    });
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const v = await versionOf(B);
    const ok = await update(B, v, { status: 'SUBMITTED' as never }, actors.editorAB);
    expect(ok.data!.updateCivilProtectionPlan.plan.version).toBe(v + 1);
    const stale = await update(B, v, { status: 'APPROVED' as never }, actors.editorAB);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.currentVersion).toBe(v + 1);
    const plan = (await hub.run(PlanOfComuneDocument, { istatCode: B })).data!.comune!
      .civilProtectionPlan!;
    expect(plan).toMatchObject({ status: 'SUBMITTED', version: v + 1 });
  });

  it('lets exactly one of two concurrent writers with the same version win (no lost update)', async () => {
    const v = await versionOf(B);
    const results = await Promise.all(
      (['VALIDATED', 'APPROVED'] as const).map((status) =>
        update(B, v, { status: status as never }, actors.editorAB),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => codeOf(r) === 'CONFLICT');
    expect([won.length, lost.length]).toEqual([1, 1]);
    const plan = (await hub.run(PlanOfComuneDocument, { istatCode: B })).data!.comune!
      .civilProtectionPlan!;
    expect(plan.version).toBe(v + 1);
    expect(plan.status).toBe(won[0].data!.updateCivilProtectionPlan.plan.status);
  });
});

describe('input validation', () => {
  const cases: [string, UpdateCivilProtectionPlanInput, RegExp][] = [
    ['a malformed phone', { officer: { phone: 'call me' } }, /input\.officer\.phone/],
    ['a malformed e-mail', { officer: { email: 'nobody' } }, /input\.officer\.email/],
    [
      'a blank role',
      { crisisUnit: [{ role: 'Sindaco' }, { role: '  ' }] },
      /input\.crisisUnit\[1\]\.role/,
    ],
    [
      'a latitude out of range',
      { emergencyAreas: [{ kind: 'STAGING' as never, name: 'X', location: { lat: 95, lon: 9 } }] },
      /input\.emergencyAreas\[0\]\.location\.lat/,
    ],
    [
      'a negative capacity',
      { emergencyAreas: [{ kind: 'STAGING' as never, name: 'X', capacity: -1 }] },
      /input\.emergencyAreas\[0\]\.capacity/,
    ],
    [
      'an over-long title',
      { scenarios: [{ hazard: 'SEISMIC' as never, title: 'x'.repeat(201) }] },
      /input\.scenarios\[0\]\.title.*200/,
    ],
  ];
  it.each(cases)(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_, input, field) => {
      const v = await versionOf(A);
      const r = await update(A, v, { status: 'APPROVED' as never, ...input }, actors.editorA);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toMatch(field);
      expect(await versionOf(A)).toBe(v);
    },
  );

  it('refuses an expectedVersion below 1 and a malformed ISTAT code', async () => {
    expect((await update(A, 0, {}, actors.editorA)).errors![0].message).toMatch(/expectedVersion/);
    expect((await update('19001', 1, {}, actors.editorA)).errors![0].message).toMatch(/istatCode/);
  });
});
