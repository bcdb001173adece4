import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/** Test-side reading of the seed CSV files: figures are computed here, not copied. */
const read = (file: string): Record<string, string>[] =>
  parse(readFileSync(`seeds/data/${file}`), { columns: true, bom: true, skip_empty_lines: true });

/** The grant files with their upstream commit dates (SOURCES.md): the newest version wins. */
const FILES: [string, string][] = [
  ['candidature_finanziate_12_cr.csv', '2023-03-04'],
  ['candidature_finanziate_131_cr.csv', '2026-08-16'],
  ['candidature_finanziate_141_cr.csv', '2025-01-09'],
  ['candidature_finanziate_143_cr.csv', '2023-10-24'],
  ['candidature_finanziate_144_cr.csv', '2025-03-27'],
  ['candidature_finanziate_145_cr.csv', '2026-08-12'],
  ['candidature_altrienti_finanziate_cr.csv', '2026-08-17'],
];

export interface CsvGrant {
  cup: string;
  notice: string;
  ipa: string;
  kind: 'COMUNE' | 'SCHOOL' | 'OTHER';
  comune: string;
  cents: bigint;
  measure: string;
  fundedOn: string;
  appliedOn: string;
  status: 'A' | 'R' | 'E';
  statusOn: string;
  /** Day the earliest file showing the row's state was published (upstream commit, SOURCES.md). */
  observedOn: string;
}

const noticeMeasure = new Map(
  read('pnrr/avvisi.csv').map((a) => [a.titolo, a.misura.split(' ')[0]]),
);
export const cents = (amount: string) => {
  const [i, f = ''] = amount.split('.');
  return BigInt(i + (f + '00').slice(0, 2));
};
export const money = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;

function toGrant(r: Record<string, string>, observedOn: string): CsvGrant {
  const t = (r.tipologia_ente ?? '').toLowerCase();
  return {
    cup: r.codice_cup.toUpperCase(),
    notice: r.avviso,
    ipa: r.codice_ipa,
    kind:
      t === 'comune' || t === 'comuni' || (!t && r.codice_ipa.startsWith('c_'))
        ? 'COMUNE'
        : t === 'scuole'
          ? 'SCHOOL'
          : 'OTHER',
    comune: r.cod_comune,
    cents: cents(r.importo_finanziamento),
    measure: r.misura ? r.misura.split(' ')[0] : noticeMeasure.get(r.avviso)!,
    fundedOn: r.data_finanziamento,
    appliedOn: r.data_invio_candidatura,
    status: r.stato_candidatura as CsvGrant['status'],
    statusOn: r.data_stato_candidatura ?? '',
    observedOn,
  };
}

/** The current grants: every per-measure and other-bodies file, newest version per key. */
export function currentGrants(): CsvGrant[] {
  const byKey = new Map<string, CsvGrant>();
  for (const [file, on] of [...FILES].sort((a, b) => a[1].localeCompare(b[1])))
    for (const r of read(`pnrr/${file}`)) {
      const key = `${r.codice_cup.toUpperCase()}|${r.avviso}`;
      const g = toGrant(r, on);
      // The same state in a later file was first observed in the earlier one.
      const before = byKey.get(key);
      if (before && before.status === g.status && before.statusOn === g.statusOn)
        g.observedOn = before.observedOn;
      byKey.set(key, g);
    }
  return [...byKey.values()];
}

/** The comuni file as published on 2022-11-17. */
export const SNAPSHOT_DAY = '2022-11-17';
export const snapshotGrants = () =>
  read('pnrr/candidature_comuni_finanziate_cr_2022-11-17.csv').map((r) => toGrant(r, SNAPSHOT_DAY));

/** ISTAT codes of a grouping, from the hub's compiled territory table. */
export function groupingCodes(code: 'area-omogenea-cremasca' | 'consorzio-it' | 'province-cr') {
  if (code === 'province-cr')
    return new Set(read('hub/comuni_cr_summary.csv').map((r) => r.com_istat_code));
  const col = code === 'consorzio-it' ? 'consorzio_it_52_inferred' : 'cremasco_ambito_48';
  return new Set(
    read('hub/cremasco_comuni.csv')
      .filter((r) => r[col] === '1')
      .map((r) => r.com_istat_code),
  );
}

/** A grant's state on a day, from every dated observation of it. */
export type StateOn = 'ACTIVE' | 'RENOUNCED' | 'UNCERTAIN' | 'NOT_FUNDED';

let snapshotIndex: Map<string, CsvGrant[]> | null = null;
/** Rows of the files as published on past days, by CUP and notice. */
function pastObservations(g: CsvGrant): CsvGrant[] {
  if (!snapshotIndex) {
    snapshotIndex = new Map();
    for (const r of snapshotGrants()) {
      const k = `${r.cup}|${r.notice}`;
      snapshotIndex.set(k, [...(snapshotIndex.get(k) ?? []), r]);
    }
  }
  return snapshotIndex.get(`${g.cup}|${g.notice}`) ?? [];
}

/**
 * A grant's state on day d, read from the raw files: its current row (status, status date,
 * and the day its file was published) and its rows in the files published on past days.
 * ACTIVE: some observation shows it not renounced on or after d and none renounced by d;
 * RENOUNCED: the reverse; UNCERTAIN: nothing decides, or the observations conflict (a
 * status date that a later observation contradicts decides nothing).
 */
export function stateOn(g: CsvGrant, d: string): StateOn {
  if (g.fundedOn > d) return 'NOT_FUNDED';
  const past = pastObservations(g);
  const renounced = g.status === 'R';
  const contradicted =
    renounced &&
    g.statusOn !== '' &&
    past.some((p) => p.status !== 'R' && p.observedOn >= g.statusOn);
  const statusDateSays = renounced && g.statusOn !== '' && g.statusOn <= d;
  const activeLater =
    !renounced ||
    (g.statusOn !== '' && g.statusOn > d) ||
    past.some((p) => p.status !== 'R' && p.observedOn >= d);
  const renouncedBy =
    past.some((p) => p.status === 'R' && p.observedOn <= d) ||
    (renounced && (g.observedOn <= d || (statusDateSays && !contradicted)));
  const disputed = statusDateSays && contradicted;
  if (activeLater && !renouncedBy && !disputed) return 'ACTIVE';
  if (renouncedBy && !activeLater) return 'RENOUNCED';
  return 'UNCERTAIN';
}

/** Whether a grant counts as of a date: every observation shows it active that day. */
export const countsAsOf = (g: CsvGrant, d: string) => stateOn(g, d) === 'ACTIVE';

/** Sum and count by a key. */
export function sumBy(grants: CsvGrant[], key: (g: CsvGrant) => string) {
  const out = new Map<string, { amount: bigint; n: number }>();
  for (const g of grants) {
    const k = key(g);
    const v = out.get(k) ?? { amount: 0n, n: 0 };
    v.amount += g.cents;
    v.n += 1;
    out.set(k, v);
  }
  return out;
}

export const total = (grants: CsvGrant[]) => money(grants.reduce((s, g) => s + g.cents, 0n));

export { read as readSeed };
