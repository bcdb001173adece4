import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { csvLine } from './support.js';

/*
 * Dirty files, one per importer kind: good rows mixed with rows carrying exactly one
 * planted fault each, of every kind the layout allows (bad numbers, dates, codes,
 * encoding damage, control characters, column counts, CSV syntax, duplicates, empty
 * required cells, contradictions). Each planted fault names the line where its record
 * starts, the column and the code the report must give: the test compares the report
 * file with this list. Synthetic test data, never loaded anywhere else.
 */

/** A fault the report must list. */
export interface Planted {
  line: number;
  column: string;
  code: string;
}

/** One record of a dirty file. */
interface Entry {
  /** The fields, in header order (quoted as needed), or `raw` text of the record. */
  fields?: string[];
  raw?: string;
  /** The planted fault; none for a good row. */
  fault?: { column?: string; code: string };
  /** A row the importer skips on purpose (counted, not rejected). */
  skip?: boolean;
  /** An empty line before the record (skipped by the reader, counted in line numbers). */
  blankBefore?: boolean;
}

/** A dirty file: its text, the planted faults and how many rows are good. */
export interface DirtyFile {
  text: string;
  planted: Planted[];
  good: number;
  skipped: number;
  rows: number;
}

function build(header: string[], entries: Entry[]): DirtyFile {
  const out = [csvLine(header)];
  const planted: Planted[] = [];
  let line = 2;
  for (const e of entries) {
    if (e.blankBefore) {
      out.push('');
      line++;
    }
    const text = e.raw ?? csvLine(e.fields!);
    if (e.fault) planted.push({ line, column: e.fault.column ?? '', code: e.fault.code });
    out.push(text);
    line += text.split('\n').length;
  }
  return {
    text: `${out.join('\n')}\n`,
    planted,
    good: entries.filter((e) => !e.fault && !e.skip).length,
    skipped: entries.filter((e) => e.skip).length,
    rows: entries.length,
  };
}

/** Fields of a row in header order: the base values with some replaced. */
const rowOf =
  (header: string[], base: Record<string, string>) =>
  (over: Record<string, string> = {}) =>
    header.map((c) => over[c] ?? base[c] ?? '');
const extra = (fields: string[]) => [...fields, 'one field too many'];
const short = (fields: string[]) => fields.slice(0, -1);

const summary = parse(readFileSync('seeds/data/hub/comuni_cr_summary.csv'), {
  columns: true,
}) as Record<string, string>[];
/** A comune of the province with its postal code and centroid (from the seed file). */
export const cremona = summary.find((r) => r.com_istat_code === '019036')!;

// ---------------------------------------------------------------------------------------
export const CENTRE_HEADER = [
  'istat_code',
  'comune_name',
  'kind',
  'name',
  'name_is_official',
  'owner_code',
  'operator_code',
  'address',
  'lat',
  'lon',
  'description',
  'dataset',
  'source_note',
];

/** collection-centres: names start with `prefix`. */
export function dirtyCentres(prefix: string): DirtyFile {
  const row = rowOf(CENTRE_HEADER, {
    istat_code: '019036',
    kind: 'MUNICIPAL_COLLECTION_CENTRE',
    name: `${prefix} Centro A`,
    name_is_official: 'true',
    owner_code: 'consorzio-it',
    address: 'Via della Libertà 1',
    lat: '45.13',
    lon: '10.02',
    dataset: 'consorzio-it-collection-centre-register',
    source_note: 'dirty test (synthetic)',
  });
  return build(CENTRE_HEADER, [
    { fields: row() },
    {
      fields: row({ istat_code: '19036', name: `${prefix} X1` }),
      fault: { column: 'istat_code', code: 'INVALID_CODE' },
    },
    {
      fields: row({ istat_code: '019999', name: `${prefix} X2` }),
      fault: { column: 'istat_code', code: 'UNKNOWN_REFERENCE' },
    },
    // A quoted field over two lines: the next records' lines count both.
    {
      fields: row({
        name: `${prefix} Piattaforma B`,
        kind: 'piattaforma sovracomunale',
        description: 'two lines:\nsecond line; with a semicolon',
        lat: '',
        lon: '',
      }),
    },
    {
      fields: row({ lat: '45,13', name: `${prefix} X3` }),
      fault: { column: 'lat', code: 'INVALID_NUMBER' },
    },
    {
      fields: row({ lon: '', name: `${prefix} X4` }),
      fault: { column: 'lon', code: 'INCONSISTENT' },
    },
    {
      fields: row({ owner_code: 'nobody', name: `${prefix} X5` }),
      fault: { column: 'owner_code', code: 'UNKNOWN_REFERENCE' },
    },
    { fields: row({ kind: '', name: `${prefix} X6` }), fault: { column: 'kind', code: 'EMPTY' } },
    {
      fields: row({ kind: 'discarica', name: `${prefix} X7` }),
      fault: { column: 'kind', code: 'INVALID_VALUE' },
    },
    {
      fields: row({ name: `${prefix.toUpperCase()} CENTRO A` }),
      fault: { column: 'name', code: 'DUPLICATE' },
      blankBefore: true,
    },
    {
      fields: row({ name: `${prefix} Libert\ufffd` }),
      fault: { column: 'name', code: 'ENCODING' },
    },
    {
      fields: row({ name: `${prefix} X8`, description: 'nul\u0000byte' }),
      fault: { column: 'description', code: 'CONTROL_CHARACTER' },
    },
    { fields: extra(row({ name: `${prefix} X9` })), fault: { code: 'COLUMN_COUNT' } },
    { fields: short(row({ name: `${prefix} X10` })), fault: { code: 'COLUMN_COUNT' } },
    {
      raw: `019036,,MUNICIPAL_COLLECTION_CENTRE,${prefix} "X11",true,,,,,,,consorzio-it-collection-centre-register,`,
      fault: { code: 'CSV_SYNTAX' },
    },
    {
      fields: row({ name: `${prefix} X12`, comune_name: 'Crema' }),
      fault: { column: 'comune_name', code: 'INCONSISTENT' },
    },
    {
      fields: row({ name: `${prefix} X13`, dataset: 'no-such-dataset' }),
      fault: { column: 'dataset', code: 'UNKNOWN_REFERENCE' },
    },
    { fields: row({ name: `${prefix} Centro C`, comune_name: 'cremona', name_is_official: 'no' }) },
  ]);
}

// ---------------------------------------------------------------------------------------
export const COMMUNITY_HEADER = [
  'code',
  'name',
  'site',
  'status',
  'technology',
  'comuni',
  'promoter_code',
  'replication_area',
  'aim',
  'description',
  'dataset',
  'source_note',
];

/** energy-communities: codes start with `prefix` (kebab-case). */
export function dirtyCommunities(prefix: string): DirtyFile {
  const row = rowOf(COMMUNITY_HEADER, {
    code: `${prefix}-a`,
    name: 'Comunità energetica di prova A (synthetic)',
    status: 'CONSTITUTED',
    technology: 'SOLAR',
    comuni: '019036|019035',
    promoter_code: 'consorzio-it',
    dataset: 'consorzio-it-energy-community-register',
  });
  return build(COMMUNITY_HEADER, [
    { fields: row() },
    {
      fields: row({
        code: `${prefix}-b`,
        name: 'Comunità di prova B',
        status: 'feasibility_study',
        technology: '',
        comuni: '019036',
      }),
    },
    { fields: row({ code: 'Not Kebab' }), fault: { column: 'code', code: 'INVALID_CODE' } },
    { fields: row({ code: '' }), fault: { column: 'code', code: 'EMPTY' } },
    {
      fields: row({ code: `${prefix}-c`, comuni: '19036' }),
      fault: { column: 'comuni', code: 'INVALID_CODE' },
    },
    {
      fields: row({ code: `${prefix}-d`, comuni: '019036|019999' }),
      fault: { column: 'comuni', code: 'UNKNOWN_REFERENCE' },
    },
    { fields: row({ code: `${prefix}-e`, name: '' }), fault: { column: 'name', code: 'EMPTY' } },
    {
      fields: row({ code: `${prefix}-f`, status: 'DONE' }),
      fault: { column: 'status', code: 'INVALID_VALUE' },
    },
    {
      fields: row({ code: `${prefix}-g`, promoter_code: 'nobody' }),
      fault: { column: 'promoter_code', code: 'UNKNOWN_REFERENCE' },
    },
    {
      fields: row({ code: `${prefix}-h`, dataset: 'no-such-dataset' }),
      fault: { column: 'dataset', code: 'UNKNOWN_REFERENCE' },
    },
    { fields: row({ name: 'Again' }), fault: { column: 'code', code: 'DUPLICATE' } },
    {
      fields: row({ code: `${prefix}-i`, aim: 'Cittadinanza \ufffd' }),
      fault: { column: 'aim', code: 'ENCODING' },
    },
    {
      fields: row({ code: `${prefix}-j`, aim: 'bell\u0007' }),
      fault: { column: 'aim', code: 'CONTROL_CHARACTER' },
    },
    { fields: extra(row({ code: `${prefix}-k` })), fault: { code: 'COLUMN_COUNT' } },
    { fields: short(row({ code: `${prefix}-l` })), fault: { code: 'COLUMN_COUNT' } },
  ]);
}

// ---------------------------------------------------------------------------------------
export const FUNDING_HEADER = [
  'community_code',
  'funder_code',
  'recipient_org_code',
  'recipient_istat_code',
  'recipient_note',
  'amount',
  'announced_on',
  'announced_precision',
  'purpose',
  'dataset',
  'source_note',
];

/** energy-fundings of the communities of {@link dirtyCommunities} with the same prefix. */
export function dirtyFundings(prefix: string): DirtyFile {
  const row = rowOf(FUNDING_HEADER, {
    community_code: `${prefix}-a`,
    funder_code: 'fondazione-lgh',
    recipient_org_code: 'consorzio-it',
    amount: '5000.50',
    announced_on: '2024-01-01',
    announced_precision: 'MONTH',
    purpose: 'studio di fattibilità (synthetic)',
    dataset: 'consorzio-it-energy-community-register',
  });
  return build(FUNDING_HEADER, [
    { fields: row() },
    {
      fields: row({
        community_code: `${prefix}-b`,
        funder_code: 'regione-lombardia',
        recipient_org_code: '',
        recipient_istat_code: '019036',
        amount: '1234.5',
        announced_on: '2024-03-15',
        announced_precision: '',
      }),
    },
    {
      fields: row({ amount: '1.234,50', announced_on: '2024-05-01' }),
      fault: { column: 'amount', code: 'INVALID_NUMBER' },
    },
    {
      fields: row({ amount: '', announced_on: '2024-06-01' }),
      fault: { column: 'amount', code: 'EMPTY' },
    },
    {
      fields: row({ announced_on: '2024-02-30', announced_precision: '' }),
      fault: { column: 'announced_on', code: 'INVALID_DATE' },
    },
    {
      fields: row({ announced_on: '2024-02-15' }),
      fault: { column: 'announced_on', code: 'INCONSISTENT' },
    },
    {
      fields: row({ recipient_istat_code: '019036', announced_on: '2024-07-01' }),
      fault: { column: 'recipient_istat_code', code: 'INCONSISTENT' },
    },
    {
      fields: row({ community_code: `${prefix}-zz` }),
      fault: { column: 'community_code', code: 'UNKNOWN_REFERENCE' },
    },
    { fields: row({ funder_code: '' }), fault: { column: 'funder_code', code: 'EMPTY' } },
    { fields: row({ amount: '7' }), fault: { column: 'announced_on', code: 'DUPLICATE' } },
    {
      fields: row({ purpose: '', announced_on: '2024-08-01' }),
      fault: { column: 'purpose', code: 'EMPTY' },
    },
    {
      fields: row({ purpose: 'Libert\ufffd', announced_on: '2024-09-01' }),
      fault: { column: 'purpose', code: 'ENCODING' },
    },
    { fields: extra(row({ announced_on: '2024-10-01' })), fault: { code: 'COLUMN_COUNT' } },
    {
      fields: row({
        community_code: `${prefix}-b`,
        funder_code: 'fondazione-lgh',
        recipient_org_code: '',
        recipient_note: 'not stated',
        amount: '10',
        announced_on: '2024-04-02',
        announced_precision: 'DAY',
      }),
    },
  ]);
}

// ---------------------------------------------------------------------------------------
export const ADDRESS_HEADER = [
  'address_id',
  'istat_code',
  'street_type',
  'street_name',
  'number',
  'exponent',
  'postal_code',
  'lat',
  'lon',
  'units',
  'technology',
  'max_download_mbps',
  'max_upload_mbps',
  'plan',
  'operator',
  'status',
  'status_on',
  'status_history',
];

/** broadband-coverage rows in Cremona: address ids start with `prefix`. */
export function dirtyAddresses(prefix: string): DirtyFile {
  let n = 0;
  const row = (over: Record<string, string> = {}) =>
    rowOf(ADDRESS_HEADER, {
      address_id: `${prefix}${++n}`,
      istat_code: '019036',
      street_type: 'VIALE',
      street_name: 'della Libertà',
      number: String(n),
      postal_code: cremona.cap,
      lat: cremona.centroid_lat_geom,
      lon: cremona.centroid_lon_geom,
      units: '3',
      technology: 'FTTH',
      max_download_mbps: '1000',
      max_upload_mbps: '100',
      plan: 'WHITE_AREAS_BUL',
      operator: 'open-fiber',
      status: 'ACTIVATABLE',
      status_on: '2022-05-10',
      status_history: 'PLANNED:2019-01-15|DESIGNED:2020-03-01',
    })(over);
  return build(ADDRESS_HEADER, [
    { fields: row() },
    {
      fields: row({
        exponent: '/a',
        plan: 'COMMERCIAL',
        operator: '',
        status_history: '',
        status_on: '',
      }),
    },
    { fields: row({ units: '3a' }), fault: { column: 'units', code: 'INVALID_NUMBER' } },
    {
      fields: row({ max_download_mbps: '0' }),
      fault: { column: 'max_download_mbps', code: 'INVALID_NUMBER' },
    },
    { fields: row({ lat: 'north' }), fault: { column: 'lat', code: 'INVALID_NUMBER' } },
    {
      fields: row({ status_on: '2022-13-01' }),
      fault: { column: 'status_on', code: 'INVALID_DATE' },
    },
    {
      fields: row({ status_history: 'PLANNED:2019-02-30' }),
      fault: { column: 'status_history', code: 'INVALID_DATE' },
    },
    { fields: row({ istat_code: '19036' }), fault: { column: 'istat_code', code: 'INVALID_CODE' } },
    {
      fields: row({ istat_code: '019999' }),
      fault: { column: 'istat_code', code: 'UNKNOWN_REFERENCE' },
    },
    {
      fields: row({ operator: 'nobody' }),
      fault: { column: 'operator', code: 'UNKNOWN_REFERENCE' },
    },
    {
      fields: row({ postal_code: '00100' }),
      fault: { column: 'postal_code', code: 'INCONSISTENT' },
    },
    { fields: row({ lat: '45.9' }), fault: { column: 'lat', code: 'INCONSISTENT' } },
    { fields: row({ technology: 'DSL' }), fault: { column: 'technology', code: 'INVALID_VALUE' } },
    {
      fields: row({ address_id: `${prefix}1` }),
      fault: { column: 'address_id', code: 'DUPLICATE' },
    },
    { fields: row({ street_name: '' }), fault: { column: 'street_name', code: 'EMPTY' } },
    {
      fields: row({ street_name: 'della Libert\ufffd' }),
      fault: { column: 'street_name', code: 'ENCODING' },
    },
    {
      fields: row({ street_name: 'della\u0085Libertà' }),
      fault: { column: 'street_name', code: 'CONTROL_CHARACTER' },
    },
    { fields: extra(row()), fault: { code: 'COLUMN_COUNT' } },
    { fields: short(row()), fault: { code: 'COLUMN_COUNT' } },
    {
      raw: `${prefix}x,019036,VIA,Roma "2",1,,${cremona.cap},1,1,1,FTTH,1,1,COMMERCIAL,,PLANNED,,`,
      fault: { code: 'CSV_SYNTAX' },
    },
    {
      fields: row({ street_type: 'PIAZZA', street_name: "Sant'Agata", number: '12' }),
      blankBefore: true,
    },
  ]);
}

// ---------------------------------------------------------------------------------------
export const GRANT_HEADER =
  'codice_ipa,ente,tipologia_ente,comune,cod_comune,provincia,cod_provincia,regione,cod_regione,importo_finanziamento,avviso,data_invio_candidatura,data_finanziamento,codice_cup,numero_finestra_temporale,numero_di_protocollo,decreto_finanziamento,stato_candidatura,data_stato_candidatura,misura'.split(
    ',',
  );
export const NOTICE = '1.4.4 Adozione SPID CIE  - Comuni - Aprile 2022';

/** pnrr-grants rows of a synthetic body `ipa`: CUPs start with `cupPrefix` (7 letters). */
export function dirtyGrants(ipa: string, cupPrefix: string): DirtyFile {
  let n = 0;
  const cup = () => `${cupPrefix}${String(++n).padStart(15 - cupPrefix.length, '0')}`;
  const row = (over: Record<string, string> = {}) =>
    rowOf(GRANT_HEADER, {
      codice_ipa: ipa,
      ente: 'Ente di prova – Città (synthetic)',
      tipologia_ente: 'Altri Enti',
      comune: 'Crema',
      cod_comune: '019035',
      provincia: 'CR',
      cod_provincia: '019',
      regione: 'Lombardia',
      cod_regione: '03',
      importo_finanziamento: '12345.6',
      avviso: NOTICE,
      data_invio_candidatura: '2022-05-31T22:30:00.000+0000',
      data_finanziamento: '2022-08-02',
      codice_cup: cup(),
      numero_finestra_temporale: '2',
      numero_di_protocollo: '25',
      decreto_finanziamento: 'Decreto n.25 - 2 / 2022 - PNRR',
      stato_candidatura: 'A',
      data_stato_candidatura: '2022-08-02',
      misura: '1.4.4 Adozione identità digitale',
    })(over);
  const first = row();
  return build(GRANT_HEADER, [
    { fields: first },
    {
      fields: row({
        stato_candidatura: 'R',
        data_stato_candidatura: '',
        importo_finanziamento: '500',
      }),
    },
    {
      fields: row({ importo_finanziamento: '12a' }),
      fault: { column: 'importo_finanziamento', code: 'INVALID_NUMBER' },
    },
    {
      fields: row({ importo_finanziamento: '10.005' }),
      fault: { column: 'importo_finanziamento', code: 'INVALID_NUMBER' },
    },
    {
      fields: row({ numero_finestra_temporale: 'due' }),
      fault: { column: 'numero_finestra_temporale', code: 'INVALID_NUMBER' },
    },
    {
      fields: row({ data_finanziamento: '2022-02-30' }),
      fault: { column: 'data_finanziamento', code: 'INVALID_DATE' },
    },
    {
      fields: row({ data_finanziamento: '' }),
      fault: { column: 'data_finanziamento', code: 'EMPTY' },
    },
    {
      fields: row({ data_invio_candidatura: 'yesterday' }),
      fault: { column: 'data_invio_candidatura', code: 'INVALID_DATE' },
    },
    {
      fields: row({ codice_cup: 'ZZSHORT' }),
      fault: { column: 'codice_cup', code: 'INVALID_CODE' },
    },
    { fields: row({ cod_comune: '19035' }), fault: { column: 'cod_comune', code: 'INVALID_CODE' } },
    {
      fields: row({ cod_comune: '019999' }),
      fault: { column: 'cod_comune', code: 'UNKNOWN_REFERENCE' },
    },
    {
      fields: row({ misura: '9.9 Nothing' }),
      fault: { column: 'misura', code: 'UNKNOWN_REFERENCE' },
    },
    {
      fields: row({ stato_candidatura: 'X' }),
      fault: { column: 'stato_candidatura', code: 'INVALID_VALUE' },
    },
    { fields: row({ codice_ipa: '' }), fault: { column: 'codice_ipa', code: 'EMPTY' } },
    {
      fields: row({ codice_cup: first[GRANT_HEADER.indexOf('codice_cup')] }),
      fault: { column: 'codice_cup', code: 'DUPLICATE' },
    },
    // The case: a body name already damaged upstream must not overwrite a good one.
    { fields: row({ ente: 'Comune di Citt\ufffd' }), fault: { column: 'ente', code: 'ENCODING' } },
    {
      fields: row({ decreto_finanziamento: 'Decreto\u001b[31m' }),
      fault: { column: 'decreto_finanziamento', code: 'CONTROL_CHARACTER' },
    },
    { fields: extra(row()), fault: { code: 'COLUMN_COUNT' } },
    { fields: short(row()), fault: { code: 'COLUMN_COUNT' } },
    {
      fields: row({
        cod_comune: '015146',
        comune: 'Milano',
        provincia: 'MI',
        cod_provincia: '015',
      }),
      skip: true,
    },
    { fields: row({ importo_finanziamento: '71885.45', data_stato_candidatura: '2022-08-03' }) },
  ]);
}
