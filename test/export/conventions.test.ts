import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportColumnType } from '../../src/common/domain.js';
import { createApiKey } from '../../src/access/keys.js';
import { domains } from '../../src/schema.js';
import { describeQuery, inferColumnType } from '../../src/server/export/format.js';
import { allExports } from '../../src/server/export/router.js';
import { currentGrants, groupingCodes, sumBy } from '../pnrr/csv.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let key: string;
let pool: pg.Pool;

beforeAll(async () => {
  http = await startTestHttp();
  key = (
    await createApiKey(http.orm.em.fork(), { role: 'ANALYST', label: `conventions ${Date.now()}` })
  ).secret;
  pool = new pg.Pool({ connectionString: http.orm.config.get('clientUrl'), max: 1 });
});
afterAll(async () => {
  await pool.end();
  await http.close();
});

const get = (path: string) =>
  fetch(`${http.base}${path}`, { headers: { authorization: `Bearer ${key}` } });

interface Meta {
  columns: { name: string; type: ExportColumnType; description: string }[];
  conventions: string;
}

/** What a cell of each type may look like in the CSV (empty = null, for every type). */
const CELL: Record<ExportColumnType, RegExp> = {
  boolean: /^(true|false)?$/,
  money: /^(-?\d+\.\d{2})?$/,
  integer: /^(-?\d+)?$/,
  decimal: /^(-?\d+(\.\d+)?(e[+-]?\d+)?)?$/,
  date: /^(\d{4}-\d{2}-\d{2})?$/,
  timestamp: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)?$/,
  text: /^[\s\S]*$/,
};

/** A small territory for the per-address export (every address of the province is big). */
const territoryOf = (name: string) => (name === 'addresses' ? '019018' : 'province-cr');
const exportsList = Object.entries(allExports(domains));

describe('CSV conventions of every export', () => {
  it.each(exportsList.map(([name]) => name))(
    '%s: every column typed, every cell written by the convention of its type',
    async (name) => {
      const territory = territoryOf(name);
      const meta = (await (
        await get(`/export/${name}.json?territory=${territory}`)
      ).json()) as Meta;
      expect(meta.conventions).toMatch(/true\/false/);
      const rows: Record<string, string>[] = parse(
        await (await get(`/export/${name}.csv?territory=${territory}`)).text(),
        { columns: true },
      );
      for (const c of meta.columns) {
        expect(Object.keys(CELL), `${name}.${c.name}`).toContain(c.type);
        for (const r of rows) expect(r[c.name], `${name}.${c.name}`).toMatch(CELL[c.type]);
      }
      // PostgreSQL's t/f never leaks into a CSV.
      for (const c of meta.columns.filter((x) => x.type === 'boolean'))
        expect(rows.filter((r) => r[c.name] === 't' || r[c.name] === 'f')).toEqual([]);
    },
  );

  it.each(exportsList.map(([name]) => name))(
    '%s: declared column types agree with the types its SQL returns',
    async (name) => {
      const def = allExports(domains)[name];
      const fields = await describeQuery(pool, def.sql(`'{019035}'::text[]`));
      expect(fields.map((f) => f.name)).toEqual(def.columns.map((c) => c.name));
      for (const [i, c] of def.columns.entries()) {
        const sqlType = inferColumnType(c.name, fields[i].oid);
        // Undeclared: the SQL type is used. Declared: it must be what the SQL returns
        // (a numeric column not named *_eur may be declared money).
        if (!c.type) continue;
        const ok = c.type === sqlType || (c.type === 'money' && sqlType === 'decimal');
        expect(ok, `${name}.${c.name}: declared ${c.type}, SQL gives ${sqlType}`).toBe(true);
      }
    },
  );

  it('writes booleans true/false and money with two decimals in the wide table', async () => {
    const rows: Record<string, string>[] = parse(await (await get('/export/comuni.csv')).text(), {
      columns: true,
    });
    const aoc = groupingCodes('area-omogenea-cremasca');
    for (const r of rows)
      expect(r.area_omogenea_cremasca).toBe(aoc.has(r.istat_code) ? 'true' : 'false');
    // Comuni with no measure-1.3.1 grant of their own (raw files): 0.00, not 0 nor empty.
    const with131 = sumBy(
      currentGrants().filter(
        (g) => g.kind === 'COMUNE' && g.measure === '1.3.1' && g.status !== 'R',
      ),
      (g) => g.comune,
    );
    const without = rows.filter((r) => !with131.has(r.istat_code));
    expect(without.length).toBeGreaterThan(0);
    for (const r of without) expect(r.pnrr_1_3_1_eur, r.istat_code).toBe('0.00');
    const crema = rows.find((r) => r.istat_code === '019035')!;
    expect(crema.supra_municipal_platform).toBe('true');
    expect(crema.ccr_upgrade_participant).toBe('false');
  });
});
