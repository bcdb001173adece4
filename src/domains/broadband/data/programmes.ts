import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanWorkState } from '../model/enums.js';
import type { FilterQuery } from '@mikro-orm/core';
import type { HubContext } from '../../../common/context.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import { BroadbandProgramme } from '../model/network.entity.js';
import { BroadbandMapping } from '../model/mapping.entity.js';

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

/** The public broadband programmes, by code. */
export function findProgrammes(ctx: HubContext): Promise<BroadbandProgramme[]> {
  return ctx.em.find(BroadbandProgramme, {}, { orderBy: { code: 'asc' } });
}

/** The mappings loaded, newest first (the first is the current one). */
export function findMappings(ctx: HubContext): Promise<BroadbandMapping[]> {
  return ctx.em.find(BroadbandMapping, {}, { orderBy: { year: 'desc' } });
}

/** The plan rows a check reads (one per place of a comune). */
export interface PlanFact {
  comune: string;
  name: string;
  fibre_in_plan: boolean;
  fibre_state: PlanWorkState | null;
  as_of: string | null;
  known_by: string | null;
  as_of_note: string;
  dataset_id: string;
}

/** Loads the plan rows and comune names of a grouping's members (one statement). */
export function planFacts(em: EntityManager, territory: string): Promise<PlanFact[]> {
  return em.execute<PlanFact[]>(
    `select m.comune_istat_code as comune, c.name, p.fibre_in_plan, p.fibre_state,
            to_char(p.as_of, 'YYYY-MM-DD') as as_of, to_char(p.known_by, 'YYYY-MM-DD') as known_by,
            p.as_of_note, p.dataset_id
       from grouping_member m join comune c on c.istat_code = m.comune_istat_code
       join broadband_plan_status p on p.comune_istat_code = m.comune_istat_code
      where m.grouping_code = ? order by m.comune_istat_code, p.place`,
    [territory],
  );
}
