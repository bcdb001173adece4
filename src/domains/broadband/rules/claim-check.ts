import type { BroadbandClaim } from '../model/claim.entity.js';
import { PlanWorkState } from '../model/enums.js';
import type { PlanFact } from '../data/programmes.js';

/** The figures of a claim's check (`BroadbandClaimCheck` without its source and note). */
export interface CheckFigures {
  computed: number;
  difference: number;
  consistent: boolean;
  basis: string;
  comuni: string[];
  otherComuni: string[];
  completed: number | null;
  dataAsOf: string | null;
  dataKnownBy: string | null;
  dataDateNote: string;
  names: Map<string, string>;
  dataset: string;
}

/** The date of the plan rows behind a check: theirs when they share one, else each noted. */
function dates(facts: PlanFact[]) {
  const kinds = new Map<string, { fact: PlanFact; n: number }>();
  for (const f of facts) {
    const k = `${f.as_of}|${f.known_by}|${f.as_of_note}`;
    kinds.set(k, { fact: f, n: (kinds.get(k)?.n ?? 0) + 1 });
  }
  if (kinds.size === 1)
    return {
      dataAsOf: facts[0].as_of,
      dataKnownBy: facts[0].known_by,
      dataDateNote: facts[0].as_of_note,
    };
  const known = facts.map((f) => f.known_by).filter((d): d is string => d != null);
  return {
    dataAsOf: null,
    dataKnownBy: known.length === facts.length ? known.sort().at(-1)! : null,
    dataDateNote: `rows of different dates: ${[...kinds.values()]
      .map(({ fact, n }) => `${n} ${fact.as_of ? `dated ${fact.as_of}` : fact.as_of_note}`)
      .join('; ')}`,
  };
}

/**
 * The BUL_FIBRE_IN_PLAN check: comuni of the claim's territory with fibre in the plan for
 * at least one of their places, against the claimed number of comuni reached by FTTH.
 * Null when the plan file holds no row for the territory.
 */
export function fibreInPlan(claim: BroadbandClaim, facts: PlanFact[]): CheckFigures | null {
  if (!facts.length) return null;
  const byComune = new Map<string, PlanFact[]>();
  for (const f of facts) byComune.set(f.comune, [...(byComune.get(f.comune) ?? []), f]);
  const names = new Map(facts.map((f) => [f.comune, f.name]));
  const inPlan = [...byComune].filter(([, rows]) => rows.some((r) => r.fibre_in_plan));
  const comuni = inPlan.map(([c]) => c);
  const otherComuni = [...byComune.keys()].filter((c) => !comuni.includes(c));
  const completed = inPlan.filter(([, rows]) =>
    rows.filter((r) => r.fibre_in_plan).every((r) => r.fibre_state === PlanWorkState.COMPLETED),
  ).length;
  const computed = comuni.length;
  const value = Number(claim.value);
  return {
    computed,
    difference: computed - value,
    consistent: computed === value,
    basis:
      'comuni of the territory with fibre in the white-areas plan (Fibra = 1 in the BUL file, for at least one of their places)',
    comuni,
    otherComuni,
    completed,
    ...dates(facts),
    names,
    dataset: facts[0].dataset_id,
  };
}

/** The comparison in words: both figures, both dates and both sources. */
export function checkNote(
  claim: BroadbandClaim,
  c: CheckFigures,
  claimSource: string,
  dataSource: string,
): string {
  const stated = `stated on ${claim.statedOn}${claim.reportedOn ? `, item dated ${claim.reportedOn}` : ''}`;
  const dataDate = c.dataAsOf ? `dated ${c.dataAsOf}` : c.dataDateNote;
  const others = c.otherComuni.map((x) => c.names.get(x) ?? x).join(', ');
  return (
    `Claimed: ${claim.statement} (${claimSource}; ${stated}). ` +
    `Open data: ${c.computed} of the ${c.comuni.length + c.otherComuni.length} comuni have fibre in the white-areas plan` +
    (c.completed != null ? `, ${c.completed} of them with works finished (terminato)` : '') +
    ` (${dataSource}; ${dataDate}). ` +
    (c.otherComuni.length ? `Not in the fibre plan (FWA only): ${others}. ` : '') +
    (c.consistent
      ? 'The figures agree.'
      : `The figures differ by ${c.difference > 0 ? '+' : ''}${c.difference}: the claim is older than the file, and "reached by FTTH" and "in the fibre plan" need not be the same thing, so the difference is flagged, not resolved.`)
  );
}
