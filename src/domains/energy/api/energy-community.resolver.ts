import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { isoDay, periodEnd } from '../../../common/dates.js';
import { badInput } from '../../../common/errors.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyCommunityFilter } from './inputs.js';
import { energyLoaders } from '../data/loaders.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';
import { Funding } from '../model/funding.entity.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';
import { findCommunities, findCommunity } from '../data/loaders.js';

/** Energy communities and their relations. */
@Resolver(() => EnergyCommunity)
export class EnergyCommunityResolver {
  // The CERs of the territory: 9 today (the 2023 study and the 8 founded in 2024-2025); a
  // short, unpaged list. Past 50 it needs paging (a listCap error says so, never a cut).
  @MaxItems(50)
  @Query(() => [EnergyCommunity], {
    description: 'Renewable energy communities (CER), by name. A short list: not paged.',
  })
  async energyCommunities(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => EnergyCommunityFilter, { nullable: true, description: 'Filter.' })
    filter?: EnergyCommunityFilter | null,
  ): Promise<EnergyCommunity[]> {
    const where: FilterQuery<EnergyCommunity> = {};
    if (filter?.status) where.status = filter.status;
    if (filter?.territory)
      where.comuneIstatCodes = {
        $overlap: await resolveTerritory(ctx, filter.territory, 'filter.territory'),
      };
    const from = isoDay(filter?.foundedFrom);
    const until = isoDay(filter?.foundedUntil);
    if (from && until && from > until)
      throw badInput('filter.foundedUntil', `${until} is before foundedFrom ${from}`);
    if (from || until) where.foundedOn = { $ne: null };
    const rows = await findCommunities(ctx, where);
    // A short list: the period-aware comparison is done here (a month counts when any day fits).
    return rows.filter(
      (c) =>
        (!from || periodEnd(c.foundedOn!, c.foundedPrecision!) >= from) &&
        (!until || c.foundedOn! <= until),
    );
  }

  @Query(() => EnergyCommunity, { nullable: true, description: 'One energy community by code.' })
  energyCommunity(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Code, e.g. "cer-crema-ex-olivetti".' })
    code: string,
  ): Promise<EnergyCommunity | null> {
    return findCommunity(ctx, code);
  }

  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [Comune], { description: 'Comuni the community covers, by ISTAT code.' })
  async comuni(@Root() c: EnergyCommunity, @Ctx() ctx: HubContext): Promise<Comune[]> {
    const found = await hubLoaders(ctx).comune.loadMany([...c.comuneIstatCodes].sort());
    return found.filter((x): x is Comune => x instanceof Comune);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Promoter (promotore); null when not stated.',
  })
  promoter(@Root() c: EnergyCommunity, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = c.promoter?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => TerritorialGrouping, {
    nullable: true,
    description: 'The area the community is meant as a replicable model for, when stated.',
  })
  replicationArea(
    @Root() c: EnergyCommunity,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialGrouping | null> {
    const code = c.replicationArea?.unwrap().code;
    return code ? hubLoaders(ctx).grouping.load(code) : Promise.resolve(null);
  }

  // Founding members of one community: comuni and parishes (CER Adda-Serio: 8 today).
  @MaxItems(100)
  @FieldResolver(() => [EnergyCommunityFounder], {
    description:
      'Founding members (soci fondatori) as the press names them: comuni (lead first, including those outside the province), then parishes. Empty when the sources name none.',
  })
  founders(@Root() c: EnergyCommunity, @Ctx() ctx: HubContext): Promise<EnergyCommunityFounder[]> {
    return energyLoaders(ctx).foundersOfCommunity.load(c.code);
  }

  @MaxItems(10)
  @FieldResolver(() => [EnergyCommunity], {
    description:
      'Communities that may be the same as or related to this one (see relationNote); the sources neither confirm nor rule it out, so the records are kept apart.',
  })
  possiblyRelated(@Root() c: EnergyCommunity, @Ctx() ctx: HubContext): Promise<EnergyCommunity[]> {
    return energyLoaders(ctx).possiblyRelated.load(c);
  }

  // A grant for the study, one for the plants... (1 today).
  @MaxItems(10)
  @FieldResolver(() => [Funding], { description: 'Fundings (finanziamenti), oldest first.' })
  fundings(@Root() c: EnergyCommunity, @Ctx() ctx: HubContext): Promise<Funding[]> {
    return energyLoaders(ctx).fundingsOfCommunity.load(c.code);
  }
}
