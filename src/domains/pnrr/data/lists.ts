import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../../common/context.js';
import { Claim } from '../model/claim.entity.js';
import type { ClaimTopic } from '../model/enums.js';
import { PnrrFramework } from '../model/framework.entity.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrProject } from '../model/project.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';

/** The press claims, of one topic or all, by code. */
export function findClaims(ctx: HubContext, topic: ClaimTopic | null): Promise<Claim[]> {
  return ctx.em.find(Claim, topic ? { topic } : {}, { orderBy: { code: 'asc' } });
}

/** The PNRR framework (the first by code), or null when not loaded. */
export async function findFramework(ctx: HubContext): Promise<PnrrFramework | null> {
  const [f] = await ctx.em.find(PnrrFramework, {}, { orderBy: { code: 'asc' }, limit: 1 });
  return f ?? null;
}

/** The PA digitale 2026 measures, by code. */
export function findMeasures(ctx: HubContext): Promise<PnrrMeasure[]> {
  return ctx.em.find(PnrrMeasure, {}, { orderBy: { code: 'asc' } });
}

/** The notices, of one measure or all, newest first. */
export function findNotices(ctx: HubContext, measure: string | null): Promise<PnrrNotice[]> {
  return ctx.em.find(PnrrNotice, measure ? { measure } : {}, {
    orderBy: { opensOn: 'desc nulls last', title: 'asc' },
  });
}

/** One grant by primary key (`node(id)`), or null. */
export function findGrant(ctx: HubContext, pk: number): Promise<PnrrGrant | null> {
  return ctx.em.findOne(PnrrGrant, { pk });
}

/** One project by local code (`node(id)`), or null. */
export function findProject(ctx: HubContext, localCode: string): Promise<PnrrProject | null> {
  return ctx.em.findOne(PnrrProject, { localCode });
}

/** One claim by code (`node(id)`), or null. */
export function findClaim(ctx: HubContext, code: string): Promise<Claim | null> {
  return ctx.em.findOne(Claim, { code });
}

/** Every press claim, by code (on the caller's EntityManager: a quality refresh's transaction). */
export function allClaims(em: EntityManager): Promise<Claim[]> {
  return em.find(Claim, {}, { orderBy: { code: 'asc' } });
}
