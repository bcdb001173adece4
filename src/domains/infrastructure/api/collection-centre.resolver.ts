import type { FilterQuery } from '@mikro-orm/core';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Connection, findPage, key, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { CollectionCentre } from '../model/collection-centre.entity.js';
import { CollectionCentresArgs } from './inputs.js';
import { loadOrFail } from '../../../common/loaders.js';

/** A page of collection centres. */
export const CollectionCentreConnection = Connection(
  CollectionCentre,
  'CollectionCentre',
  'collection centres (centri di raccolta)',
);

/** Root query and relations of collection centres. */
@Resolver(() => CollectionCentre)
export class CollectionCentreResolver {
  @Query(() => CollectionCentreConnection, {
    description:
      'Waste collection centres and supra-municipal platforms, by comune (ISTAT code), keyset-paged.',
  })
  async collectionCentres(
    @Ctx() ctx: HubContext,
    @Args(() => CollectionCentresArgs) args: CollectionCentresArgs,
  ) {
    const page = readPage(args, key('string', 'int'));
    const where: FilterQuery<CollectionCentre>[] = [];
    const f = args.filter;
    if (f?.kind) where.push({ kind: f.kind });
    if (f?.territory)
      where.push({
        comune: { $in: await resolveTerritory(ctx, f.territory, 'filter.territory') },
      });
    if (f?.locationKnown === true) where.push({ lat: { $ne: null }, lon: { $ne: null } });
    if (f?.locationKnown === false) where.push({ $or: [{ lat: null }, { lon: null }] });
    return findPage(ctx.em, CollectionCentre, { $and: where }, { comune: 'asc', pk: 'asc' }, page);
  }

  @FieldResolver(() => Comune, { description: 'The comune (comune) the centre is in.' })
  async comune(@Root() c: CollectionCentre, @Ctx() ctx: HubContext): Promise<Comune> {
    return loadOrFail(hubLoaders(ctx).comune, c.comune.unwrap().istatCode, 'comune');
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Owner (proprietario); null when the source does not say.',
  })
  owner(@Root() c: CollectionCentre, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = c.owner?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Operator (gestore); null when the source does not say.',
  })
  operator(@Root() c: CollectionCentre, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = c.operator?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }
}
