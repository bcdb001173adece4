import type { GeoFeature, LayerProvider, MapLayerHook } from '../../common/domain.js';
import { comuniWithBoundary } from '../data/geo.js';

/** Comuni as GeoJSON features: boundary geometry, id and names in the properties. */
const comuniLayer: LayerProvider = async (ctx, comuni, limit) => {
  const rows = await comuniWithBoundary(ctx, comuni, limit);
  return rows.map((c) => ({
    type: 'Feature',
    id: c.id,
    geometry: (c.boundary as GeoFeature['geometry']) ?? null,
    properties: {
      id: c.id,
      istatCode: c.istatCode,
      name: c.name,
      resident2021: c.popResident2021 ?? null,
      areaKm2: c.areaKm2 ?? null,
    },
  }));
};

/** The core's map layers: the comuni with their boundaries. */
export const coreLayers: Record<string, MapLayerHook> = {
  COMUNI: { description: 'Comuni with their boundaries (confini).', features: comuniLayer },
};
