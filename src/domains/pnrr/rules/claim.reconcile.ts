import { formatMoney } from '../../../common/money.js';
import type { Claim } from '../model/claim.entity.js';
import { ClaimComparison, ClaimPartsSum, ClaimReconciliation } from '../api/claim.types.js';
import { ReconciliationBasis } from '../model/enums.js';

/**
 * Sum and count per measure code, and over all measures under the key "*": the grants the
 * basis counts, and apart those whose state on the date is not known.
 */
export type Totals = Map<string, { amount: string; n: number; uncertain: string; un: number }>;

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

/**
 * Whether an amount that lies between `c` and `c + u` (u: the part whose state is not
 * known) fits the range: true or false when every possible value says so, else null.
 */
export function fits(c: bigint, u: bigint, low: bigint, high: bigint): boolean | null {
  const lo = c;
  const hi = c + u;
  if (lo >= low && hi <= high) return true;
  if (hi < low || lo > high) return false;
  return null;
}

function compare(
  claim: Claim,
  basis: ReconciliationBasis,
  territory: string,
  fig: BasisFigure,
): ClaimComparison {
  const t = fig.totals?.get(claim.measure?.unwrap().code ?? '*');
  const computed = fig.totals ? formatMoney(t?.amount ?? '0') : null;
  const uncertainAmount = fig.totals ? formatMoney(t?.uncertain ?? '0') : null;
  const c = computed === null ? null : cents(computed);
  const u = uncertainAmount === null ? 0n : cents(uncertainAmount);
  const difference = c === null ? null : fromCents(c - cents(claim.value));
  const consistent = c === null ? null : fits(c, u, cents(claim.low), cents(claim.high));
  const scope = `${claim.measure ? `measure ${claim.measure.unwrap().code}` : 'all measures'}, comuni as bodies, ${territory} (${fig.comuneCount} comuni)`;
  const unknown = u
    ? ` plus ${euros(uncertainAmount!)} EUR in ${t?.un ?? 0} grants whose state on ${claim.asOf} is not known`
    : '';
  const verdict =
    consistent === null
      ? 'may or may not fit, depending on the grants whose state is not known,'
      : consistent
        ? 'fits'
        : 'does not fit';
  const note =
    computed === null
      ? `No grant file published on ${claim.asOf} is held.`
      : `${BASIS_WORDS[basis](claim.asOf)}, ${scope}: ${euros(computed)} EUR in ${t?.n ?? 0} grants${unknown}; ${verdict} the claim (${euros(claim.low)}–${euros(claim.high)} EUR), difference ${euros(difference!)} EUR.`;
  return Object.assign(new ClaimComparison(), {
    basis,
    territory,
    comuneCount: fig.comuneCount,
    computed,
    difference,
    grantCount: t?.n ?? 0,
    uncertainAmount,
    uncertainGrantCount: t?.un ?? 0,
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
  // Contradicted: the AS_OF figure does not fit whatever the uncertain grants' state, and
  // the file published that day (when held) does not fit either.
  const contradicted = primary.consistent === false && snapshot.consistent !== true;
  const fitting = comparisons.filter((c) => c.consistent);
  const note = [
    `Claimed ${euros(claim.value)} EUR (read as ${euros(claim.low)}–${euros(claim.high)}).`,
    `Open data for ${claim.territory} as of ${claim.asOf}: ${euros(primary.computed!)} EUR (difference ${euros(primary.difference!)})${
      primary.uncertainGrantCount
        ? `, plus ${euros(primary.uncertainAmount!)} EUR whose state that day is not known`
        : ''
    }.`,
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
    uncertainAmount: primary.uncertainAmount!,
    uncertainGrantCount: primary.uncertainGrantCount,
    consistent: primary.consistent === true,
    contradicted,
    note,
    comparisons,
  });
}

/**
 * Adds up the stated parts of a claim (e.g. the per-measure figures of a stated total) and
 * compares their sum with the total as stated; null when the claim has no parts.
 */
export function sumParts(total: Claim, parts: readonly Claim[]): ClaimPartsSum | null {
  if (!parts.length) return null;
  const sum = (f: (c: Claim) => string) => parts.reduce((s, c) => s + cents(f(c)), 0n);
  const [stated, low, high] = [sum((c) => c.value), sum((c) => c.low), sum((c) => c.high)];
  const difference = stated - cents(total.value);
  const consistent = low <= cents(total.high) && high >= cents(total.low);
  const range = `${euros(fromCents(low))}–${euros(fromCents(high))}`;
  const note = consistent
    ? `The ${parts.length} parts as stated add up to ${euros(fromCents(stated))} EUR (difference ${euros(fromCents(difference))} from the stated total of ${euros(total.value)}); read with their wording they allow ${range} EUR, which can reach the total.`
    : `The ${parts.length} parts as stated add up to ${euros(fromCents(stated))} EUR, ${euros(fromCents(difference < 0n ? -difference : difference))} EUR ${difference < 0n ? 'short of' : 'above'} the stated total of ${euros(total.value)} EUR; read with their wording (rounded, almost, over) they allow ${range} EUR, which does not reach it either: the stated figures disagree with each other.`;
  return Object.assign(new ClaimPartsSum(), {
    partCount: parts.length,
    stated: fromCents(stated),
    low: fromCents(low),
    high: fromCents(high),
    difference: fromCents(difference),
    consistent,
    note,
  });
}
