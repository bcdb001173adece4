import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowError } from '../../../../src/common/importer.js';
import {
  parseGrant,
  REQUIRED_COLUMNS,
  SKIP,
  type ParseContext,
  type ParsedGrant,
} from '../../../../src/domains/pnrr/ingest/grant-row.js';
import { BodyKind, GrantStatus } from '../../../../src/domains/pnrr/model/enums.js';

const DIR = 'seeds/data/pnrr';
const csv = (file: string): Record<string, string>[] =>
  parse(readFileSync(`${DIR}/${file}`), { columns: true, bom: true, skip_empty_lines: true });
const FILES = readdirSync(DIR).filter((f) => f.startsWith('candidature_'));
const COMUNI = new Set(csv('../hub/comuni_cr_summary.csv').map((r) => r.com_istat_code));
/** The measures of PA digitale 2026 (seeds/data/pnrr/measures.json). */
const MEASURES = new Set(
  (JSON.parse(readFileSync(`${DIR}/measures.json`, 'utf8')) as { code: string }[]).map(
    (m) => m.code,
  ),
);
const context = (): ParseContext => ({
  comuni: COMUNI,
  provinces: new Set(['019']),
  measures: MEASURES,
  notices: new Map(),
  seen: new Map(),
});

/** The first data row of a seed file, by the text of its first cells. */
const rowOf = (file: string, ipa: string) => csv(file).find((r) => r.codice_ipa === ipa)!;

function rejection(r: Record<string, string>): string {
  try {
    parseGrant(r, 2, context());
  } catch (e) {
    expect(e).toBeInstanceOf(RowError);
    return `${(e as RowError).column}: ${(e as RowError).message} [${(e as RowError).code}]`;
  }
  throw new Error('the row was accepted');
}

describe('parseGrant on the PA digitale 2026 files', () => {
  it('reads every row of every seed file of both layouts', () => {
    for (const file of FILES) {
      const ctx = context();
      const rows = csv(file);
      for (const c of REQUIRED_COLUMNS) expect(Object.keys(rows[0]), file).toContain(c);
      rows.forEach((r, i) => {
        const g = parseGrant(r, i + 2, ctx);
        expect(g, `${file} line ${i + 2}`).not.toBe(SKIP);
      });
    }
  });

  it('reads the current layout: status letters as SOURCES.md defines them, days in Rome', () => {
    // E = paid out after certification (asseverazione), per seeds/data/pnrr/SOURCES.md.
    const r = rowOf('candidature_finanziate_131_cr.csv', 'issmc');
    expect(parseGrant(r, 2, context())).toEqual({
      line: 2,
      ipaCode: 'issmc',
      bodyName: 'Conservatorio di Musica Claudio Monteverdi" di Cremona"',
      bodyKind: BodyKind.OTHER,
      comune: '019036',
      comuneName: 'Cremona',
      amount: '71885.45',
      notice: '1.3.1 Piattaforma Digitale Nazionale Dati - Università e AFAM - luglio 2023',
      measure: '1.3.1',
      cup: 'I51F23001670006',
      window: 1,
      decreeNumber: 112,
      decree: 'Decreto n.112 - 1 / 2023 - PNRR',
      appliedOn: '2023-10-26',
      fundedOn: '2024-03-12',
      status: GrantStatus.PAID,
      statusOn: '2025-10-08',
    } satisfies ParsedGrant);
    const letters = { A: GrantStatus.FUNDED, R: GrantStatus.RENOUNCED, E: GrantStatus.PAID };
    for (const [letter, status] of Object.entries(letters))
      expect(
        parseGrant({ ...r, stato_candidatura: letter.toLowerCase() }, 2, context()),
      ).toMatchObject({ status });
  });

  it('reads the older layout: the measure from the notice, a comune from its IPA code', () => {
    // No ente, no misura, no tipologia_ente; "2.0" windows (candidature_comuni_finanziate_cr_2022-11-17.csv).
    const r = rowOf('candidature_comuni_finanziate_cr_2022-11-17.csv', 'c_g603');
    expect(parseGrant(r, 2, context())).toMatchObject({
      bodyName: null,
      bodyKind: BodyKind.COMUNE,
      comune: '019073',
      amount: '14000.00',
      measure: '1.4.4',
      window: 2,
      decreeNumber: 25,
      decree: null,
      appliedOn: '2022-05-31',
      status: GrantStatus.FUNDED,
      statusOn: null,
    });
  });

  it('gives an upstream timestamp the calendar day it had in Italy', () => {
    const r = rowOf('candidature_finanziate_131_cr.csv', 'issmc');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Rome (summer time, UTC+2).
    const late = { ...r, data_invio_candidatura: '2023-06-30T22:30:00.000+0000' };
    expect(parseGrant(late, 2, context())).toMatchObject({ appliedOn: '2023-07-01' });
  });

  it('skips comuni of other provinces, rejects an unknown one of the province', () => {
    const r = rowOf('candidature_finanziate_131_cr.csv', 'issmc');
    expect(parseGrant({ ...r, cod_comune: '015146' }, 2, context())).toBe(SKIP);
    expect(rejection({ ...r, cod_comune: '019999' })).toBe(
      'cod_comune: 019999 is not the ISTAT code of a comune of the hub [UNKNOWN_REFERENCE]',
    );
  });

  it('rejects bad cells, naming the column and the kind of problem', () => {
    const r = rowOf('candidature_finanziate_131_cr.csv', 'issmc');
    const cases: [Record<string, string>, string][] = [
      [{ cod_comune: '' }, 'cod_comune: is empty [EMPTY]'],
      [{ cod_comune: '19036' }, 'cod_comune: "19036" is not a 6-digit ISTAT code [INVALID_CODE]'],
      [
        { codice_cup: 'I51F2300167' },
        'codice_cup: "I51F2300167" is not a CUP (15 letters and digits) [INVALID_CODE]',
      ],
      [{ stato_candidatura: 'X' }, 'stato_candidatura: "X" is not A, R or E [INVALID_VALUE]'],
      [{ stato_candidatura: '' }, 'stato_candidatura: is empty; expected A, R or E [EMPTY]'],
      [
        { importo_finanziamento: '71.885,45' },
        'importo_finanziamento: "71.885,45" is not an amount in EUR such as 14000.0 or 71885.45 [INVALID_NUMBER]',
      ],
      [
        { importo_finanziamento: '100.005' },
        'importo_finanziamento: "100.005" has fractions of a cent [INVALID_NUMBER]',
      ],
      [
        { importo_finanziamento: '' },
        'importo_finanziamento: is empty; expected an amount in EUR [EMPTY]',
      ],
      [
        { data_finanziamento: '2024-02-30' },
        'data_finanziamento: "2024-02-30" is not a date YYYY-MM-DD [INVALID_DATE]',
      ],
      [
        { data_finanziamento: '12/03/2024' },
        'data_finanziamento: "12/03/2024" is not a date YYYY-MM-DD [INVALID_DATE]',
      ],
      [
        { data_invio_candidatura: 'ieri' },
        'data_invio_candidatura: "ieri" is not a timestamp such as 2022-05-31T07:07:48.000+0000 [INVALID_DATE]',
      ],
      [
        { numero_finestra_temporale: '1.5' },
        'numero_finestra_temporale: "1.5" is not a whole number [INVALID_NUMBER]',
      ],
      [
        { misura: '9.9 Misura inesistente' },
        `misura: no known measure (${[...MEASURES].join(', ')}) in "9.9 Misura inesistente" [UNKNOWN_REFERENCE]`,
      ],
    ];
    for (const [change, message] of cases)
      expect(rejection({ ...r, ...change }), message).toBe(message);
    // "100.000" is a whole amount written with three decimals: accepted.
    expect(parseGrant({ ...r, importo_finanziamento: '100.000' }, 2, context())).toMatchObject({
      amount: '100.00',
    });
  });

  it('rejects a second row with the same CUP and notice, naming the first line', () => {
    const r = rowOf('candidature_finanziate_131_cr.csv', 'issmc');
    const ctx = context();
    parseGrant(r, 7, ctx);
    expect(() => parseGrant(r, 9, ctx)).toThrow('same CUP and avviso as line 7; the first is kept');
  });
});
