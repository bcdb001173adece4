import { CURRENT_MAPPING_SQL } from '../model/mapping.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../common/errors.js';
import { CivicAddress, LON_SCALE } from '../model/address.entity.js';
import type { HubContext } from '../../../common/context.js';
import { parseAddress, splitComune } from '../rules/address-text.js';
import { comuniParam } from '../../../common/keys.js';

/** One match of the address search. */
export interface Match {
  score: number;
  address: CivicAddress;
}

/** Streets kept from the trigram stage before civic numbers are joined. */
const STREETS = 40;
/** Lowest word similarity a street name may have to be a candidate (a typo or two). */
const THRESHOLD = 0.4;

const SEARCH = `
with s as (
  select comune_istat_code, street_type, name_key,
         greatest(similarity(name_key, :name), word_similarity(:name, name_key)) as sim
    from street
   where :name <% name_key
     and (:comuni::text is null or comune_istat_code = any(:comuni::text[]))
   order by sim desc, name_key
   limit ${STREETS})
select a.*,
       0.70 * s.sim
     + 0.10 * case when :type::text is null then 0.5 when s.street_type = :type then 1 else 0 end
     + 0.15 * case when :number::int is null then 0.5
                   when a.number = :number then 1
                   else 0.5 / (1 + abs(a.number - :number)) end
     + 0.05 * case when :number::int is not null and a.number = :number
                    and a.exponent = coalesce(:exponent, '') then 1 else 0 end as score
  from s join civic_address a
    on a.comune_istat_code = s.comune_istat_code and a.name_key = s.name_key
   and a.street_type = s.street_type
 order by score desc, a.name_key, a.number, a.exponent, a.pk
 limit :first`;

/** Most matches an address search returns. */
export const MAX_MATCHES = 50;

/**
 * Finds civic addresses from free text, best first: the comune (name or postal code) and
 * the house number are read off the text, then street names are matched by trigram word
 * similarity on the street index (GIN), then civic numbers are scored.
 */
export async function searchAddresses(
  em: EntityManager,
  text: string,
  first: number,
): Promise<Match[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES)
    throw badInput('first', `must be an integer from 1 to ${MAX_MATCHES}, got ${first}`);
  const parsed = parseAddress(text);
  const folded = parsed.tokens.join(' ');
  const comuni = await em.execute<{ istatCode: string; nameKey: string; postal: boolean }[]>(
    `select istat_code as "istatCode", name_key as "nameKey", ? = any(postal_codes) as postal
       from comune where ? like '%' || name_key || '%' or ? = any(postal_codes)`,
    [parsed.postalCode, ` ${folded} `, parsed.postalCode],
  );
  const named = comuni.filter((c) => ` ${folded} `.includes(` ${c.nameKey} `));
  const { query, comune } = splitComune(parsed, named);
  if (!/\p{L}{2,}/u.test(query.name))
    throw badInput(
      'text',
      'must contain a street name besides the comune, e.g. "via roma 12 crema"',
    );
  const byPostal = comuni.filter((c) => c.postal).map((c) => c.istatCode);
  const scope = comune ? [comune] : byPostal.length ? byPostal : null;
  return em.transactional(async (tx) => {
    await tx.execute(`set local pg_trgm.word_similarity_threshold = ${THRESHOLD}`);
    const rows = await tx.execute<(Record<string, unknown> & { score: number })[]>(
      tx.getKnex().raw(SEARCH, {
        name: query.name,
        comuni: scope ? comuniParam(scope) : null,
        type: query.streetType,
        number: query.number,
        exponent: query.exponent,
        first,
      }),
    );
    return rows.map(({ score, ...row }) => ({
      score: Math.round(Number(score) * 1000) / 1000,
      address: tx.map(CivicAddress, row),
    }));
  });
}

/**
 * The located civic address nearest to a point (WGS84), or null when none is located. GiST
 * nearest-neighbour on a point with longitude scaled by cos(latitude): planar order equals
 * distance order at the province's latitude (the caller computes the exact distance).
 */
export async function nearestAddress(
  ctx: HubContext,
  lat: number,
  lon: number,
): Promise<CivicAddress | null> {
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select * from civic_address where lat is not null
      order by point(lon * ${LON_SCALE}, lat) <-> point(? * ${LON_SCALE}, ?) limit 1`,
    [lon, lat],
  );
  return rows.length ? ctx.em.map(CivicAddress, rows[0]) : null;
}

/** Civic addresses of the comuni with postal label, current category and coverage record, by pk, at most `limit` (the address layer). */
export function addressFeatureRows(ctx: HubContext, comuni: readonly string[], limit: number) {
  return ctx.em.execute<
    {
      pk: number;
      istat_code: string;
      label: string;
      category: string | null;
      technology: string | null;
      plan: string | null;
      max_download_mbps: number | null;
      status: string | null;
      lat: number | null;
      lon: number | null;
    }[]
  >(
    `select a.pk, a.comune_istat_code as istat_code, a.lat, a.lon,
            coalesce(a.street_text || ' ' || a.civic_text,
              initcap(a.street_type) || ' ' || a.street_name || ' ' || a.number ||
              case when a.exponent <> '' then '/' || a.exponent else '' end) ||
              ', ' || coalesce(a.postal_code || ' ', '') || k.name || ' CR' as label,
            o.category, c.technology, c.plan, c.max_download_mbps, c.status
       from civic_address a
       join comune k on k.istat_code = a.comune_istat_code
       left join address_coverage c on c.address_pk = a.pk
       left join coverage_observation o on o.address_pk = a.pk and o.mapping_code = ${CURRENT_MAPPING_SQL}
      where a.comune_istat_code = any(?::text[]) order by a.pk limit ?`,
    [comuniParam(comuni), limit],
  );
}
