import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';

/** Flag code: a funding whose recipient the source does not state. */
export const FUNDING_RECIPIENT_UNKNOWN = 'FUNDING_RECIPIENT_UNKNOWN';

/** One flag per funding with no recipient; recomputed after the seed and every import. */
export async function refreshFundingFlags(em: EntityManager): Promise<void> {
  const rows = await em.execute<
    {
      pk: number;
      community: string;
      funder: string;
      amount: string;
      istat: string | null;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select f.pk, c.name as community, o.name as funder, f.amount::text as amount,
            case when cardinality(c.comune_istat_codes) = 1 then c.comune_istat_codes[1] end as istat,
            f.dataset_id, f.source_note
       from energy_funding f
       join energy_community c on c.code = f.community_code
       join organization o on o.code = f.funder_code
      where f.recipient_organization_code is null and f.recipient_comune_istat_code is null
      order by f.pk`,
  );
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
  const pairs = await em.execute<
    {
      code: string;
      name: string;
      other: string;
      note: string | null;
      comune: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select c.code, c.name, r.name as other, c.relation_note as note, u.comune, c.dataset_id, c.source_note
       from energy_community c
       join energy_community r on r.code = c.possibly_related_to_code
       cross join lateral unnest(c.comune_istat_codes) as u(comune)
      where u.comune = any(r.comune_istat_codes)
      order by c.code, u.comune`,
  );
  const founders = await em.execute<
    {
      pk: number;
      name: string;
      province_code: string;
      community: string;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select f.pk, f.name, f.province_code, c.name as community, f.dataset_id, f.source_note
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where f.province_code <> 'CR' order by f.pk`,
  );
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
  const [{ named }] = await em.execute<{ named: number }[]>(
    `select count(distinct f.community_code)::int as named
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where c.promoter_code = ?`,
    [declared.promoter],
  );
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
