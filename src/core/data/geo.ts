import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';

/** Comuni with their boundary, by ISTAT code, at most `limit`. */
export function comuniWithBoundary(
  ctx: HubContext,
  comuni: readonly string[],
  limit: number,
): Promise<Comune[]> {
  return ctx.em.find(
    Comune,
    { istatCode: { $in: [...comuni] } },
    { populate: ['boundary'], orderBy: { istatCode: 'asc' }, limit },
  );
}

/**
 * The 12 comuni whose centroid is nearest to a point (WGS84), nearest first, with their
 * boundary: the comune containing the point is among them.
 */
export async function comuniNear(ctx: HubContext, lat: number, lon: number): Promise<Comune[]> {
  const near = await ctx.em.getConnection().execute<{ istat_code: string }[]>(
    `select istat_code from comune
      order by power(centroid_lat - ?, 2) + power((centroid_lon - ?) * cos(radians(?)), 2) limit 12`,
    [lat, lon, lat],
  );
  const candidates = await ctx.em.find(
    Comune,
    { istatCode: { $in: near.map((r) => r.istat_code) } },
    { populate: ['boundary'] },
  );
  const order = new Map(near.map((r, i) => [r.istat_code, i]));
  return candidates.sort((a, b) => order.get(a.istatCode)! - order.get(b.istatCode)!);
}
