import type { DatePrecision } from '../../../common/dates.js';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { manyLoader, oneLoader } from '../../../common/loaders.js';
import { CollectionCentre } from '../model/collection-centre.entity.js';
import { ProgrammeLot } from '../model/lot.entity.js';
import { ProgrammeMilestone } from '../model/milestone.entity.js';
import { UpgradeProgramme } from '../model/programme.entity.js';
import { comuniParam } from '../../../common/keys.js';

/** The infrastructure DataLoaders, built once per request. */
function createInfrastructureLoaders(ctx: HubContext) {
  const { em } = ctx;
  let programmes: Promise<UpgradeProgramme[]> | undefined;
  return {
    /** Collection centres by primary key (global ids). */
    centre: oneLoader(
      (pks: readonly number[]) => em.find(CollectionCentre, { pk: { $in: [...pks] } }),
      (c) => c.pk,
    ),
    /** Lots by code (global ids). */
    lot: oneLoader(
      (codes: readonly string[]) => em.find(ProgrammeLot, { code: { $in: [...codes] } }),
      (l) => l.code,
    ),
    /** Milestones by primary key (global ids). */
    milestone: oneLoader(
      (pks: readonly number[]) => em.find(ProgrammeMilestone, { pk: { $in: [...pks] } }),
      (m) => m.pk,
    ),
    /** Collection centres of each comune, by ISTAT code. */
    centresOfComune: manyLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            `select * from collection_centre where comune_istat_code = any(?::text[])
              order by kind desc, name_key, pk`,
            [comuniParam(codes)],
          )
        ).map((r) => em.map(CollectionCentre, r)),
      (c) => c.comune.unwrap().istatCode,
    ),
    /** Every upgrade programme (a handful), read once per request. */
    programmes: () => (programmes ??= em.find(UpgradeProgramme, {}, { orderBy: { code: 'asc' } })),
    /** Lots of each programme, by programme code. */
    lotsOfProgramme: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          ProgrammeLot,
          { programme: { $in: [...codes] } },
          { orderBy: { number: 'asc', code: 'asc' } },
        ),
      (l) => l.programme.unwrap().code,
    ),
    /** Milestones of each programme, by programme code, in date order. */
    milestonesOfProgramme: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          ProgrammeMilestone,
          { programme: { $in: [...codes] } },
          { orderBy: { on: 'asc', pk: 'asc' } },
        ),
      (m) => m.programme.unwrap().code,
    ),
  };
}

/** The infrastructure loaders of this request. */
export const infrastructureLoaders = defineLoaders(createInfrastructureLoaders);

/** The located collection centres of the comuni, by comune and pk, at most `limit`. */
export function locatedCentres(
  ctx: HubContext,
  comuni: readonly string[],
  limit: number,
): Promise<CollectionCentre[]> {
  return ctx.em.find(
    CollectionCentre,
    { comune: { $in: [...comuni] }, lat: { $ne: null }, lon: { $ne: null } },
    { orderBy: { comune: 'asc', pk: 'asc' }, limit },
  );
}

/** The milestones of the programmes the comuni take part in, as timeline rows: one statement for any number of comuni. */
export function milestoneEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<{
    comune: string;
    on: string;
    precision: DatePrecision;
    status: string;
    description: string;
    pk: number;
    programme: string;
    dataset_id: string;
    source_note: string | null;
  }>(
    ctx,
    `select gm.comune_istat_code as comune, to_char(m."on", 'YYYY-MM-DD') as "on", m.precision,
            m.status, m.description, m.pk, p.name as programme, m.dataset_id, m.source_note
       from programme_milestone m
       join upgrade_programme p on p.code = m.programme_code
       join grouping_member gm on gm.grouping_code = p.participants_code
      where gm.comune_istat_code = any(?::text[])
      order by gm.comune_istat_code, m."on", m.pk`,
    [comuniParam(comuni)],
  );
}
