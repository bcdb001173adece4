import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Float, Int, Query, registerEnumType, Resolver } from 'type-graphql';
import { chargeRows } from '../common/budget.js';
import type { HubContext } from '../common/context.js';
import type { Domain, MapLayerHook } from '../common/domain.js';
import { badInput } from '../common/errors.js';
import { MaxItems } from '../common/limits.js';
import { toGlobalId } from '../common/node.js';
import { Comune } from '../core/model/comune.entity.js';
import { resolveTerritory } from '../core/data/territory.js';
import { comuniNear } from '../core/data/geo.js';
import { checkPoint } from '../core/rules/geo.js';

/** Default and largest number of features of one collection. */
const DEFAULT_FEATURES = 1000;
const MAX_FEATURES = 10000;

/** The `MapLayer` enums made so far, by their layer names (one per set of domains). */
const mapLayerEnums = new Map<string, Record<string, string>>();

/** The MapLayer enum: one value per layer the registered domains offer, with its description. */
function mapLayerEnum(layers: Record<string, MapLayerHook>): Record<string, string> {
  const names = Object.keys(layers);
  let made = mapLayerEnums.get(names.join());
  if (!made) {
    made = Object.fromEntries(names.map((name) => [name, name]));
    registerEnumType(made, {
      name: 'MapLayer',
      description: 'A map layer (strato) of `featureCollection`.',
      valuesConfig: Object.fromEntries(
        names.map((name) => [name, { description: layers[name].description }]),
      ),
    });
    mapLayerEnums.set(names.join(), made);
  }
  return made;
}

/** Geographic lookups: the comune at a point, and GeoJSON layers of a territory. */
export function geoResolver(domains: readonly Domain[]) {
  const layers: Record<string, MapLayerHook> = Object.assign(
    {},
    ...domains.map((d) => d.layers ?? {}),
  );
  const MapLayer = mapLayerEnum(layers);

  @Resolver()
  class GeoResolver {
    @Query(() => Comune, {
      nullable: true,
      description:
        'The comune whose real boundary contains the point (WGS84); null outside the province of Cremona.',
    })
    async comuneAt(
      @Ctx() ctx: HubContext,
      @Arg('lat', () => Float, { description: 'Latitude in degrees, -90 to 90.' }) lat: number,
      @Arg('lon', () => Float, { description: 'Longitude in degrees, -180 to 180.' }) lon: number,
    ): Promise<Comune | null> {
      checkPoint(lat, lon);
      // The nearest centroids first: the containing comune is among the closest few.
      const candidates = await comuniNear(ctx, lat, lon);
      const point = { type: 'Point' as const, coordinates: [lon, lat] };
      return (
        candidates.find((c) => c.boundary && booleanPointInPolygon(point, c.boundary as never)) ??
        null
      );
    }

    @MaxItems(MAX_FEATURES)
    @Query(() => GraphQLJSONObject, {
      description:
        'A GeoJSON FeatureCollection (RFC 7946: lon, lat order) of a layer over a territory (grouping code or ISTAT code). Properties carry ids and names. Foreign members `limit` and `truncated` say when the layer was capped.',
    })
    async featureCollection(
      @Ctx() ctx: HubContext,
      @Arg('territory', () => String, { description: 'A grouping code or an ISTAT code.' })
      territory: string,
      @Arg('layer', () => MapLayer, { description: 'Which layer.' }) layer: string,
      @Arg('first', () => Int, {
        defaultValue: DEFAULT_FEATURES,
        description: `Most features to return, 1 to ${MAX_FEATURES}.`,
      })
      first: number,
    ): Promise<object> {
      if (!Number.isInteger(first) || first < 1 || first > MAX_FEATURES)
        throw badInput('first', `must be an integer from 1 to ${MAX_FEATURES}, got ${first}`);
      const provider = layers[layer]?.features;
      if (!provider) throw badInput('layer', `layer ${layer} is not available in this hub`);
      const comuni = await resolveTerritory(ctx, territory);
      const features = await provider(ctx, comuni, first + 1);
      chargeRows(ctx, Math.min(features.length, first));
      return {
        type: 'FeatureCollection',
        features: features.slice(0, first),
        limit: first,
        truncated: features.length > first,
        territory,
        layer,
        id: toGlobalId('FeatureCollection', `${layer}:${territory}`),
      };
    }
  }
  return GeoResolver;
}
