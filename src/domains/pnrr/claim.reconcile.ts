import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '../../common/money.js';
import { resolveTerritory } from '../../hub/territory.js';
import type { Claim } from './claim.entity.js';
import { ClaimComparison, ClaimReconciliation, ReconciliationBasis } from './claim.types.js';
import { codeList, grantConditions } from './pnrr.sql.js';
import { PnrrBodies } from './pnrr.types.js';

/** Sum and count per measure code, and over all measures under the key "*". */
export type Totals = Map<string, { amount: string; n: number }>;

/** The totals of one basis on one territory: null totals when the data are not held. */
export interface BasisFigure {
  totals: Totals | null;
  comuneCount: number;
}

/** Gives the figure of a basis for a territory and date (a loader, or a direct query). */
export type FigureSource = (
  basis: ReconciliationBasis,
  territory: string,
  asOf: string,
) => Promise<BasisFigure>;

const BASIS_SQL: Record<ReconciliationBasis, (asOf: string) => { sql: string; params: unknown[] }> =
  {
    AS_OF: (d) => grantConditions({ bodies: PnrrBodies.COMUNE, includeRenounced: false, asOf: d }),
    CURRENT: () =>
      grantConditions({ bodies: PnrrBodies.COMUNE, includeRenounced: false, asOf: null }),
    APPLIED_BY: (d) => ({
      sql: `b.kind = 'COMUNE' and g.applied_on <= ?::date and (g.status <> 'RENOUNCED' or (g.status_on is not null and g.status_on > ?::date))`,
      params: [d, d],
    }),
    PUBLISHED_SNAPSHOT: (d) => ({
      sql: `b.kind = 'COMUNE' and g.published_on = ?::date and g.status <> 'RENOUNCED'`,
      params: [d],
    }),
  };

/** Computes the figure of a basis with one grouped statement (two for a missing snapshot). */
export async function computeFigure(
  em: EntityManager,
  basis: ReconciliationBasis,
  territory: string,
  asOf: string,
): Promise<BasisFigure> {
  const codes = await resolveTerritory(em, territory, 'claim.territory');
  const w = BASIS_SQL[basis](asOf);
  const table =
    basis === ReconciliationBasis.PUBLISHED_SNAPSHOT ? 'pnrr_grant_snapshot' : 'pnrr_grant';

  const rows = await em.execute<{ measure: string | null; amount: string; n: string }[]>(
    `select case when grouping(g.measure_code) = 1 then '*' else g.measure_code end as measure,
            sum(g.amount) as amount, count(*) as n
       from ${table} g join pnrr_body b on b.ipa_code = g.body_ipa_code
      where g.comune_istat_code = any(string_to_array(?, ',')) and ${w.sql}
      group by grouping sets ((g.measure_code), ())`,
    [codeList(codes), ...w.params],
  );
  if (!rows.length && basis === ReconciliationBasis.PUBLISHED_SNAPSHOT) {
    const held = await em.execute(
      'select 1 from pnrr_grant_snapshot where published_on = ?::date limit 1',
      [asOf],
    );
    if (!held.length) return { totals: null, comuneCount: codes.length };
  }
  const totals: Totals = new Map(
    rows.map((r) => [r.measure ?? '*', { amount: r.amount, n: Number(r.n) }]),
  );
  return { totals, comuneCount: codes.length };
}

const cents = (v: string) => BigInt(formatMoney(v).replace('.', ''));
const fromCents = (c: bigint) =>
  formatMoney(
    `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${((c < 0n ? -c : c) % 100n).toString().padStart(2, '0')}`,
  );
/** "1234567.00" → "1,234,567". */
export const euros = (v: string) =>
  formatMoney(v)
    .replace(/\.00$/, '')
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const BASIS_WORDS: Record<ReconciliationBasis, (d: string) => string> = {
  AS_OF: (d) => `grants funded on or before ${d} and not renounced by then`,
  PUBLISHED_SNAPSHOT: (d) => `the grant file as published on ${d}`,
  APPLIED_BY: (d) => `grants applied for on or before ${d} (funded at any time)`,
  CURRENT: () => 'all grants in the current files',
};

function compare(
  claim: Claim,
  basis: ReconciliationBasis,
  territory: string,
  fig: BasisFigure,
): ClaimComparison {
  const t = fig.totals?.get(claim.measure?.unwrap().code ?? '*');
  const computed = fig.totals ? formatMoney(t?.amount ?? '0') : null;
  const c = computed === null ? null : cents(computed);
  const difference = c === null ? null : fromCents(c - cents(claim.value));
  const consistent = c === null ? null : c >= cents(claim.low) && c <= cents(claim.high);
  const scope = `${claim.measure ? `measure ${claim.measure.unwrap().code}` : 'all measures'}, comuni as bodies, ${territory} (${fig.comuneCount} comuni)`;
  const note =
    computed === null
      ? `No grant file published on ${claim.asOf} is held.`
      : `${BASIS_WORDS[basis](claim.asOf)}, ${scope}: ${euros(computed)} EUR in ${t?.n ?? 0} grants; ${
          consistent ? 'fits' : 'does not fit'
        } the claim (${euros(claim.low)}–${euros(claim.high)} EUR), difference ${euros(difference!)} EUR.`;
  return Object.assign(new ClaimComparison(), {
    basis,
    territory,
    comuneCount: fig.comuneCount,
    computed,
    difference,
    grantCount: t?.n ?? 0,
    consistent,
    note,
  });
}

/** Reconciles a claim with the open data: every basis, on every territory it is read as. */
export async function reconcileClaim(
  claim: Claim,
  figure: FigureSource,
): Promise<ClaimReconciliation> {
  const territories = [claim.territory, ...claim.alsoComparedWith];
  const bases = Object.values(ReconciliationBasis);
  const comparisons = await Promise.all(
    territories.flatMap((territory) =>
      bases.map(async (basis) =>
        compare(claim, basis, territory, await figure(basis, territory, claim.asOf)),
      ),
    ),
  );
  const primary = comparisons[0];
  const snapshot = comparisons[1];
  const contradicted = !primary.consistent && snapshot.consistent !== true;
  const fitting = comparisons.filter((c) => c.consistent);
  const note = [
    `Claimed ${euros(claim.value)} EUR (read as ${euros(claim.low)}–${euros(claim.high)}).`,
    `Open data for ${claim.territory} as of ${claim.asOf}: ${euros(primary.computed!)} EUR (difference ${euros(primary.difference!)}).`,
    snapshot.computed !== null
      ? `File published on ${claim.asOf}: ${euros(snapshot.computed)} EUR.`
      : '',
    fitting.length
      ? `Figures that fit: ${fitting.map((c) => `${c.basis} on ${c.territory} (${euros(c.computed!)})`).join('; ')}.`
      : 'No open-data figure fits the claim.',
  ]
    .filter(Boolean)
    .join(' ');
  return Object.assign(new ClaimReconciliation(), {
    territory: claim.territory,
    asOf: claim.asOf,
    computed: primary.computed!,
    difference: primary.difference!,
    consistent: primary.consistent!,
    contradicted,
    note,
    comparisons,
  });
}
