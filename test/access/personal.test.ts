import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type KeyActor } from '../../src/common/actor.js';
import {
  AccessLogDocument,
  ChangesDocument,
  ChangesPublicFieldsDocument,
  PlanOfComuneDocument,
  PlansWithPeopleDocument,
  UpdatePlanDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { newKey, ownPlans } from './support.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let orm: MikroORM;
let dropPlans: () => Promise<void>;
// Plans of this file only (comuni outside the seeded 22): other files run in parallel.
const [P, Q] = ['019007', '019009'];
let editorP: KeyActor, editorQ: KeyActor, editorPOtherDomain: KeyActor;
let partner: KeyActor, analyst: KeyActor, admin: KeyActor;
const officer = { name: 'Test Officer', phone: '+39 0373 000000', email: 'officer@example.org' };
const crisisUnit = [
  { role: 'Sindaco', name: 'Test Mayor', phone: '0373 111111' },
  { role: 'Tecnico comunale', name: null, phone: null },
];

beforeAll(async () => {
  hub = await createTestHub();
  orm = hub.orm;
  dropPlans = await ownPlans(orm, [P, Q]);
  editorP = (await newKey(orm, { role: 'EDITOR', comuni: [P], domains: ['civil-protection'] }))
    .actor;
  editorQ = (await newKey(orm, { role: 'EDITOR', comuni: [Q] })).actor;
  editorPOtherDomain = (await newKey(orm, { role: 'EDITOR', comuni: [P], domains: ['energy'] }))
    .actor;
  partner = (await newKey(orm, { role: 'PARTNER' })).actor;
  analyst = (await newKey(orm, { role: 'ANALYST' })).actor;
  admin = (await newKey(orm, { role: 'ADMIN' })).actor;
  // Personal data arrive only through editing.
  const r = await hub.run(
    UpdatePlanDocument,
    { istatCode: P, expectedVersion: 1, input: { officer, crisisUnit } },
    editorP,
  );
  expect(r.errors).toBeUndefined();
});
afterAll(async () => {
  await dropPlans();
  await hub.close();
});

const readPlan = (actor: Actor) => hub.run(PlanOfComuneDocument, { istatCode: P }, actor);
const logOf = async (actor: KeyActor) =>
  (await hub.run(AccessLogDocument, { filter: { actor: actor.label }, first: 100 }, admin)).data!
    .accessLog;

describe('personal data of the officer and the crisis unit', () => {
  it.each([
    ['anonymous', () => ANONYMOUS],
    ['a PARTNER key', () => partner],
    ['an ANALYST key', () => analyst],
    ['an editor of another comune', () => editorQ],
    ['an editor of the comune for another domain', () => editorPOtherDomain],
  ] as [string, () => Actor][])(
    'are null with a FORBIDDEN error per field for %s, the rest intact',
    async (_, who) => {
      const { data, errors } = await readPlan(who());
      const plan = data!.comune!.civilProtectionPlan!;
      expect(plan.officer).toMatchObject({
        role: expect.any(String),
        name: null,
        phone: null,
        email: null,
      });
      expect(plan.crisisUnit).toEqual(
        crisisUnit.map((m) => ({ role: m.role, name: null, phone: null })),
      );
      expect(plan).toMatchObject({
        platform: 'PPC_ONLINE',
        version: 2,
        kickOff: { on: '2023-02-21' },
      });
      expect(data!.comune!.name).toBe('Bordolano');
      // 3 officer fields + 2 fields x 2 members, each its own FORBIDDEN error with its path.
      expect(errors).toHaveLength(7);
      for (const e of errors!) expect(e.extensions!.code).toBe('FORBIDDEN');
      expect(errors!.map((e) => (e.path as string[]).slice(2).join('.')).sort()).toEqual(
        [
          'crisisUnit.0.name',
          'crisisUnit.0.phone',
          'crisisUnit.1.name',
          'crisisUnit.1.phone',
          'officer.email',
          'officer.name',
          'officer.phone',
        ].sort(),
      );
      if (who().kind === 'key') expect((await logOf(who() as KeyActor)).totalCount).toBe(0);
    },
  );

  it.each([
    ['an editor of the comune', () => editorP],
    ['an admin', () => admin],
  ] as [string, () => KeyActor][])(
    'are readable by %s, and each read is logged',
    async (_, who) => {
      const before = (await logOf(who())).totalCount;
      const { data, errors } = await readPlan(who());
      expect(errors).toBeUndefined();
      const plan = data!.comune!.civilProtectionPlan!;
      expect(plan.officer).toMatchObject(officer);
      expect(plan.crisisUnit).toEqual(crisisUnit);
      const log = await logOf(who());
      expect(log.totalCount - before).toBe(7);
      const fresh = log.edges.slice(0, 7).map((e) => e.node);
      for (const n of fresh) {
        expect(n).toMatchObject({
          actor: { keyId: who().keyId, label: who().label, role: who().role },
          comune: { istatCode: P },
          domain: 'civil-protection',
          requestId: 'test',
        });
        expect(new Date(n.at as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
      }
      expect(fresh.map((n) => `${n.entity.split(':')[0]}.${n.field}`).sort()).toEqual(
        [
          'CivilProtectionOfficer.email',
          'CivilProtectionOfficer.name',
          'CivilProtectionOfficer.phone',
          'CrisisUnitMember.name',
          'CrisisUnitMember.name',
          'CrisisUnitMember.phone',
          'CrisisUnitMember.phone',
        ].sort(),
      );
    },
  );

  it('in a list, only the comuni of the editor are readable', async () => {
    const { data, errors } = await hub.run(
      PlansWithPeopleDocument,
      { filter: { territory: P }, first: 5 },
      editorQ,
    );
    expect(data!.civilProtectionPlans.edges[0].node.officer!.name).toBeNull();
    expect(errors!.every((e) => e.extensions!.code === 'FORBIDDEN')).toBe(true);
    const own = await hub.run(
      PlansWithPeopleDocument,
      { filter: { territory: Q }, first: 5 },
      editorQ,
    );
    expect(own.errors).toBeUndefined();
  });
});

describe('the access log', () => {
  it('is for admins only: anonymous UNAUTHENTICATED, other keys FORBIDDEN', async () => {
    const q = (actor: Actor) => hub.run(AccessLogDocument, { filter: { comune: P } }, actor);
    expect((await q(ANONYMOUS)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const actor of [partner, analyst, editorP])
      expect((await q(actor)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('filters by comune and pages newest first', async () => {
    await readPlan(editorP);
    const first = await hub.run(AccessLogDocument, { filter: { comune: P }, first: 4 }, admin);
    const all = first.data!.accessLog;
    expect(all.edges).toHaveLength(4);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const next = await hub.run(
      AccessLogDocument,
      { filter: { comune: P }, first: 4, after: all.pageInfo.endCursor },
      admin,
    );
    const times = [...all.edges, ...next.data!.accessLog.edges].map((e) =>
      Date.parse(e.node.at as string),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(
      new Set([...all.edges, ...next.data!.accessLog.edges].map((e) => e.node.comune.istatCode)),
    ).toEqual(new Set([P]));
    // Q's only personal reads are its own editor's (the list test above).
    const q = await hub.run(AccessLogDocument, { filter: { comune: Q } }, admin);
    expect(
      q.data!.accessLog.edges.map((e) => `${e.node.actor.label} ${e.node.field}`).sort(),
    ).toEqual(['email', 'name', 'phone'].map((f) => `${editorQ.label} ${f}`));
  });
});

describe('the change log', () => {
  it('is readable by editors of the comune and admins, refused to others', async () => {
    const q = (actor: Actor) =>
      hub.run(ChangesPublicFieldsDocument, { filter: { comune: P } }, actor);
    expect((await q(ANONYMOUS)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const actor of [partner, analyst, editorQ])
      expect((await q(actor)).errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const actor of [editorP, admin]) {
      const r = await q(actor);
      expect(r.errors).toBeUndefined();
      expect(r.data!.changes.edges.map((e) => e.node.field).sort()).toEqual(
        ['crisisUnit', 'email', 'name', 'phone'].sort(),
      );
    }
    // Without a comune, an editor sees only its own comuni and domains.
    const mine = await hub.run(ChangesPublicFieldsDocument, { first: 100 }, editorPOtherDomain);
    expect(mine.data!.changes.totalCount).toBe(0);
  });

  it('records personal values, and reading them is access-logged too', async () => {
    const before = (await logOf(admin)).totalCount;
    const { data } = await hub.run(
      ChangesDocument,
      { filter: { comune: P, entity: `CivilProtectionOfficer:${P}` } },
      admin,
    );
    const phone = data!.changes.edges.find((e) => e.node.field === 'phone')!.node;
    expect(phone).toMatchObject({ personal: true, before: null, after: officer.phone });
    const log = await logOf(admin);
    expect(log.totalCount - before).toBe(6);
    expect(log.edges[0].node.field).toMatch(/\(change log: (before|after)\)/);
  });
});
