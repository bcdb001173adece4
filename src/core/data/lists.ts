import type { FilterQuery } from '@mikro-orm/core';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';
import { Dataset } from '../model/dataset.entity.js';
import { TerritorialGrouping } from '../model/grouping.entity.js';
import { Organization } from '../model/organization.entity.js';
import { DataQualityIssue } from '../model/quality.entity.js';

/** The territorial groupings by code, at most `limit`. */
export function findGroupings(ctx: HubContext, limit: number): Promise<TerritorialGrouping[]> {
  return ctx.em.find(TerritorialGrouping, {}, { orderBy: { code: 'asc' }, limit });
}

/** Every organisation, by name. */
export function findOrganizations(ctx: HubContext): Promise<Organization[]> {
  return ctx.em.find(Organization, {}, { orderBy: { name: 'asc' } });
}

/** Every dataset held by the hub, by id. */
export function findDatasets(ctx: HubContext): Promise<Dataset[]> {
  return ctx.em.find(Dataset, {}, { orderBy: { id: 'asc' } });
}

/** One comune by its folded name (`foldName`), or null. */
export function findComuneByNameKey(ctx: HubContext, nameKey: string): Promise<Comune | null> {
  return ctx.em.findOne(Comune, { nameKey });
}

/** Data-quality flags matching `where`, by domain, code and insertion. */
export function findQualityIssues(
  ctx: HubContext,
  where: FilterQuery<DataQualityIssue>,
): Promise<DataQualityIssue[]> {
  return ctx.em.find(DataQualityIssue, where, {
    orderBy: { domain: 'asc', code: 'asc', pk: 'asc' },
  });
}
