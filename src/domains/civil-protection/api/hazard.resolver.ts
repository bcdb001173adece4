import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Source } from '../../../core/model/source.js';
import { toSource } from '../../../core/api/source.resolver.js';
import { SeismicClassification } from '../model/hazard.entity.js';
import { summariseHazards } from '../data/hazard.summary.js';
import {
  ExposureTotal,
  HazardLevelExposure,
  HazardProfile,
  HazardSummary,
  type FigureSource,
} from './hazard.types.js';
import { MaxItems } from '../../../common/limits.js';
import { HazardGroupBy } from '../model/enums.js';
import { loadOrFail } from '../../../common/loaders.js';

/** Provenance of a figure, through the request's dataset loader. */
async function sourceOf(ctx: HubContext, origin: FigureSource): Promise<Source> {
  const dataset = await loadOrFail(hubLoaders(ctx).dataset, origin.datasetId, 'dataset');
  return toSource(dataset, origin.sourceNote);
}

/** Hazard summaries of a territory. */
@Resolver()
export class HazardSummaryResolver {
  @Query(() => HazardSummary, {
    description:
      'Hazard figures of a territory (a grouping code or an ISTAT code): the total and one row per comune or per grouping, e.g. the residents in high-hazard (P3) flood areas of the comuni of a plan group. Sums are exact and null (never partial) when a comune lacks figures.',
  })
  hazardSummary(
    @Ctx() ctx: HubContext,
    @Arg('territory', () => String, {
      description: 'A grouping code (e.g. "ppc-2023-casaletto-ceredano") or an ISTAT code.',
    })
    territory: string,
    @Arg('groupBy', () => HazardGroupBy, {
      defaultValue: HazardGroupBy.COMUNE,
      description: 'How rows are grouped.',
    })
    groupBy: HazardGroupBy,
  ): Promise<HazardSummary> {
    return summariseHazards(ctx, territory, groupBy);
  }
}

/** The datasets behind a hazard profile. */
@Resolver(() => HazardProfile)
export class HazardProfileResolver {
  @MaxItems(10)
  @FieldResolver(() => [Source], {
    description: 'The datasets behind the profile (ISPRA IdroGEO, DPC, ISTAT), by id.',
  })
  async sources(@Root() profile: HazardProfile, @Ctx() ctx: HubContext): Promise<Source[]> {
    const datasets = await hubLoaders(ctx).dataset.loadMany(profile.datasetIds);
    return datasets.filter((d): d is Dataset => d instanceof Dataset).map((d) => toSource(d, null));
  }
}

/** Provenance of the figures of a hazard level. */
@Resolver(() => HazardLevelExposure)
export class HazardLevelSourceResolver {
  @FieldResolver(() => Source, {
    description: "Provenance: ISPRA's dataset, and the line of the file or what was summed.",
  })
  source(@Root() level: HazardLevelExposure, @Ctx() ctx: HubContext): Promise<Source> {
    return sourceOf(ctx, level.origin);
  }
}

/** Provenance of a total. */
@Resolver(() => ExposureTotal)
export class ExposureTotalSourceResolver {
  @FieldResolver(() => Source, { description: 'Provenance of the total.' })
  source(@Root() total: ExposureTotal, @Ctx() ctx: HubContext): Promise<Source> {
    return sourceOf(ctx, total.origin);
  }
}

/** The comune of a seismic classification. */
@Resolver(() => SeismicClassification)
export class SeismicClassificationResolver {
  @FieldResolver(() => Comune, { description: 'The comune classified.' })
  async comune(@Root() s: SeismicClassification, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(s.comune.unwrap().istatCode))!;
  }
}
