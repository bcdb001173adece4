import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DossierManyDocument,
  DossierOneDocument,
  TimelinePageDocument,
} from '../generated/graphql.js';
import { encodeCursor } from '../../src/common/pagination.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

describe('the dossier of a comune', () => {
  it('answers the fragment for Crema across every domain', async () => {
    const { data, errors } = await hub.run(DossierOneDocument, { istatCode: '019035' });
    expect(errors).toBeUndefined();
    const c = data!.comune!;
    expect(c.name).toBe('Crema');
    expect(c.groupings.map((g) => g.code)).toContain('consorzio-it');
    expect(Number(c.pnrr.total)).toBeGreaterThan(0);
    expect(c.broadband.gaps!.listedCount).toBeGreaterThan(0);
    expect(c.broadband.addressCount).toBeNull();
    expect(c.collectionCentres.map((x) => x.kind)).toContain('SUPRA_MUNICIPAL_PLATFORM');
    expect(c.energyCommunities.length).toBeGreaterThan(0);
    expect(c.timeline.length).toBeGreaterThan(0);
    const dates = c.timeline.map((e) => e.on);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(c.timeline.map((e) => e.domain)).size).toBeGreaterThan(1);
    expect(c.sources.map((s) => s.dataset).length).toBeGreaterThan(2);
    for (const s of c.sources) expect(s.dataset).toBeTruthy();
  });

  it('answers for every comune of the province', async () => {
    const { data, errors } = await hub.run(DossierManyDocument, {
      grouping: 'province-cr',
      first: 200,
    });
    expect(errors).toBeUndefined();
    expect(data!.comuni.edges).toHaveLength(113);
  });

  it('shows the civil-protection plan and the quality flags that concern a plan comune', async () => {
    const { data } = await hub.run(DossierOneDocument, { istatCode: '019018' });
    const c = data!.comune!;
    expect(c.civilProtectionPlan).not.toBeNull();
    expect(c.qualityIssues.map((q) => q.code).length).toBeGreaterThan(0);
  });
});

describe('sources of a dossier', () => {
  it('names the datasets behind the records of every domain, as stored', async () => {
    const { data } = await hub.run<{ comune: { sources: { datasetId: string }[] } }, never>(
      '{ comune(istatCode: "019035") { sources { datasetId } } }',
    );
    const got = data!.comune.sources.map((s) => s.datasetId).sort();
    const rows = await hub.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `select distinct dataset_id as id from (
         select dataset_id from civic_address where comune_istat_code = '019035'
         union all select dataset_id from pnrr_grant where comune_istat_code = '019035'
         union all select dataset_id from collection_centre where comune_istat_code = '019035'
         union all select dataset_id from comune where istat_code = '019035') x`,
      );
    for (const r of rows) expect(got).toContain(r.id);
    expect(got).toContain('infratel-mappatura-2025');
    expect(got).not.toContain('broadband-synthetic-sample');
  });
});

describe('SQL work does not grow with the number of comuni', () => {
  it('issues as many statements for 52 comuni as for 10 and for 1', async () => {
    const one = await hub.counted(DossierManyDocument, { grouping: '019035', first: 100 });
    const ten = await hub.counted(DossierManyDocument, {
      grouping: 'area-omogenea-cremasca',
      first: 10,
    });
    const all = await hub.counted(DossierManyDocument, { grouping: 'consorzio-it', first: 100 });
    for (const r of [one, ten, all]) expect(r.errors).toBeUndefined();
    expect(all.data!.comuni.edges).toHaveLength(52);
    expect(ten.data!.comuni.edges).toHaveLength(10);
    expect(all.statements).toBeLessThanOrEqual(one.statements + 2);
    expect(ten.statements).toBeLessThanOrEqual(one.statements + 2);
    expect(all.statements).toBeLessThan(60);
  });
});

describe('the timeline, page by page', () => {
  it('walks every event of Crema exactly once in timeline order, and refuses a cursor that is not one', async () => {
    const all = await hub.run(TimelinePageDocument, { istatCode: '019035', first: 500 });
    expect(all.errors).toBeUndefined();
    const events = all.data!.comune!.timeline;
    expect(events.length).toBeGreaterThan(12);
    const walked: typeof events = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: typeof all = await hub.run(TimelinePageDocument, {
        istatCode: '019035',
        first: 5,
        after,
      });
      expect(page.errors).toBeUndefined();
      const list: typeof events = page.data!.comune!.timeline;
      walked.push(...list);
      if (list.length < 5) break;
      after = list[list.length - 1].cursor;
    }
    expect(walked).toEqual(events);
    // A position (the cursors of the previous release) is not a timeline cursor.
    const bad = await hub.run(TimelinePageDocument, {
      istatCode: '019035',
      first: 5,
      after: encodeCursor([4]),
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
