import { Ctx, FieldResolver, Resolver, Root, Arg, Args, Int, Query } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { Initiative } from '../model/initiative.entity.js';
import { initiativeLoaders } from '../data/initiative.loaders.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { organizationLoaders } from '../data/organization.loaders.js';
import { MaxItems, firstItems, SizedBy } from '../../common/limits.js';
import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { badInput } from '../../common/errors.js';
import { Connection, findPage, key, readPage } from '../../common/pagination.js';
import { foldName } from '../../common/text.js';
import { ComuniArgs } from './comune.inputs.js';
import { TerritorialGrouping } from '../model/grouping.entity.js';
import { MAX_GROUPINGS_OF_COMUNE } from './grouping.resolver.js';
import { Source } from '../model/source.js';
import { toSource } from './source.resolver.js';
import { checkIstatCode, resolveTerritory } from '../data/territory.js';
import { ComuneOrderField } from '../model/enums.js';
import { findComuneByNameKey } from '../data/lists.js';

/** A page of comuni. */
export const ComuneConnection = Connection(Comune, 'Comune', 'comuni');

const ORDER_COLUMN = {
  [ComuneOrderField.NAME]: 'nameKey',
  [ComuneOrderField.ISTAT_CODE]: 'istatCode',
  [ComuneOrderField.POPULATION]: 'popResident2021',
} as const;

/** Cursor keys by order: the sort value, then the ISTAT code that breaks ties. */
const ORDER_KEY = {
  nameKey: key('string', 'string'),
  istatCode: key('string'),
  popResident2021: key('int?', 'string'),
} as const;

/** Root queries and core fields of comuni. */
@Resolver(() => Comune)
export class ComuneResolver {
  @Query(() => Comune, {
    nullable: true,
    description:
      'One comune by ISTAT code or by name (name ignores case, accents, apostrophes and spacing). Null when none matches.',
  })
  async comune(
    @Ctx() ctx: HubContext,
    @Arg('istatCode', () => String, { nullable: true, description: 'ISTAT code, 6 digits.' })
    istatCode?: string | null,
    @Arg('name', () => String, { nullable: true, description: 'Name, e.g. "spino d adda".' })
    name?: string | null,
  ): Promise<Comune | null> {
    if ((istatCode == null) === (name == null))
      throw badInput('istatCode', 'give exactly one of "istatCode" or "name"');
    if (istatCode != null) return hubLoaders(ctx).comune.load(checkIstatCode(istatCode));
    const key = foldName(name!);
    if (!key) throw badInput('name', 'must contain at least one letter');
    return findComuneByNameKey(ctx, key);
  }

  @Query(() => ComuneConnection, {
    description: 'The comuni of the province of Cremona, filtered, ordered, keyset-paged.',
  })
  async comuni(@Ctx() ctx: HubContext, @Args(() => ComuniArgs) args: ComuniArgs) {
    const field = ORDER_COLUMN[args.orderBy?.field ?? ComuneOrderField.ISTAT_CODE];
    const page = readPage(args, ORDER_KEY[field]);
    const where: FilterQuery<Comune>[] = [];
    if (args.filter?.grouping)
      where.push({
        istatCode: { $in: await resolveTerritory(ctx, args.filter.grouping, 'filter.grouping') },
      });
    if (args.filter?.nameContains != null) {
      const key = foldName(args.filter.nameContains);
      if (!key) throw badInput('filter.nameContains', 'must contain at least one letter or digit');
      where.push({ nameKey: { $like: `%${key.replace(/[%_\\]/g, '\\$&')}%` } });
    }
    const dir = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
    return findPage(
      ctx.em,
      Comune,
      { $and: where },
      field === 'istatCode' ? { istatCode: dir } : { [field]: dir, istatCode: dir },
      page,
    );
  }

  @SizedBy('first', MAX_GROUPINGS_OF_COMUNE)
  @FieldResolver(() => [TerritorialGrouping], {
    description: 'Territorial groupings (raggruppamenti) this comune belongs to, by code.',
  })
  async groupings(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, {
      defaultValue: MAX_GROUPINGS_OF_COMUNE,
      description: `At most this many, 0 to ${MAX_GROUPINGS_OF_COMUNE} (all of them by default).`,
    })
    first: number,
  ): Promise<TerritorialGrouping[]> {
    const members = await hubLoaders(ctx).groupingsOfComune.load(comune.istatCode);
    return firstItems(members, first, MAX_GROUPINGS_OF_COMUNE, 'Comune.groupings').map(
      (m) => m.grouping,
    );
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Boundary (confine) as a GeoJSON geometry (Polygon or MultiPolygon, WGS84, lon/lat order), ISTAT limits via openpolis.',
  })
  async boundary(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<object | null> {
    return (await hubLoaders(ctx).boundary.load(comune.istatCode))?.boundary ?? null;
  }

  @FieldResolver(() => Source, {
    nullable: true,
    description:
      'Provenance of the boundary, and of the area and centroid computed from it (openpolis limits); null when the comune has no boundary. `source` is the provenance of the other fields (ISTAT list).',
  })
  async boundarySource(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<Source | null> {
    const id = comune.boundaryDataset?.id;
    if (!id) return null;
    const dataset = await hubLoaders(ctx).dataset.load(id);
    return dataset
      ? toSource(dataset, `limits_P_19_municipalities.geojson, feature ${comune.istatCode}`)
      : null;
  }
}

/** What the organisations and initiatives add to a comune. */
@Resolver(() => Comune)
export class ComuneOrganizationsResolver {
  @MaxItems(20)
  @FieldResolver(() => [OrganizationMember], {
    description:
      'Roles of the comune in shared organisations (e.g. lead or staff of the RTD territoriale office).',
  })
  organizationRoles(@Root() c: Comune, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return organizationLoaders(ctx).rolesOfComune.load(c.istatCode);
  }

  @MaxItems(100)
  @FieldResolver(() => [Initiative], {
    description:
      'Initiatives that concern the comune (trainings, protocols, working groups, plans, programmes), newest first, undated last; see Initiative.comuni for why.',
  })
  async initiatives(@Root() c: Comune, @Ctx() ctx: HubContext): Promise<Initiative[]> {
    const rows = await initiativeLoaders(ctx).initiativesOfComune.load(c.istatCode);
    return rows.map((r) => r.initiative.getEntity());
  }
}
