import DataLoader from 'dataloader';
import { perRequest, type HubContext } from '../../../common/context.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { civilProtectionLoaders } from './loaders.js';
import { Hazard } from '../model/enums.js';
import type { IdrogeoComune, IdrogeoLevel, SeismicClassification } from '../model/hazard.entity.js';
import {
  hazardFigures,
  ISTAT_DATASET,
  type ComuneHazardInput,
  type IdrogeoInput,
} from '../rules/hazard.figures.js';
import { ISPRA_DATASET } from '../rules/hazard.levels.js';
import { HazardProfile } from '../api/hazard.types.js';

/** Unwraps a DataLoader.loadMany result, rethrowing the first error. */
function settled<T>(values: (T | Error)[]): T[] {
  const error = values.find((v): v is Error => v instanceof Error);
  if (error) throw error;
  return values as T[];
}

function toInput(i: IdrogeoComune, levels: readonly IdrogeoLevel[]): IdrogeoInput {
  return {
    origin: { datasetId: i.dataset.id, sourceNote: i.sourceNote ?? null },
    totals: {
      buildings: i.buildings ?? null,
      businessUnits: i.businessUnits ?? null,
      culturalHeritage: i.culturalHeritage ?? null,
    },
    years: {
      residents: i.residentsYear ?? null,
      families: i.familiesYear ?? null,
      buildings: i.buildingsYear ?? null,
      businessUnits: i.businessUnitsYear ?? null,
      culturalHeritage: i.culturalHeritageYear ?? null,
    },
    levels,
  };
}

/** ISPRA's figures of each comune, through the request's loaders (two statements in all). */
export async function hazardInputs(
  ctx: HubContext,
  comuni: readonly Comune[],
): Promise<ComuneHazardInput[]> {
  const loaders = civilProtectionLoaders(ctx);
  const codes = comuni.map((c) => c.istatCode);
  const [indicators, levels] = await Promise.all([
    loaders.idrogeo.loadMany(codes).then(settled),
    loaders.idrogeoLevels.loadMany(codes).then(settled),
  ]);
  return comuni.map((c, i) => ({
    istatCode: c.istatCode,
    popLegal2011: c.popLegal2011 ?? null,
    idrogeo: indicators[i] ? toInput(indicators[i], levels[i]) : null,
  }));
}

/** Seismic zones of the comuni, in their order (null where not held). */
export async function seismicZones(
  ctx: HubContext,
  codes: readonly string[],
): Promise<(SeismicClassification | null)[]> {
  return settled(await civilProtectionLoaders(ctx).seismic.loadMany(codes));
}

/** Hazards the sources map: a positive area, or a seismic zone; null while a source is missing. */
function mapped(input: ComuneHazardInput, seismic: SeismicClassification | null): Hazard[] | null {
  if (!input.idrogeo || !seismic) return null;
  const out: Hazard[] = [];
  for (const hazard of [Hazard.FLOOD, Hazard.HYDROGEOLOGICAL]) {
    const areas = input.idrogeo.levels.filter((l) => l.hazard === hazard).map((l) => l.areaKm2);
    if (areas.some((a) => a != null && Number(a) > 0)) out.push(hazard);
    else if (areas.length === 0 || areas.some((a) => a == null)) return null;
  }
  out.push(Hazard.SEISMIC);
  return out;
}

/** The hazard profile of each comune (ISPRA and DPC), through the request's loaders. */
export async function hazardProfiles(
  ctx: HubContext,
  comuni: readonly Comune[],
): Promise<HazardProfile[]> {
  const [inputs, zones] = await Promise.all([
    hazardInputs(ctx, comuni),
    seismicZones(
      ctx,
      comuni.map((c) => c.istatCode),
    ),
  ]);
  const profiles = inputs.map((input, i) => {
    const seismic = zones[i];
    return Object.assign<HazardProfile, Partial<HazardProfile>>(new HazardProfile(), {
      istatCode: input.istatCode,
      ...hazardFigures([input], { datasetId: ISPRA_DATASET, sourceNote: null }),
      idrogeoUnknownReason: input.idrogeo
        ? null
        : 'The hub holds no ISPRA IdroGEO figures for this comune.',
      seismic,
      seismicUnknownReason: seismic
        ? null
        : 'The hub holds no seismic zone (DPC classification) for this comune.',
      mappedHazards: mapped(input, seismic),
      datasetIds: [
        ...new Set([
          ...(input.idrogeo ? [input.idrogeo.origin.datasetId] : []),
          ...(input.popLegal2011 != null ? [ISTAT_DATASET] : []),
          ...(seismic ? [seismic.dataset.id] : []),
        ]),
      ].sort(),
    });
  });
  // One dataset statement for every `source` and `sources` below the profiles (cache hits).
  await hubLoaders(ctx).dataset.loadMany([...new Set(profiles.flatMap((p) => p.datasetIds))]);
  return profiles;
}

/** Profiles of the comuni of a request, built together (one batch of statements). */
const profileLoader = (ctx: HubContext) =>
  new DataLoader<Comune, HazardProfile, string>((comuni) => hazardProfiles(ctx, comuni), {
    cacheKeyFn: (c) => c.istatCode,
  });

/** The hazard profile of a comune, batched with every other asked for in the request. */
export const hazardProfileOf = (ctx: HubContext, comune: Comune): Promise<HazardProfile> =>
  perRequest(ctx, profileLoader).load(comune);
