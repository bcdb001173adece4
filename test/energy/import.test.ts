import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEnergyCommunities } from '../../src/domains/energy/ingest/energy-community.import.js';
import {
  refreshCommunityFlags,
  refreshFundingFlags,
} from '../../src/domains/energy/hooks/quality.js';
import { importFundings } from '../../src/domains/energy/ingest/funding.import.js';
import {
  CerFoundedDocument,
  EnergyCommunitiesDocument,
  EnergyQualityFlagsDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { outsideConsorzio } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let dir: string;
const dataset = `test-energy-import-${process.pid}`;
// Comuni outside the 52 Consorzio.IT members, so other test files never see these rows.
const [a, b] = outsideConsorzio();
const cerA = `test-cer-${process.pid}-a`;
const cerB = `test-cer-${process.pid}-b`;

const communityHeader =
  'code,name,site,status,technology,comuni,promoter_code,replication_area,aim,description,dataset,source_note';
const communityRows = [
  `${cerA},Test CER A,test site,CONSTITUTED,SOLAR,${b}|${a},consorzio-it,,an aim,,${dataset},register line 2`,
  `${cerB},Test CER B,,feasibility_study,,${a},,area-omogenea-cremasca,,,${dataset},`,
  `Not Kebab,X,,CONSTITUTED,,${a},,,,,${dataset},`,
  `test-cer-${process.pid}-c,X,,DONE,,${a},,,,,${dataset},`,
  `test-cer-${process.pid}-d,X,,CONSTITUTED,,019999,,,,,${dataset},`,
  `test-cer-${process.pid}-e,X,,CONSTITUTED,,${a},nobody,,,,${dataset},`,
  `${cerA},Again,,CONSTITUTED,,${a},,,,,${dataset},`,
  `test-cer-${process.pid}-f,X,,CONSTITUTED,,${a},,,,,no-such-dataset,`,
];

const fundingHeader =
  'community_code,funder_code,recipient_org_code,recipient_istat_code,recipient_note,amount,announced_on,announced_precision,purpose,dataset,source_note';
const fundingRows = [
  `${cerA},fondazione-lgh,consorzio-it,,,5000,2024-01-01,MONTH,study,${dataset},n1`,
  `${cerB},regione-lombardia,,${a},,1234.5,2024-03-15,,works,${dataset},n2`,
  `${cerB},fondazione-lgh,,,not stated,10.00,2024-04-02,DAY,other,${dataset},n3`,
  `${cerA},regione-lombardia,,,,"1.234,50",2024-01-10,,x,${dataset},`,
  `${cerA},regione-lombardia,,,,1,2024-02-30,,x,${dataset},`,
  `${cerA},regione-lombardia,,,,1,2024-02-15,MONTH,x,${dataset},`,
  `${cerA},regione-lombardia,consorzio-it,${a},,1,2024-02-15,,x,${dataset},`,
  `no-such-cer,regione-lombardia,,,,1,2024-02-15,,x,${dataset},`,
  `${cerA},fondazione-lgh,,,,7,2024-01-01,MONTH,dup,${dataset},`,
  `${cerA},provincia-cremona,,,,1,2024-02-15,,,${dataset},`,
];

async function write(name: string, header: string, lines: string[]) {
  const file = join(dir, name);
  await writeFile(file, [header, ...lines].join('\n') + '\n');
  return file;
}
const at = (r: { rejected: { line: number; column?: string }[] }) =>
  r.rejected.map(({ line, column }) => [line, column]);
const counts = (r: { inserted: number; updated: number; unchanged: number }) => [
  r.inserted,
  r.updated,
  r.unchanged,
];

beforeAll(async () => {
  hub = await createTestHub();
  dir = await mkdtemp(join(tmpdir(), 'hub-energy-import-'));
  await hub.orm.em
    .fork()
    .execute(
      `insert into dataset (id, title, publisher, synthetic) values (?, 'Test CER register (synthetic)', 'tests', true)`,
      [dataset],
    );
});
afterAll(async () => {
  await hub.orm.em.fork().transactional(async (tx) => {
    await tx.execute('delete from energy_funding where dataset_id = ?', [dataset]);
    await tx.execute('delete from energy_community where dataset_id = ?', [dataset]);
    await refreshFundingFlags(tx);
    await refreshCommunityFlags(tx);
    await tx.execute('delete from dataset where id = ?', [dataset]);
  });
  await rm(dir, { recursive: true, force: true });
  await hub.close();
});

const cerC = `test-cer-${process.pid}-c2`;
const foundingHeader = `${communityHeader},founded_on,founded_precision,founded_note,legal_form,gse_qualified,gse_qualification_note,possibly_related_code,relation_note`;
const foundingRows = [
  `${cerC},Test CER C,,CONSTITUTED,,${a},,,,,${dataset},,2024-12-01,MONTH,before the 7th,association,TRUE,qualified in test,${cerA},may be A`,
  `test-cer-${process.pid}-g,X,,CONSTITUTED,,${a},,,,,${dataset},,2024-12-05,MONTH,,,,,,`,
  `test-cer-${process.pid}-h,X,,CONSTITUTED,,${a},,,,,${dataset},,,,,,maybe,,,`,
  `test-cer-${process.pid}-i,X,,CONSTITUTED,,${a},,,,,${dataset},,,,,,,,no-such-cer,`,
  `test-cer-${process.pid}-j,X,,CONSTITUTED,,${a},,,,,${dataset},,,,,,,,test-cer-${process.pid}-j,`,
  `test-cer-${process.pid}-k,X,,CONSTITUTED,,${a},,,,,${dataset},,,DAY,,,,,,`,
];

describe('energy-communities and energy-fundings importers', () => {
  it('imports communities: good rows kept, bad rows rejected with line and column, idempotent', async () => {
    const file = await write('cer.csv', communityHeader, communityRows);
    const first = await importEnergyCommunities(hub.orm.em.fork(), file);
    expect(counts(first)).toEqual([2, 0, 0]);
    expect(at(first)).toEqual([
      [4, 'code'],
      [5, 'status'],
      [6, 'comuni'],
      [7, 'promoter_code'],
      [8, 'code'],
      [9, 'dataset'],
    ]);
    expect(first.rejected[4].reason).toMatch(/line 2/);
    const again = await importEnergyCommunities(hub.orm.em.fork(), file);
    expect(counts(again)).toEqual([0, 0, 2]);

    const { data } = await hub.run(EnergyCommunitiesDocument, { filter: { territory: b } });
    expect(data!.energyCommunities).toEqual([
      expect.objectContaining({
        code: cerA,
        status: 'CONSTITUTED',
        technology: 'SOLAR',
        comuni: [a, b].sort().map((istatCode) => expect.objectContaining({ istatCode })),
        promoter: expect.objectContaining({ code: 'consorzio-it' }),
        fundings: [],
        source: expect.objectContaining({ note: 'register line 2' }),
      }),
    ]);
  });

  it('imports fundings with exact amounts and date precision, rejecting bad rows', async () => {
    const file = await write('fundings.csv', fundingHeader, fundingRows);
    const first = await importFundings(hub.orm.em.fork(), file);
    expect(counts(first)).toEqual([3, 0, 0]);
    expect(at(first)).toEqual([
      [5, 'amount'],
      [6, 'announced_on'],
      [7, 'announced_on'],
      [8, 'recipient_istat_code'],
      [9, 'community_code'],
      [10, 'announced_on'],
      [11, 'purpose'],
    ]);
    expect(counts(await importFundings(hub.orm.em.fork(), file))).toEqual([0, 0, 3]);

    const { data } = await hub.run(EnergyCommunitiesDocument, { filter: { territory: a } });
    const byCode = new Map(data!.energyCommunities.map((c) => [c.code, c]));
    expect(byCode.get(cerA)!.fundings).toEqual([
      expect.objectContaining({
        amount: '5000.00',
        announced: { on: '2024-01-01', precision: 'MONTH', label: '2024-01' },
        recipient: { kind: 'ORGANIZATION', name: expect.stringMatching(/Consorzio\.IT/) },
      }),
    ]);
    expect(byCode.get(cerB)!.fundings.map((f) => [f.amount, f.recipient?.kind ?? null])).toEqual([
      ['1234.50', 'COMUNE'],
      ['10.00', null],
    ]);
  });

  it('updates exactly the changed funding and flags the one without a recipient', async () => {
    const file = await write('changed.csv', fundingHeader, [
      fundingRows[0].replace(',5000,', ',5000.01,'),
      fundingRows[1],
    ]);
    expect(counts(await importFundings(hub.orm.em.fork(), file))).toEqual([0, 1, 1]);
    const { data } = await hub.run(EnergyQualityFlagsDocument);
    const mine = data!.dataQualityIssues.filter((f) => f.message.includes('Test CER B'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ code: 'FUNDING_RECIPIENT_UNKNOWN', comune: { istatCode: a } });
  });
});

describe('founding, GSE and relation columns of the energy-communities layout', () => {
  it('imports them, rejecting bad cells by column, and flags the possible relation', async () => {
    const file = await write('cer-founded.csv', foundingHeader, foundingRows);
    const report = await importEnergyCommunities(hub.orm.em.fork(), file);
    expect(counts(report)).toEqual([1, 0, 0]);
    expect(at(report)).toEqual([
      [3, 'founded_on'],
      [4, 'gse_qualified'],
      [5, 'possibly_related_code'],
      [6, 'possibly_related_code'],
      [7, 'founded_on'],
    ]);
    expect(counts(await importEnergyCommunities(hub.orm.em.fork(), file))).toEqual([0, 0, 1]);
    const { data } = await hub.run(CerFoundedDocument, { from: '2024-12-31', territory: a });
    const c = data!.energyCommunities.find((x) => x.code === cerC)!;
    expect(c).toMatchObject({
      founded: { on: '2024-12-01', precision: 'MONTH', label: '2024-12' },
      foundedNote: 'before the 7th',
      legalForm: 'association',
      gseQualified: true,
      gseQualificationNote: 'qualified in test',
      relationNote: 'may be A',
      founders: [],
    });
    expect(c.possiblyRelated.map((r) => r.code)).toEqual([cerA]);
    const flags = await hub.run(EnergyQualityFlagsDocument);
    const flag = flags.data!.dataQualityIssues.find(
      (f) => f.code === 'POSSIBLY_SAME_COMMUNITY' && f.entity === `EnergyCommunity:${cerC}`,
    );
    expect(flag?.comune?.istatCode).toBe(a);
  });
});
