import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../hub/quality.js';

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
