import type { FilterQuery } from '@mikro-orm/core';
import type { HubContext } from '../../../common/context.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import { BroadbandProgramme } from '../model/network.entity.js';

/** Broadband press claims by code, optionally of one programme and/or (not) verifiable. */
export function findClaims(
  ctx: HubContext,
  filter: { programme?: string | null; verifiable?: boolean | null },
): Promise<BroadbandClaim[]> {
  const where: FilterQuery<BroadbandClaim> = {};
  if (filter.programme != null) where.programme = filter.programme;
  if (filter.verifiable != null) where.verifiable = filter.verifiable;
  return ctx.em.find(BroadbandClaim, where, { orderBy: { code: 'asc' } });
}

/** The claims about one programme, by code. */
export function claimsOfProgramme(ctx: HubContext, programme: string): Promise<BroadbandClaim[]> {
  return ctx.em.find(BroadbandClaim, { programme }, { orderBy: { code: 'asc' } });
}

/** One programme by code (from the identity map when already loaded). */
export function findProgramme(ctx: HubContext, code: string): Promise<BroadbandProgramme | null> {
  return ctx.em.findOne(BroadbandProgramme, { code });
}
