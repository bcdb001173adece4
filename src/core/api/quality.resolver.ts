import { Arg, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';
import { TerritorialGrouping } from '../model/grouping.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { DataQualityIssue } from '../model/quality.entity.js';
import { checkIstatCode } from '../data/territory.js';
import { MaxItems } from '../../common/limits.js';
import { findQualityIssues } from '../data/lists.js';

/** Filter of data-quality flags. */
@InputType({ description: 'Filter of data-quality flags; all given conditions must hold.' })
export class DataQualityFilter {
  @Field(() => String, { nullable: true, description: 'Only flags concerning this comune.' })
  comune?: string | null;
  @Field(() => String, { nullable: true, description: 'Only flags of this domain.' })
  domain?: string | null;
  @Field(() => String, { nullable: true, description: 'Only flags with this code.' })
  code?: string | null;
}

/** Data-quality flags of every domain. */
@Resolver(() => DataQualityIssue)
export class QualityResolver {
  @MaxItems(1000)
  @Query(() => [DataQualityIssue], {
    description: 'Data-quality flags (segnalazioni) raised by every domain, by domain and code.',
  })
  dataQualityIssues(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => DataQualityFilter, { nullable: true }) filter?: DataQualityFilter | null,
  ): Promise<DataQualityIssue[]> {
    const where: FilterQuery<DataQualityIssue> = {};
    if (filter?.comune) where.comune = checkIstatCode(filter.comune, 'filter.comune');
    if (filter?.domain) where.domain = filter.domain;
    if (filter?.code) where.code = filter.code;
    return findQualityIssues(ctx, where);
  }

  @FieldResolver(() => TerritorialGrouping, {
    nullable: true,
    description:
      'The grouping the flag concerns, if one: every member comune inherits the flag (see `Comune.qualityIssues(origin:)`).',
  })
  territory(
    @Root() issue: DataQualityIssue,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialGrouping | null> {
    const code = issue.grouping?.unwrap().code;
    return code ? hubLoaders(ctx).grouping.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Comune, { nullable: true, description: 'The comune concerned, if one.' })
  comune(@Root() issue: DataQualityIssue, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = issue.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }
}
