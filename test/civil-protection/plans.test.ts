import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PlanOfComuneDocument,
  PlanQualityDocument,
  PlansDocument,
  type PlansQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const dir = 'seeds/data/civil-protection';
const rows: Record<string, string>[] = parse(readFileSync(`${dir}/plans.csv`), { columns: true });
const app = JSON.parse(readFileSync(`${dir}/application.json`, 'utf8'));
const lead = rows.find((r) => r.role_in_application === 'LEAD')!;
const group = app.grouping.code as string;

describe('civil-protection plans (seed)', () => {
  it("answers the issue's query for the lead comune, with its sources", async () => {
    const { data, errors } = await hub.run(PlanOfComuneDocument, { istatCode: lead.istat_code });
    // Anonymous: the officer's personal fields (empty in the seed anyway) are refused.
    expect(
      errors!.map((e) => [e.extensions!.code, (e.path as string[]).slice(2).join('.')]),
    ).toEqual([
      ['FORBIDDEN', 'officer.name'],
      ['FORBIDDEN', 'officer.phone'],
      ['FORBIDDEN', 'officer.email'],
    ]);
    const plan = data!.comune!.civilProtectionPlan!;
    expect(plan).toMatchObject({
      platform: 'PPC_ONLINE',
      status: app.status,
      statusAsOf: { on: app.statusAsOf, precision: 'DAY' },
      leadComune: { istatCode: app.leadComune, name: lead.name },
      coordinator: { code: app.coordinator },
      coordinatorOffice: expect.stringMatching(/Ufficio Bandi/),
      draftingFirm: { code: 'geometrics' },
      grant: { amount: null, funder: { code: 'regione-lombardia' } },
      kickOff: { on: '2023-02-21', precision: 'DAY', label: '2023-02-21' },
      dueBy: { on: '2023-09-01', precision: 'MONTH', label: '2023-09' },
      lastUpdate: null,
      // Not known from the source: null with the reason, never an empty list.
      scenarios: null,
      scenariosUnknownReason: app.unknown.scenarios,
      emergencyAreas: null,
      emergencyAreasUnknownReason: app.unknown.emergencyAreas,
      crisisUnit: null,
      crisisUnitUnknownReason: app.unknown.crisisUnit,
      hazardsWithoutScenario: null,
      version: 1,
      source: {
        datasetId: 'press-consorzio-it',
        note: expect.stringMatching(/^press release, 2023-02-21/),
      },
    });
    expect(plan.grant.description).toMatch(/PPC online/);
    expect(plan.statusNote).toMatch(/not known/);
    // The seed holds the officer's role, never a person.
    expect(plan.officer!.role).toMatch(/referente comunale/);
    expect(plan.officer!.source.datasetId).toBe('press-consorzio-it');
  });

  it('holds one plan per named comune, the drafting firm only where known', async () => {
    const { data } = await hub.run(PlansDocument, { filter: { territory: group }, first: 50 });
    const plans = data!.civilProtectionPlans;
    expect(plans.totalCount).toBe(rows.length);
    expect(plans.totalCount).toBe(22);
    expect(plans.edges.map((e) => e.node.comune.istatCode)).toEqual(
      rows.map((r) => r.istat_code).sort(),
    );
    for (const { node } of plans.edges) {
      const row = rows.find((r) => r.istat_code === node.comune.istatCode)!;
      expect(node.comune.name).toBe(row.name);
      expect(node.leadComune.name).toBe(lead.name);
      expect(node.draftingFirm?.code ?? '').toBe(row.drafting_firm);
    }
  });

  it('pages the plans with cursors and filters by status', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: { data?: PlansQuery | null } = await hub.run(PlansDocument, {
        filter: { territory: group },
        first: 5,
        after,
      });
      seen.push(...page.data!.civilProtectionPlans.edges.map((e) => e.node.comune.istatCode));
      if (!page.data!.civilProtectionPlans.pageInfo.hasNextPage) break;
      after = page.data!.civilProtectionPlans.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(rows.map((r) => r.istat_code).sort());
    const approved = await hub.run(PlansDocument, {
      filter: { territory: group, status: 'APPROVED' as never },
    });
    expect(approved.data!.civilProtectionPlans.totalCount).toBe(0);
  });

  it('keeps both figures of the application: 23 declared, 22 named, and flags the gap', async () => {
    const { data } = await hub.run(PlanOfComuneDocument, { istatCode: lead.istat_code });
    expect(data!.comune!.civilProtectionPlan!.planGroup).toEqual({
      code: group,
      declaredMemberCount: app.grouping.declaredMemberCount,
      memberCount: rows.length,
    });
    const flags = (await hub.run(PlanQualityDocument)).data!.dataQualityIssues;
    const flag = flags.find((f) => f.code === 'DECLARED_COUNT_MISMATCH')!;
    expect(flag.entity).toBe(`TerritorialGrouping:${group}`);
    expect(flag.message).toContain(`${app.grouping.declaredMemberCount} comuni`);
    expect(flag.message).toContain(`${rows.length} distinct`);
    expect(flag.source.datasetId).toBe('press-consorzio-it');
  });

  it('gives null for a comune without a plan', async () => {
    const { data } = await hub.run(PlanOfComuneDocument, { istatCode: '019035' });
    expect(data!.comune!.civilProtectionPlan).toBeNull();
  });
});
