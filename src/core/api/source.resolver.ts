import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import type { Dataset } from '../model/dataset.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { Source } from '../model/source.js';
import type { Sourced } from '../model/sourced.js';

/** Builds the provenance of a record from its dataset and its own note. */
export function toSource(dataset: Dataset, note: string | null | undefined): Source {
  return Object.assign(new Source(), {
    dataset: dataset.title,
    datasetId: dataset.id,
    publisher: dataset.publisher,
    licence: dataset.licence ?? null,
    url: dataset.url ?? null,
    retrievedOn: dataset.retrievedOn ?? null,
    synthetic: dataset.synthetic,
    note: note ?? null,
  });
}

/** Loads the provenance of any sourced record through the request's dataset loader. */
export async function sourceOf(ctx: HubContext, record: Sourced): Promise<Source> {
  const dataset = await hubLoaders(ctx).dataset.load(record.dataset.id);
  if (!dataset) throw new Error(`dataset ${record.dataset.id} is missing`);
  return toSource(dataset, record.sourceNote);
}

/**
 * The `source` field for an entity type. Every domain lists one per sourced entity in its
 * resolvers, so no type goes without provenance.
 */
export function sourceResolverFor<T extends Sourced>(type: ClassType<T>) {
  @Resolver(() => type)
  class SourceFieldResolver {
    @FieldResolver(() => Source, { description: 'Provenance (fonte) of this record.' })
    source(@Root() record: T, @Ctx() ctx: HubContext): Promise<Source> {
      return sourceOf(ctx, record);
    }
  }
  return SourceFieldResolver;
}
