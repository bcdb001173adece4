import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import { computeFigure } from '../data/figures.js';
import { allClaims } from '../data/lists.js';
import {
  euros,
  reconcileClaim,
  sumParts,
  type BasisFigure,
  type FigureSource,
} from '../rules/claim.reconcile.js';

/** Code of the flag raised for a claim the open data contradict. */
export const CLAIM_CONTRADICTED = 'CLAIM_CONTRADICTED';
/** Code of the flag raised for a stated total its stated parts cannot add up to. */
export const CLAIM_PARTS_INCONSISTENT = 'CLAIM_PARTS_INCONSISTENT';

/**
 * Recomputes the territory-level flags of the claims the data contradict (neither the
 * figure as of the claim date, whatever the state of its uncertain grants, nor the file
 * published that day fits the wording), and of the stated totals their stated parts cannot
 * add up to. Run by the seed and after every grant import, in the caller's transaction.
 */
export async function refreshClaimFlags(em: EntityManager): Promise<number> {
  const claims = await allClaims(em);
  const flags: QualityFlag[] = [];
  // One statement at a time on the transaction's connection; each figure computed once.
  const figures = new Map<string, Promise<BasisFigure>>();
  let queue: Promise<unknown> = Promise.resolve();
  const figure: FigureSource = (basis, territory, asOf) => {
    const key = `${basis}|${territory}|${asOf}`;
    let p = figures.get(key);
    if (!p) {
      p = queue.then(() => computeFigure(em, basis, territory, asOf));
      queue = p;
      figures.set(key, p);
    }
    return p;
  };
  for (const claim of claims) {
    const r = await reconcileClaim(claim, figure);
    if (!r.contradicted) continue;
    const snap = r.comparisons[1];
    flags.push({
      code: CLAIM_CONTRADICTED,
      entity: `Claim:${claim.code}`,
      comune: null,
      territory: claim.territory,
      dataset: claim.dataset.id,
      message:
        `${claim.statement}: claimed ${euros(claim.value)} EUR; the open data give ${euros(r.computed)} EUR for ${r.territory} as of ${r.asOf} (difference ${euros(r.difference)})` +
        (snap.computed !== null
          ? ` and ${euros(snap.computed)} EUR in the file published that day.`
          : '.'),
      sourceNote: r.note,
    });
  }
  for (const claim of claims) {
    const sum = sumParts(
      claim,
      claims.filter((c) => c.partOf?.unwrap().code === claim.code),
    );
    if (!sum || sum.consistent) continue;
    flags.push({
      code: CLAIM_PARTS_INCONSISTENT,
      entity: `Claim:${claim.code}`,
      comune: null,
      territory: claim.territory,
      dataset: claim.dataset.id,
      message: `${claim.statement}: ${sum.note}`,
      sourceNote: claim.sourceNote ?? null,
    });
  }
  await replaceQualityFlags(em, 'pnrr', flags, [CLAIM_CONTRADICTED, CLAIM_PARTS_INCONSISTENT]);
  return flags.length;
}
