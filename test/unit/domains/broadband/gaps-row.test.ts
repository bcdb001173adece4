import { describe, expect, it } from 'vitest';
import { RowError } from '../../../../src/common/importer.js';
import { GapCategory } from '../../../../src/domains/broadband/model/enums.js';
import {
  gapLayout,
  gapParser,
  SKIP,
  type GapRow,
} from '../../../../src/domains/broadband/ingest/gaps-row.js';
import { comuneNames, type Header } from '../../../../src/domains/broadband/ingest/layout.js';
import { comune, COMUNI, INFRATEL, MERGED } from './places.js';

const header = (columns: string[]): Header => ({
  columns,
  byLower: new Map(columns.map((c) => [c.toLowerCase(), c])),
  first: null,
});
const NAMES = comuneNames(
  COMUNI.map((c) => ({ istat_code: c.istatCode, name: c.name, name_key: c.nameKey })),
  MERGED,
);
const HUB_LAYOUT = gapLayout('f.csv', header(Object.keys(INFRATEL[0])));
const NATIONAL = gapLayout(
  'f.csv',
  header(['regione', 'provincia', 'comune', 'strada', 'civico', 'barrato', 'caratteristica']),
);

/** The RowError a record gets, as "column: message". */
function rejection(record: Record<string, string>, layout = HUB_LAYOUT): string {
  try {
    gapParser('f.csv', layout, NAMES)(record, 2);
  } catch (e) {
    expect(e).toBeInstanceOf(RowError);
    return `${(e as RowError).column}: ${(e as RowError).message}`;
  }
  throw new Error('the record was accepted');
}

describe('gapParser on Infratel\u2019s list for the province', () => {
  it('reads every row, with the category counts SOURCES.md gives (A 1,919 / B 7,599 / C 5,232)', () => {
    const parse = gapParser('f.csv', HUB_LAYOUT, NAMES);
    const rows = INFRATEL.map((r, i) => parse(r, i + 2)) as GapRow[];
    expect(rows).toHaveLength(14750);
    const count = (c: GapCategory) => rows.filter((r) => r.category === c).length;
    expect([count(GapCategory.A), count(GapCategory.B), count(GapCategory.C)]).toEqual([
      1919, 7599, 5232,
    ]);
    // One code per row: repeated civics get a numbered code.
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows[0]).toEqual({
      code: '019001:cascina ca de tocchi:1',
      comune: '019001',
      streetText: "CASCINA CA' DE' TOCCHI",
      streetType: 'CASCINA',
      streetName: "CA' DE' TOCCHI",
      nameKey: 'ca de tocchi',
      number: 1,
      exponent: '',
      civicText: '1',
      category: 'C',
      note: 'f.csv line 2',
    });
  });

  it('reads "0/SNC" as a civic without a house number, "58/A" as an exponent', () => {
    const parse = gapParser('f.csv', HUB_LAYOUT, NAMES);
    const row = (civico: string) =>
      parse(
        {
          codice_istat: '019005',
          comune: 'Bagnolo Cremasco',
          strada: 'VIA PER CREMA',
          civico,
          caratteristica: 'B',
        },
        2,
      ) as GapRow;
    expect(row('0/SNC')).toMatchObject({ number: 0, exponent: '', civicText: '0/SNC' });
    expect(row('58/A')).toMatchObject({ number: 58, exponent: 'A', civicText: '58/A' });
    expect(row('58 / a')).toMatchObject({ number: 58, exponent: 'A', civicText: '58/A' });
  });

  it('reads Infratel\u2019s national layout, skipping other provinces', () => {
    const parse = gapParser('f.csv', NATIONAL, NAMES);
    const base = { regione: 'Lombardia', strada: 'VIA ROMA', civico: '3', caratteristica: 'c' };
    expect(parse({ ...base, provincia: 'MILANO', comune: 'Milano', barrato: '' }, 2)).toBe(SKIP);
    expect(
      parse({ ...base, provincia: 'CREMONA', comune: 'Crema', barrato: 'b' }, 2),
    ).toMatchObject({
      comune: comune('Crema').istatCode,
      civicText: '3/B',
      category: 'C',
    });
    // A former comune merged in 2019 is read as the comune it became.
    expect(parse({ ...base, provincia: 'CR', comune: 'Drizzona', barrato: '' }, 2)).toMatchObject({
      comune: comune('Piadena Drizzona').istatCode,
    });
  });

  it('skips other provinces by ISTAT code too', () => {
    const parse = gapParser('f.csv', HUB_LAYOUT, NAMES);
    const r = {
      codice_istat: '015146',
      comune: 'Milano',
      strada: 'VIA ROMA',
      civico: '1',
      caratteristica: 'A',
    };
    expect(parse(r, 2)).toBe(SKIP);
  });

  it('rejects unreadable rows, naming the column', () => {
    const ok = {
      codice_istat: '019035',
      comune: 'Crema',
      strada: 'VIA ROMA',
      civico: '12',
      caratteristica: 'A',
    };
    expect(rejection({ ...ok, caratteristica: 'D' })).toBe(
      'caratteristica: must be A, B or C, got "D"',
    );
    expect(rejection({ ...ok, civico: '12-14' })).toBe(
      'civico: "12-14" is not a house number with an optional exponent (12, 12/A, 0/SNC)',
    );
    expect(rejection({ ...ok, strada: 'ROMA' })).toMatch(
      /^strada: "ROMA" does not begin with a street type/,
    );
    expect(rejection({ ...ok, strada: 'VIA CAVOUR \uFFFD' })).toMatch(/replacement character/);
    expect(rejection({ ...ok, strada: '' })).toBe('strada: is empty');
    expect(rejection({ ...ok, codice_istat: '019999' })).toBe(
      'codice_istat: "019999" is not the ISTAT code of a comune of the province',
    );
    expect(rejection({ ...ok, comune: 'Cremona' })).toBe(
      'comune: "Cremona" is not the name of comune 019035 (Crema)',
    );
    expect(rejection({ ...ok, codice_istat: '19x35' })).toBe(
      'codice_istat: "19x35" is not an ISTAT code',
    );
  });
});

describe('gapLayout', () => {
  it('names the missing columns and both accepted layouts', () => {
    expect(() => gapLayout('f.csv', header(['comune', 'strada', 'civico']))).toThrow(
      "f.csv: line 1: missing column(s) codice_istat (or provincia), caratteristica (layouts: codice_istat,comune,strada,civico,caratteristica or Infratel's regione,provincia,comune,strada,civico,barrato,caratteristica)",
    );
  });
});
