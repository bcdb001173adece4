import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { manyLoader, oneLoader } from '../../../common/loaders.js';
import { FacilitationMeeting } from '../model/meeting.entity.js';
import { comuniParam } from '../../../common/keys.js';

/** Per-comune counts of the facilitation sessions (one statement for any set of comuni). */
export interface ComuneFacilitationCounts {
  comune: string;
  meetings: number;
  held: number;
  announced: number;
  /** Sessions reported only as a count by programmes that concern the comune. */
  unplaced: number;
}

/** The facilitation DataLoaders, built once per request. */
function createFacilitationLoaders(ctx: HubContext) {
  const { em } = ctx;
  return {
    meeting: oneLoader(
      (codes: readonly string[]) => em.find(FacilitationMeeting, { code: { $in: [...codes] } }),
      (m) => m.code,
    ),
    /** Sessions in each comune, oldest first. */
    meetingsOfComune: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          FacilitationMeeting,
          { comune: { $in: [...codes] } },
          { orderBy: { on: 'asc', startTime: 'asc', code: 'asc' } },
        ),
      (m) => m.comune!.unwrap().istatCode,
    ),
    counts: new DataLoader<string, ComuneFacilitationCounts>(async (codes) => {
      const rows = await readRows<ComuneFacilitationCounts>(
        ctx,
        `select u.code as comune,
                count(m.code)::int as meetings,
                (count(m.code) filter (where m.status = 'HELD'))::int as held,
                (count(m.code) filter (where m.status = 'ANNOUNCED'))::int as announced,
                coalesce((select sum(t.count) from pnrr_facilitation_tally t
                   join initiative_comune ic on ic.initiative_code = t.programme_code
                  where ic.comune_istat_code = u.code), 0)::int as unplaced
           from unnest(?::text[]) as u(code)
           left join pnrr_facilitation_meeting m on m.comune_istat_code = u.code
          group by u.code`,
        [comuniParam(codes)],
      );
      const byCode = new Map(rows.map((r) => [r.comune, r]));
      return codes.map((c) => byCode.get(c)!);
    }),
  };
}

/** The facilitation loaders of this request. */
export const facilitationLoaders = defineLoaders(createFacilitationLoaders);
