import type { GeoFeature, LayerProvider, SearchProvider } from '../../../common/domain.js';
import { HubError } from '../../../common/errors.js';
import { toGlobalId } from '../../../common/node.js';
import { searchAddresses, addressFeatureRows } from '../data/search.js';

/**
 * Addresses in the cross-domain search: the address search itself, for texts that name a
 * street. A text with no street (only a place) has no address hits rather than an error.
 * Scores are scaled by 0.9 so that a comune or body of the same name ranks first.
 */
export const addressSearchProvider: SearchProvider = async (ctx, { text, limit }) => {
  try {
    const matches = await searchAddresses(ctx.em, text, Math.min(limit, 50));
    return matches.map((m) => ({
      node: m.address,
      score: 0.9 * m.score,
      key: String(m.address.pk),
    }));
  } catch (e) {
    if (e instanceof HubError && e.code === 'BAD_USER_INPUT') return [];
    throw e;
  }
};

/**
 * Civic addresses as GeoJSON points (lon, lat), capped, with the current mapping's category
 * and the per-address coverage record when there is one. A civic without a location (all
 * of Infratel's list) is a feature with a null geometry (RFC 7946): never a guessed point.
 */
export const addressesLayer: LayerProvider = async (ctx, comuni, limit) => {
  const rows = await addressFeatureRows(ctx, comuni, limit);
  return rows.map((r): GeoFeature => ({
    type: 'Feature',
    id: toGlobalId('CivicAddress', r.pk),
    geometry:
      r.lat == null || r.lon == null ? null : { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      id: toGlobalId('CivicAddress', r.pk),
      istatCode: r.istat_code,
      label: r.label,
      gapCategory: r.category,
      technology: r.technology,
      plan: r.plan,
      maxDownloadMbps: r.max_download_mbps,
      status: r.status,
    },
  }));
};
