import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PlanNodeDocument,
  PlanOfComuneDocument,
  PlanTimelineDocument,
} from '../generated/graphql.js';
import { newKey } from '../access/support.js';
import { startTestHttp } from '../support/hub.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
type Http = Awaited<ReturnType<typeof startTestHttp>>;
let hub: Hub;
let http: Http;
beforeAll(async () => {
  hub = await createTestHub();
  http = await startTestHttp();
});
afterAll(async () => {
  await hub.close();
  await http.close();
});

const dir = 'seeds/data/civil-protection';
const rows: Record<string, string>[] = parse(readFileSync(`${dir}/plans.csv`), { columns: true });
const app = JSON.parse(readFileSync(`${dir}/application.json`, 'utf8'));
const lead = app.leadComune as string;

describe('civil protection in the dossier', () => {
  it('puts the kick-off (day) and the deadline (month) on the timeline of a comune', async () => {
    const { data, errors } = await hub.run(PlanTimelineDocument, { istatCode: lead });
    expect(errors).toBeUndefined();
    const plan = (await hub.run(PlanOfComuneDocument, { istatCode: lead })).data!.comune!
      .civilProtectionPlan!;
    // Newest first.
    expect(data!.comune!.timeline).toEqual([
      expect.objectContaining({
        on: app.dueBy.on,
        precision: 'MONTH',
        kind: 'PLAN_DEADLINE',
        entityId: plan.id,
      }),
      expect.objectContaining({
        on: app.kickOff,
        precision: 'DAY',
        kind: 'PLAN_KICK_OFF',
        entityId: plan.id,
      }),
    ]);
    expect(data!.comune!.timeline[1].source.datasetId).toBe('press-consorzio-it');
  });

  it('reaches a plan and its officer by global id, personal fields still guarded', async () => {
    const plan = (await hub.run(PlanOfComuneDocument, { istatCode: lead })).data!.comune!
      .civilProtectionPlan!;
    const { data } = await hub.run(PlanNodeDocument, { id: plan.id });
    expect(data!.node).toMatchObject({ id: plan.id, comune: { istatCode: lead } });
    const officerId = (data!.node as { officer: { id: string } }).officer.id;
    const officer = await hub.run(
      `query($id: ID!) { node(id: $id) { ... on CivilProtectionOfficer { role phone } } }`,
      { id: officerId },
    );
    expect(officer.data).toEqual({ node: { role: expect.any(String), phone: null } });
    expect(officer.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('civil-protection plans export', () => {
  it('streams one CSV row per plan, without personal data, for ANALYST keys', async () => {
    const { secret } = await newKey(http.orm, { role: 'ANALYST' });
    const res = await fetch(
      `${http.base}/export/civil-protection-plans.csv?territory=${app.grouping.code}`,
      { headers: { authorization: `Bearer ${secret}` } },
    );
    expect(res.status).toBe(200);
    const csv: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(csv.map((r) => r.istat_code)).toEqual(rows.map((r) => r.istat_code).sort());
    const first = csv.find((r) => r.istat_code === lead)!;
    expect(first).toMatchObject({
      status: app.status,
      due_by_precision: 'MONTH',
      drafting_firm: 'geometrics',
      grant_eur: '',
    });
    expect(Object.keys(first).join(' ')).not.toMatch(/name|phone|mail/);
  });
});
