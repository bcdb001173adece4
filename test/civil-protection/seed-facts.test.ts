import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CivilProtectionPlatformsDocument,
  PlanComuneFlagsDocument,
  PlanFactsDocument,
  PlanGroupFactsDocument,
  PlanTimelineDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

/*
 * Every fact of shared/facts/seed-facts.md, section 4 ("Civil-protection plans", and the
 * Geometrics line of "Organisations"), answered by a query of test/operations with its
 * source. The facts restate Consorzio.IT's news item of 2023-02-21 on the kick-off.
 */

let hub: Awaited<ReturnType<typeof createTestHub>>;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const SOURCE = /^press release, 2023-02-21\b/;
const GROUP = 'ppc-2023-casaletto-ceredano';
const LEAD = { istatCode: '019018', name: 'Casaletto Ceredano' };
/** The names as the source lists them (Casaletto Ceredano twice: 22 distinct of "23"). */
const NAMED = [
  'Camisano',
  'Campagnola Cremasca',
  'Capergnanica',
  'Casaletto Ceredano',
  'Castel Gabbiano',
  'Credera Rubbiano',
  'Cremosano',
  'Cumignano sul Naviglio',
  'Fiesco',
  'Izano',
  'Montodine',
  'Moscazzano',
  'Pianengo',
  'Pieranica',
  'Quintano',
  'Ricengo',
  'Ripalta Arpina',
  'Ripalta Cremasca',
  'Ripalta Guerina',
  'Salvirola',
  'Torlino Vimercati',
  'Trigolo',
];

const plan = async (istatCode: string) => {
  const { data, errors } = await hub.run(PlanFactsDocument, { istatCode });
  expect(errors).toBeUndefined();
  return data!.comune!.civilProtectionPlan!;
};

describe('seed facts, section 4: civil-protection plans', () => {
  it('Regione Lombardia reorganised municipal planning in 2021 and offers PPC online, where each comune writes its plan; regional guidelines followed', async () => {
    const { data } = await hub.run(CivilProtectionPlatformsDocument);
    expect(data!.civilProtectionPlatforms).toHaveLength(1);
    const p = data!.civilProtectionPlatforms[0];
    expect(p).toMatchObject({
      platform: 'PPC_ONLINE',
      name: expect.stringMatching(/PPC online/),
      planningReorganisedIn: { on: '2021-01-01', precision: 'YEAR', label: '2021' },
      operator: { code: 'regione-lombardia', name: 'Regione Lombardia' },
      source: { datasetId: 'press-consorzio-it', note: expect.stringMatching(SOURCE) },
    });
    expect(p.description).toMatch(/each comune writes its civil-protection plan/);
    expect(p.guidelines).toMatch(/guidelines for emergency management/);
  });

  it('a regional grant funds drafting or updating plans on PPC online (amount not stated)', async () => {
    const p = await plan(LEAD.istatCode);
    expect(p.platform).toBe('PPC_ONLINE');
    expect(p.platformInfo).toMatchObject({
      planningReorganisedIn: { label: '2021' },
      operator: { code: 'regione-lombardia' },
    });
    expect(p.grant).toMatchObject({ amount: null, funder: { code: 'regione-lombardia' } });
    expect(p.grant.description).toMatch(/drafting or updating .* PPC online/);
    expect(p.source).toMatchObject({
      datasetId: 'press-consorzio-it',
      note: expect.stringMatching(SOURCE),
    });
  });

  it('23 comuni applied, coordinated by the tenders office of Consorzio.IT, Casaletto Ceredano lead: 22 named, the gap visible', async () => {
    const { data } = await hub.run(PlanGroupFactsDocument, { code: GROUP });
    const g = data!.territorialGrouping!;
    expect(g).toMatchObject({
      kind: 'PLAN_GROUP',
      declaredMemberCount: 23,
      memberCount: 22,
      membershipKnown: false,
      source: { datasetId: 'press-consorzio-it', note: expect.stringMatching(SOURCE) },
    });
    expect(g.members.map((m) => m.name).sort()).toEqual([...NAMED].sort());
    for (const code of g.members.map((m) => m.istatCode)) {
      const p = await plan(code);
      expect(p).toMatchObject({
        leadComune: LEAD,
        coordinator: { code: 'consorzio-it' },
        coordinatorOffice: expect.stringMatching(/Ufficio Bandi/),
        planGroup: { code: GROUP },
      });
    }
  });

  it('the "23 declared, 22 named" flag shows on each of the 22 comuni, and on no other', async () => {
    const { data } = await hub.run(PlanGroupFactsDocument, { code: GROUP });
    // The plan group's flag (other groupings have declared counts of their own, e.g. the
    // press's 9 energy communities of which 8 are named, on consorzio-it).
    const ofGroup = (q: { code: string; entity: string | null }) =>
      q.code === 'DECLARED_COUNT_MISMATCH' && q.entity === `TerritorialGrouping:${GROUP}`;
    for (const m of data!.territorialGrouping!.members) {
      const flag = m.qualityIssues.filter(ofGroup);
      expect(flag).toHaveLength(1);
      expect(flag[0]).toMatchObject({
        entity: `TerritorialGrouping:${GROUP}`,
        message: expect.stringMatching(/23 comuni .* 22 distinct/),
        source: { datasetId: 'press-consorzio-it', note: expect.stringMatching(SOURCE) },
      });
    }
    const crema = (await hub.run(PlanComuneFlagsDocument, { istatCode: '019035' })).data!.comune!;
    expect(crema.qualityIssues.filter(ofGroup)).toEqual([]);
  });

  it('kick-off on 2023-02-21; content entered and validated by September 2023', async () => {
    const p = await plan(LEAD.istatCode);
    expect(p.kickOff).toEqual({ on: '2023-02-21', precision: 'DAY' });
    expect(p.dueBy).toEqual({ on: '2023-09-01', precision: 'MONTH', label: '2023-09' });
    const { data } = await hub.run(PlanTimelineDocument, { istatCode: '019110' });
    expect(data!.comune!.timeline.map((e) => [e.kind, e.on, e.precision])).toEqual([
      ['PLAN_DEADLINE', '2023-09-01', 'MONTH'],
      ['PLAN_KICK_OFF', '2023-02-21', 'DAY'],
    ]);
  });

  it('each comune names a municipal officer who validates the content (role only, no person)', async () => {
    for (const code of ['019018', '019059']) {
      const p = await plan(code);
      expect(p.officer!.role).toMatch(/referente comunale.*validates the plan's content/);
      expect(p.officer!.source.note).toMatch(/press release, 2023-02-21/);
    }
  });

  it('each comune composes a local crisis unit: its members are unknown, null with the reason', async () => {
    const p = await plan('019081');
    expect(p.crisisUnit).toBeNull();
    expect(p.crisisUnitUnknownReason).toMatch(
      /composes a local crisis unit \(unità di crisi locale\)/,
    );
  });

  it('plans define scenarios for each kind of hazard and how each event is handled: unknown per comune, null with the reason', async () => {
    const p = await plan('019081');
    expect(p.scenarios).toBeNull();
    expect(p.scenariosUnknownReason).toMatch(/each kind of hazard and how each event is handled/);
  });

  it('Geometrics was commissioned by Casaletto Ceredano to draft the plans (other comuni: not stated)', async () => {
    const lead = await plan(LEAD.istatCode);
    expect(lead.draftingFirm).toEqual({
      code: 'geometrics',
      name: expect.stringMatching(/Geometrics/),
    });
    const member = await plan('019010');
    expect(member.draftingFirm).toBeNull();
    expect(member.notes).toMatch(/Geometrics was commissioned by the lead comune/);
  });
});
