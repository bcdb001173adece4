import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pnrr } from '../../src/domains/pnrr/index.js';
import { openTestOrm } from '../support/hub.js';
import { readSeed } from './csv.js';

/** Every import here runs inside a transaction that is rolled back: the shared DB is untouched. */
class Rollback extends Error {}
let orm: MikroORM;
let dir: string;
beforeAll(async () => {
  orm = await openTestOrm();
  dir = mkdtempSync(join(tmpdir(), 'pnrr-import-'));
});
afterAll(async () => {
  await orm.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rolledBack(fn: (em: EntityManager) => Promise<void>): Promise<void> {
  await orm.em
    .fork()
    .transactional(async (em) => {
      await fn(em);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

const importer = pnrr.importers['pnrr-grants'];
const seedFile = (name: string) => join('seeds/data/pnrr', name);
const HEADER =
  'codice_ipa,ente,tipologia_ente,comune,cod_comune,provincia,cod_provincia,regione,cod_regione,importo_finanziamento,avviso,data_invio_candidatura,data_finanziamento,codice_cup,numero_finestra_temporale,numero_di_protocollo,decreto_finanziamento,stato_candidatura,data_stato_candidatura,misura';
const NOTICE = '1.4.4 Adozione SPID CIE  - Comuni - Aprile 2022';
const row = (over: Partial<Record<string, string>>) => {
  const base: Record<string, string> = {
    codice_ipa: 'zz_test_body',
    ente: 'Test body - synthetic - test only',
    tipologia_ente: 'Altri Enti',
    comune: 'Crema',
    cod_comune: '019035',
    provincia: 'CR',
    cod_provincia: '019',
    regione: 'Lombardia',
    cod_regione: '03',
    importo_finanziamento: '12345.6',
    avviso: `"${NOTICE}"`,
    data_invio_candidatura: '2022-05-31T22:30:00.000+0000',
    data_finanziamento: '2022-08-02',
    codice_cup: 'ZZTEST000000001',
    numero_finestra_temporale: '2',
    numero_di_protocollo: '25',
    decreto_finanziamento: 'Decreto n.25 - 2 / 2022 - PNRR',
    stato_candidatura: 'A',
    data_stato_candidatura: '2022-08-02',
    misura: '1.4.4 Adozione identità digitale',
  };
  return HEADER.split(',')
    .map((c) => over[c] ?? base[c])
    .join(',');
};

describe('pnrr-grants importer', () => {
  it('re-importing a seed file changes nothing; a second run neither', async () => {
    const file = seedFile('candidature_finanziate_145_cr.csv');
    const rows = readSeed('pnrr/candidature_finanziate_145_cr.csv').length;
    await rolledBack(async (em) => {
      for (let run = 0; run < 2; run++) {
        const r = await importer.run(em, file);
        expect(r).toMatchObject({
          inserted: 0,
          updated: 0,
          unchanged: rows,
          rejected: [],
          skipped: 0,
        });
      }
    });
  });

  it('updates exactly the changed row', async () => {
    const name = 'candidature_finanziate_141_cr.csv';
    const lines = readFileSync(seedFile(name), 'utf8').split('\n');
    const cells = lines[4].split(',');
    const amountAt = lines[0].split(',').indexOf('importo_finanziamento');
    const cupAt = lines[0].split(',').indexOf('codice_cup');
    cells[amountAt] = '1.5';
    lines[4] = cells.join(',');
    mkdirSync(join(dir, 'changed'), { recursive: true });
    const file = join(dir, 'changed', name);
    writeFileSync(file, lines.join('\n'));
    await rolledBack(async (em) => {
      const r = await importer.run(em, file);
      expect(r).toMatchObject({ inserted: 0, updated: 1, rejected: [] });
      expect(r.unchanged).toBe(lines.filter((l) => l.trim()).length - 2);
      const [g] = await em.execute<{ amount: string }[]>(
        'select amount from pnrr_grant where cup = ?',
        [cells[cupAt]],
      );
      expect(g.amount).toBe('1.50');
    });
    const [after] = await orm.em
      .fork()
      .execute<{ amount: string }[]>('select amount from pnrr_grant where cup = ?', [cells[cupAt]]);
    expect(after.amount).not.toBe('1.50');
  });

  it('keeps good rows and reports bad ones with line, column and reason; skips other provinces', async () => {
    const file = join(dir, 'candidature_test_bad.csv');
    writeFileSync(
      file,
      [
        HEADER,
        row({}), // 2: good
        row({ codice_cup: 'ZZTEST000000002', importo_finanziamento: '12a' }), // 3
        row({ codice_cup: 'ZZTEST000000003', cod_comune: '19035' }), // 4
        row({ codice_cup: 'ZZTEST000000004', cod_comune: '019999' }), // 5
        row({ codice_cup: 'ZZTEST000000005', stato_candidatura: 'X' }), // 6
        row({ codice_cup: 'ZZTEST000000006', data_finanziamento: '2022-02-30' }), // 7
        row({ codice_cup: 'ZZTEST000000007', cod_comune: '015146', comune: 'Milano' }), // 8: skipped
        row({}), // 9: duplicate of line 2
        row({ codice_cup: 'ZZTEST000000008', misura: '9.9 Nothing' }), // 10
        row({ codice_cup: 'ZZTEST000000009', importo_finanziamento: '10.005' }), // 11
        row({ codice_cup: 'ZZTEST000000010', stato_candidatura: 'R', data_stato_candidatura: '' }), // 12: good
      ].join('\n') + '\n',
    );
    await rolledBack(async (em) => {
      const r = await importer.run(em, file);
      expect(r.inserted).toBe(2);
      expect(r.skipped).toBe(1);
      expect(r.rejected.map((x) => [x.line, x.column])).toEqual([
        [3, 'importo_finanziamento'],
        [4, 'cod_comune'],
        [5, 'cod_comune'],
        [6, 'stato_candidatura'],
        [7, 'data_finanziamento'],
        [9, 'codice_cup'],
        [10, 'misura'],
        [11, 'importo_finanziamento'],
      ]);
      expect(r.rejected.find((x) => x.line === 9)!.reason).toMatch(/line 2/);
      const rows = await em.execute<Record<string, string>[]>(
        `select g.amount, g.applied_on::text as applied, g.status, g.measure_code, b.kind, b.name
           from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
          where b.ipa_code = 'zz_test_body' order by g.cup`,
      );
      expect(rows).toEqual([
        expect.objectContaining({
          amount: '12345.60',
          applied: '2022-06-01',
          status: 'FUNDED',
          measure_code: '1.4.4',
          kind: 'OTHER',
        }),
        expect.objectContaining({ status: 'RENOUNCED' }),
      ]);
    });
    const left = await orm.em
      .fork()
      .execute(`select 1 from pnrr_body where ipa_code = 'zz_test_body'`);
    expect(left).toHaveLength(0);
  });

  it('reads the older layout (no ente, misura, decree, status date): measure from the notice', async () => {
    const header =
      'codice_ipa,comune,cod_comune,provincia,cod_provincia,regione,cod_regione,importo_finanziamento,avviso,data_invio_candidatura,data_finanziamento,codice_cup,numero_finestra_temporale,numero_di_protocollo,stato_candidatura';
    const file = join(dir, 'candidature_test_old.csv');
    writeFileSync(
      file,
      [
        header,
        `c_z998,Crema,019035,CR,019,Lombardia,03,14000.0,${NOTICE},2022-05-31T07:07:48.000+0000,2022-08-02,ZZTEST000000011,2.0,25.0,A`,
        `c_z998,Crema,019035,CR,019,Lombardia,03,500.0,1.4.3 - pagoPA - Comuni - a test window,2022-05-31T07:07:48.000+0000,2022-08-02,ZZTEST000000012,1.0,1.0,A`,
      ].join('\n'),
    );
    await rolledBack(async (em) => {
      const r = await importer.run(em, file);
      expect(r).toMatchObject({ inserted: 2, rejected: [] });
      const rows = await em.execute<Record<string, unknown>[]>(
        `select g.measure_code, g.window, g.decree_number, g.decree, g.status_on, b.kind, b.name, n.measure_code as notice_measure
           from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code join pnrr_notice n on n.title = g.notice_title
          where b.ipa_code = 'c_z998' order by g.cup`,
      );
      expect(rows).toEqual([
        {
          measure_code: '1.4.4',
          window: 2,
          decree_number: 25,
          decree: null,
          status_on: null,
          kind: 'COMUNE',
          name: 'Comune di Crema',
          notice_measure: '1.4.4',
        },
        expect.objectContaining({ measure_code: '1.4.3', notice_measure: '1.4.3' }),
      ]);
    });
  });

  it('streams long files with progress, refuses a file without the required columns', async () => {
    const file = join(dir, 'candidature_test_national.csv');
    const other = Array.from({ length: 2500 }, (_, i) =>
      row({ codice_cup: `ZZOTHER${String(i).padStart(8, '0')}`, cod_comune: '015146' }),
    );
    writeFileSync(file, [HEADER, ...other, row({})].join('\n'));
    const progress: number[] = [];
    await rolledBack(async (em) => {
      const r = await importer.run(em, file, (n) => progress.push(n));
      expect(r).toMatchObject({ inserted: 1, skipped: 2500, rejected: [] });
    });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(2502);
    const bad = join(dir, 'candidature_test_header.csv');
    writeFileSync(bad, 'codice_ipa,comune\nx,y\n');
    await expect(rolledBack((em) => importer.run(em, bad).then(() => undefined))).rejects.toThrow(
      /line 1: missing column\(s\) cod_comune/,
    );
  });
});
