import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import { ANNCSU_LOW_PER_RESIDENT } from '../model/anncsu.entity.js';
import { checkNote, fibreInPlan } from '../rules/claim-check.js';
import { planFacts } from '../data/programmes.js';
import { claimDatasets, gapFlagRows, repeatedGapRows, verifiableClaims } from '../data/quality.js';

/** A press claim the open data give another figure for. */
export const CLAIM_DIFFERS = 'BROADBAND_CLAIM_DIFFERS';
/** ANNCSU registers fewer civic numbers than Infratel lists, or very few per resident. */
export const ANNCSU_INCOMPLETE = 'ANNCSU_COUNT_INCOMPLETE';
/** The mapping lists the same street and number more than once in a comune. */
export const REPEATED_CIVICS = 'MAPPING_REPEATED_CIVICS';

/**
 * Flags of the mapping and the ANNCSU counts, per comune: counts that cannot be complete
 * (fewer civics registered than listed, or very few per resident) and civics the current
 * mapping repeats. Run by the seed and after every mapping import.
 */
export async function refreshGapFlags(em: EntityManager): Promise<void> {
  const rows = await gapFlagRows(em);
  const flags: QualityFlag[] = [];
  for (const r of rows) {
    const perResident = r.residents ? r.total / r.residents : null;
    if (r.mapping && r.total < r.listed)
      flags.push({
        code: ANNCSU_INCOMPLETE,
        entity: `Comune:${r.comune}`,
        comune: r.comune,
        dataset: r.dataset,
        message: `${r.name}: ANNCSU registers ${r.total} civic number(s) while Infratel's mapping (${r.mapping}) lists ${r.listed} of the comune's civics: the archive is incomplete here, so the listed civics' share of it is not given (null).`,
      });
    else if (perResident != null && perResident < ANNCSU_LOW_PER_RESIDENT)
      flags.push({
        code: ANNCSU_INCOMPLETE,
        entity: `Comune:${r.comune}`,
        comune: r.comune,
        dataset: r.dataset,
        message: `${r.name}: ANNCSU registers only ${r.total} civic numbers for ${r.residents} residents (${perResident.toFixed(2)} per resident, below ${ANNCSU_LOW_PER_RESIDENT}): the archive is probably incomplete here, so the listed civics' share of it is probably too high.`,
      });
  }
  const repeated = await repeatedGapRows(em);
  const byComune = new Map<string, typeof repeated>();
  for (const r of repeated) byComune.set(r.comune, [...(byComune.get(r.comune) ?? []), r]);
  for (const [comune, list] of byComune)
    flags.push({
      code: REPEATED_CIVICS,
      entity: `Comune:${comune}`,
      comune,
      dataset: list[0].dataset,
      message: `${list[0].name}: the mapping ${list[0].mapping} lists the same street and number more than once (${list
        .map((r) => `${r.street} ${r.civic} ×${r.n}`)
        .join(
          '; ',
        )}): distinct civics the list cannot tell apart (e.g. in different hamlets); the coverage check returns them all.`,
    });
  await replaceQualityFlags(em, 'broadband', flags, [ANNCSU_INCOMPLETE, REPEATED_CIVICS]);
}

/**
 * Flags the press claims the open data give another figure for (40 comuni reached by FTTH
 * vs 43 with fibre in the plan), on the claim's territory so that every member sees it.
 * Run by the seed and after every plan import.
 */
export async function refreshBroadbandClaimFlags(em: EntityManager): Promise<void> {
  const claims = await verifiableClaims(em);
  const flags: QualityFlag[] = [];
  for (const claim of claims) {
    if (claim.checkBasis !== 'BUL_FIBRE_IN_PLAN' || !claim.territory) continue;
    const c = fibreInPlan(claim, await planFacts(em, claim.territory));
    if (!c || c.consistent) continue;
    const [claimDs, dataDs] = await claimDatasets(em, claim.dataset.id, c.dataset);
    flags.push({
      code: CLAIM_DIFFERS,
      entity: `BroadbandClaim:${claim.code}`,
      territory: claim.territory,
      dataset: claim.dataset.id,
      message: checkNote(claim, c, claimDs?.title ?? claim.dataset.id, dataDs?.title ?? c.dataset),
      sourceNote: claim.sourceNote ?? null,
    });
  }
  await replaceQualityFlags(em, 'broadband', flags, [CLAIM_DIFFERS]);
}
