import type { DatePrecision } from '../../../common/dates.js';
import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { manyLoader, oneLoader } from '../../../common/loaders.js';
import { FacilitationMeeting, FacilitationTally } from '../model/meeting.entity.js';
import { periodEndSql } from '../../../common/dates.js';
import { Conditions, keysetSql, pageOfCodes, type Page } from '../../../common/pagination.js';
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

/** Sort key of a session with no start time: after the timed ones of its day. */
export const NO_TIME = '24:00:00';

/** What `facilitationMeetings` filters on, checked; `comuni`: the territory resolved. */
export interface MeetingQuery {
  comuni: readonly string[] | null;
  from?: string | null;
  until?: string | null;
  kind?: string | null;
  audience?: string | null;
  status?: string | null;
}

/**
 * One keyset page of session codes by date, start time and code, and the count of every
 * match (asked only when a page past the end returns no row).
 */
export async function meetingPage(
  ctx: HubContext,
  f: MeetingQuery,
  page: Page,
): Promise<{ codes: string[]; count: () => Promise<number> }> {
  const where = new Conditions();
  if (f.comuni) where.add('m.comune_istat_code = any(?::text[])', comuniParam(f.comuni));
  if (f.from) where.add(`${periodEndSql('m."on"', 'm.precision')} >= ?::date`, f.from);
  if (f.until) where.add('m."on" <= ?::date', f.until);
  if (f.kind) where.add('m.kind = ?', f.kind);
  if (f.audience) where.add('m.audience = ?', f.audience);
  if (f.status) where.add('m.status = ?', f.status);
  const ks = keysetSql(['m."on"', `coalesce(m.start_time, time '${NO_TIME}')`, 'm.code'], page, [
    'date',
    'time',
    null,
  ]);
  return pageOfCodes(ctx.em, { code: 'm.code', from: 'pnrr_facilitation_meeting m', where }, ks);
}

/** The sessions reported only as a count, by date reported. */
export function findTallies(ctx: HubContext): Promise<FacilitationTally[]> {
  return ctx.em.find(FacilitationTally, {}, { orderBy: { reportedOn: 'asc', pk: 'asc' } });
}

/** The sessions held or announced in the comuni, one row each, by comune, date and code: one statement. */
export function meetingEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<{
    comune: string;
    on: string;
    precision: DatePrecision;
    title: string;
    code: string;
    dataset_id: string;
    source_note: string | null;
  }>(
    ctx,
    `select m.comune_istat_code as comune, to_char(m."on", 'YYYY-MM-DD') as "on", m.precision,
            'Digital facilitation: ' || m.title
              || coalesce(', ' || to_char(m.start_time, 'HH24:MI'), '')
              || coalesce(', ' || m.venue, '')
              || case when m.status = 'ANNOUNCED' then ' (announced)' else '' end as title,
            m.code, m.dataset_id, m.source_note
       from pnrr_facilitation_meeting m
      where m.comune_istat_code = any(?::text[])
      order by 1, 2, m.code`,
    [comuniParam(comuni)],
  );
}
