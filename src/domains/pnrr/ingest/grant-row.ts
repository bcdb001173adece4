import { formatMoney } from '../../../common/money.js';
import { RowError } from '../../../common/importer.js';
import { STATUS_LETTER } from '../model/grant.entity.js';
import { BodyKind, type GrantStatus } from '../model/enums.js';
import { istatCell } from '../../../common/csv-cells.js';

/** Columns every `candidature_*` layout has. */
export const REQUIRED_COLUMNS = [
  'codice_ipa',
  'comune',
  'cod_comune',
  'importo_finanziamento',
  'avviso',
  'data_finanziamento',
  'codice_cup',
  'stato_candidatura',
];

/** A grant row, checked and normalised. */
export interface ParsedGrant {
  line: number;
  ipaCode: string;
  /** Null in the older layout (no `ente`): the body is then named from the comune. */
  bodyName: string | null;
  bodyKind: BodyKind;
  comune: string;
  comuneName: string;
  amount: string;
  notice: string;
  measure: string;
  cup: string;
  window: number | null;
  decreeNumber: number | null;
  decree: string | null;
  appliedOn: string | null;
  fundedOn: string;
  status: GrantStatus;
  statusOn: string | null;
}

/** A row deliberately left out (outside the hub's territory). */
export const SKIP = Symbol('skip');

/** What the parser knows of the database: loaded once per import. */
export interface ParseContext {
  comuni: Set<string>;
  provinces: Set<string>;
  measures: Set<string>;
  /** Measure code of each known notice, by title; notices met in the file are added. */
  notices: Map<string, string>;
  /** Line of each (CUP, notice) already seen in this file. */
  seen: Map<string, number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const rome = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function date(v: string | undefined, column: string, required: boolean): string | null {
  const s = (v ?? '').trim();
  if (!s) {
    if (required) throw new RowError(column, 'is empty; expected a date YYYY-MM-DD', 'EMPTY');
    return null;
  }
  const d = new Date(`${s}T00:00:00Z`);
  if (!DATE.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
    throw new RowError(column, `"${s}" is not a date YYYY-MM-DD`, 'INVALID_DATE');
  return s;
}

/** An upstream timestamp ("2022-05-31T07:07:48.000+0000") as the Italian calendar day. */
function timestampDay(v: string | undefined, column: string): string | null {
  const s = (v ?? '').trim();
  if (!s) return null;
  if (DATE.test(s)) return date(s, column, true);
  const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(d.getTime()))
    throw new RowError(
      column,
      `"${s}" is not a timestamp such as 2022-05-31T07:07:48.000+0000`,
      'INVALID_DATE',
    );
  return rome.format(d);
}

function integer(v: string | undefined, column: string): number | null {
  const s = (v ?? '').trim();
  if (!s) return null;
  if (!/^\d+(\.0+)?$/.test(s))
    throw new RowError(column, `"${s}" is not a whole number`, 'INVALID_NUMBER');
  return Number.parseInt(s, 10);
}

function money(v: string | undefined, column: string): string {
  const s = (v ?? '').trim();
  if (!s) throw new RowError(column, 'is empty; expected an amount in EUR', 'EMPTY');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m)
    throw new RowError(
      column,
      `"${s}" is not an amount in EUR such as 14000.0 or 71885.45`,
      'INVALID_NUMBER',
    );
  if ((m[2] ?? '').slice(2).replace(/0/g, ''))
    throw new RowError(column, `"${s}" has fractions of a cent`, 'INVALID_NUMBER');
  return formatMoney(s);
}

function bodyKind(tipologia: string | undefined, ipa: string): BodyKind {
  const t = (tipologia ?? '').trim().toLowerCase();
  if (t === 'comune' || t === 'comuni') return BodyKind.COMUNE;
  if (t === 'scuole' || t === 'scuola') return BodyKind.SCHOOL;
  if (t) return BodyKind.OTHER;
  // Older layout (the comuni file, no tipologia_ente): a comune's IPA code is c_<cadastral code>.
  return /^c_[a-z]\d{3}$/i.test(ipa) ? BodyKind.COMUNE : BodyKind.OTHER;
}

/** The measure of a row: its `misura` column, else its notice's, else the notice prefix. */
function measureOf(r: Record<string, string>, ctx: ParseContext, notice: string): string {
  const misura = (r.misura ?? '').trim();
  let code: string | undefined;
  let column = 'avviso';
  if (misura) {
    code = /^(\d+(?:\.\d+)*)\s/.exec(`${misura} `)?.[1];
    column = 'misura';
  } else
    code =
      ctx.notices.get(notice) ??
      /\(quota (\d+(?:\.\d+)+)\)/.exec(notice)?.[1] ??
      /^(\d+(?:\.\d+)+)/.exec(notice)?.[1];
  if (!code || !ctx.measures.has(code))
    throw new RowError(
      column,
      `no known measure (${[...ctx.measures].join(', ')}) in "${misura || notice}"`,
      'UNKNOWN_REFERENCE',
    );
  return code;
}

/** Parses one `candidature_*` record (either layout), or throws a RowError, or skips it. */
export function parseGrant(
  r: Record<string, string>,
  line: number,
  ctx: ParseContext,
): ParsedGrant | typeof SKIP {
  const comune = istatCell(r, 'cod_comune');
  if (!ctx.comuni.has(comune)) {
    if (!ctx.provinces.has(comune.slice(0, 3))) return SKIP;
    throw new RowError(
      'cod_comune',
      `${comune} is not the ISTAT code of a comune of the hub`,
      'UNKNOWN_REFERENCE',
    );
  }
  const ipaCode = (r.codice_ipa ?? '').trim();
  if (!ipaCode) throw new RowError('codice_ipa', 'is empty', 'EMPTY');
  const cup = (r.codice_cup ?? '').trim().toUpperCase();
  if (!cup) throw new RowError('codice_cup', 'is empty', 'EMPTY');
  if (!/^[A-Z0-9]{15}$/.test(cup))
    throw new RowError(
      'codice_cup',
      `"${cup}" is not a CUP (15 letters and digits)`,
      'INVALID_CODE',
    );
  const notice = (r.avviso ?? '').trim();
  if (!notice) throw new RowError('avviso', 'is empty', 'EMPTY');
  const letter = (r.stato_candidatura ?? '').trim().toUpperCase();
  if (!letter) throw new RowError('stato_candidatura', 'is empty; expected A, R or E', 'EMPTY');
  const status = Object.hasOwn(STATUS_LETTER, letter) ? STATUS_LETTER[letter] : undefined;
  if (!status) throw new RowError('stato_candidatura', `"${letter}" is not A, R or E`);
  const parsed: ParsedGrant = {
    line,
    ipaCode,
    bodyName: (r.ente ?? '').trim() || null,
    bodyKind: bodyKind(r.tipologia_ente, ipaCode),
    comune,
    comuneName: (r.comune ?? '').trim(),
    amount: money(r.importo_finanziamento, 'importo_finanziamento'),
    notice,
    measure: measureOf(r, ctx, notice),
    cup,
    window: integer(r.numero_finestra_temporale, 'numero_finestra_temporale'),
    decreeNumber: integer(r.numero_di_protocollo, 'numero_di_protocollo'),
    decree: (r.decreto_finanziamento ?? '').trim() || null,
    appliedOn: timestampDay(r.data_invio_candidatura, 'data_invio_candidatura'),
    fundedOn: date(r.data_finanziamento, 'data_finanziamento', true)!,
    status,
    statusOn: date(r.data_stato_candidatura, 'data_stato_candidatura', false),
  };
  const key = `${cup}\u0000${notice}`;
  const before = ctx.seen.get(key);
  if (before !== undefined)
    throw new RowError(
      'codice_cup',
      `same CUP and avviso as line ${before}; the first is kept`,
      'DUPLICATE',
    );
  ctx.seen.set(key, line);
  return parsed;
}
