import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import {
  communityPairRows,
  founderRows,
  fundingFlagRows,
  namedCommunityCount,
} from '../data/quality.js';

/** Flag code: a funding whose recipient the source does not state. */
export const FUNDING_RECIPIENT_UNKNOWN = 'FUNDING_RECIPIENT_UNKNOWN';

/** One flag per funding with no recipient; recomputed after the seed and every import. */
export async function refreshFundingFlags(em: EntityManager): Promise<void> {
  const rows = await fundingFlagRows(em);
  const flags: QualityFlag[] = rows.map((r) => ({
    code: FUNDING_RECIPIENT_UNKNOWN,
    entity: `Funding:${r.pk}`,
    comune: r.istat,
    message: `The funding of ${r.amount} EUR by ${r.funder} for "${r.community}" has no known recipient: the source does not say who receives it (recipient is null).`,
    dataset: r.dataset_id,
    sourceNote: r.source_note,
  }));
  await replaceQualityFlags(em, 'energy', flags, [FUNDING_RECIPIENT_UNKNOWN]);
}

/** Flag code: two communities that may be one, kept apart for lack of evidence. */
export const POSSIBLY_SAME_COMMUNITY = 'POSSIBLY_SAME_COMMUNITY';
/** Flag code: a founder outside the province of Cremona (no comune record, no ISTAT code). */
export const FOUNDER_OUTSIDE_PROVINCE = 'FOUNDER_OUTSIDE_PROVINCE';
/** Flag code: more communities declared by the press than named (shared with other domains). */
export const DECLARED_COUNT_MISMATCH = 'DECLARED_COUNT_MISMATCH';

/**
 * Flags on communities and founders, recomputed after the seed and every communities import:
 * one per possibly-related pair (on each comune both cover) and one per founder outside the
 * province.
 */
export async function refreshCommunityFlags(em: EntityManager): Promise<void> {
  const pairs = await communityPairRows(em);
  const founders = await founderRows(em);
  const flags: QualityFlag[] = [
    ...pairs.map((p) => ({
      code: POSSIBLY_SAME_COMMUNITY,
      entity: `EnergyCommunity:${p.code}`,
      comune: p.comune,
      message: `"${p.name}" and "${p.other}" may be the same energy community or related ones; the sources do not say, so both are kept and a comune covered by both counts them twice.${p.note ? ` ${p.note}` : ''}`,
      dataset: p.dataset_id,
      sourceNote: p.source_note,
    })),
    ...founders.map((f) => ({
      code: FOUNDER_OUTSIDE_PROVINCE,
      entity: `EnergyCommunityFounder:${f.pk}`,
      message: `${f.name} (province code ${f.province_code}) is a founder of ${f.community} but lies outside the province of Cremona: the hub holds no record of that comune and records no ISTAT code for it (the source gives none). A hint that Consorzio.IT's area may reach beyond the province.`,
      dataset: f.dataset_id,
      sourceNote: f.source_note,
    })),
  ];
  await replaceQualityFlags(em, 'energy', flags, [
    POSSIBLY_SAME_COMMUNITY,
    FOUNDER_OUTSIDE_PROVINCE,
  ]);
}

/**
 * The gap between the number of communities a source declares and those the hub holds by
 * name, as a flag on the territory concerned (seeded from the curated facts).
 */
export async function refreshDeclaredCountFlag(
  em: EntityManager,
  declared: { count: number; promoter: string; territory: string; source: string },
  dataset: string,
): Promise<void> {
  const [{ named }] = await namedCommunityCount(em, declared.promoter);
  const flags: QualityFlag[] =
    named === declared.count
      ? []
      : [
          {
            code: DECLARED_COUNT_MISMATCH,
            entity: `Organization:${declared.promoter}`,
            territory: declared.territory,
            message: `The press speaks of ${declared.count} renewable energy communities (CER) promoted by Consorzio.IT in 2024–2025; ${named} are named with their founders. The other ${declared.count - named} ${declared.count - named === 1 ? 'is' : 'are'} not identified (name, founding comuni and date unknown), so a comune with no recorded CER may still belong to one.`,
            dataset,
            sourceNote: declared.source,
          },
        ];
  await replaceQualityFlags(em, 'energy', flags, [DECLARED_COUNT_MISMATCH]);
}
