import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { isoDay, periodEndSql } from '../../../common/dates.js';
import { badInput } from '../../../common/errors.js';
import { Connection, connectionOf, key, keysetSql, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Initiative } from '../../../core/model/initiative.entity.js';
import { initiativeLoaders } from '../../../core/data/initiative.loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { FacilitationMeetingsArgs } from './facilitation.inputs.js';
import { facilitationLoaders } from '../data/facilitation.loaders.js';
import { FacilitationMeeting, FacilitationTally } from '../model/meeting.entity.js';
import { MaxItems } from '../../../common/limits.js';
import { loadOrFail } from '../../../common/loaders.js';
import { comuniParam } from '../../../common/keys.js';

/** A page of facilitation sessions. */
export const FacilitationMeetingConnection = Connection(
  FacilitationMeeting,
  'FacilitationMeeting',
  'facilitation sessions',
);

/** Sort key of a session with no start time: after the timed ones of its day. */
const NO_TIME = '24:00:00';

/** Sessions of the PNRR digital facilitation. */
@Resolver(() => FacilitationMeeting)
export class FacilitationMeetingResolver {
  @Query(() => FacilitationMeetingConnection, {
    description:
      'Sessions of the PNRR digital facilitation (public meetings, courses, trainings) by date and start time, keyset-paged. For "the next meetings near me": `filter: { territory: <ISTAT or grouping code>, from: <today>, audience: CITIZENS }` (a point gives its comune through `comuneAt`). Sessions reported only as a count are in `facilitationTallies`.',
  })
  async facilitationMeetings(
    @Ctx() ctx: HubContext,
    @Args(() => FacilitationMeetingsArgs) args: FacilitationMeetingsArgs,
  ) {
    const page = readPage(args, key('date', 'string', 'string'));
    const f = {
      ...args.filter,
      from: isoDay(args.filter?.from),
      until: isoDay(args.filter?.until),
    };
    if (f.from && f.until && f.from > f.until)
      throw badInput('filter.until', `${f.until} is before filter.from ${f.from}`);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (f.territory) {
      const comuni = await resolveTerritory(ctx, f.territory, 'filter.territory');
      add('m.comune_istat_code = any(?::text[])', comuniParam(comuni));
    }
    if (f.from) add(`${periodEndSql('m."on"', 'm.precision')} >= ?::date`, f.from);
    if (f.until) add('m."on" <= ?::date', f.until);
    if (f.kind) add('m.kind = ?', f.kind);
    if (f.audience) add('m.audience = ?', f.audience);
    if (f.status) add('m.status = ?', f.status);
    const ks = keysetSql(['m."on"', `coalesce(m.start_time, time '${NO_TIME}')`, 'm.code'], page, [
      'date',
      'time',
      null,
    ]);
    const conditions = [...where, ...ks.conditions];
    const rows = await ctx.em.getConnection().execute<{ code: string }[]>(
      `select m.code from pnrr_facilitation_meeting m
          ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
          order by ${ks.orderBy} limit ?`,
      [...params, ...ks.params, ks.limit],
    );
    const found = await facilitationLoaders(ctx).meeting.loadMany(rows.map((r) => r.code));
    const nodes = found.filter((m): m is FacilitationMeeting => m instanceof FacilitationMeeting);
    const count = async () => {
      const [r] = await ctx.em
        .getConnection()
        .execute<{ n: number }[]>(
          `select count(*)::int as n from pnrr_facilitation_meeting m ${where.length ? `where ${where.join(' and ')}` : ''}`,
          params,
        );
      return r.n;
    };
    return connectionOf(nodes, page, (m) => [m.on, m.startTime ?? NO_TIME, m.code], count);
  }

  @MaxItems(100)
  @Query(() => [FacilitationTally], {
    description:
      'Facilitation sessions reported only as a count, without dates or comuni (e.g. "12 public meetings already held in Cremasco comuni", late November 2025).',
  })
  facilitationTallies(@Ctx() ctx: HubContext): Promise<FacilitationTally[]> {
    return ctx.em.find(FacilitationTally, {}, { orderBy: { reportedOn: 'asc', pk: 'asc' } });
  }

  @FieldResolver(() => Comune, {
    nullable: true,
    description:
      'The comune where it takes place; null when the source does not say (see locationNote).',
  })
  comune(@Root() m: FacilitationMeeting, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = m.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }

  @MaxItems(20)
  @FieldResolver(() => [Organization], {
    description:
      'Organisations the source names with the session (host, co-organiser); may be empty.',
  })
  async organizations(
    @Root() m: FacilitationMeeting,
    @Ctx() ctx: HubContext,
  ): Promise<Organization[]> {
    const found = await hubLoaders(ctx).organization.loadMany(m.organizationCodes);
    return found.filter((o): o is Organization => o instanceof Organization);
  }

  @FieldResolver(() => Initiative, { description: 'The facilitation programme (an initiative).' })
  async programme(@Root() m: FacilitationMeeting, @Ctx() ctx: HubContext): Promise<Initiative> {
    return loadOrFail(initiativeLoaders(ctx).initiative, m.programme.unwrap().code, 'initiative');
  }
}

/** The programme of a tally. */
@Resolver(() => FacilitationTally)
export class FacilitationTallyResolver {
  @FieldResolver(() => Initiative, { description: 'The facilitation programme (an initiative).' })
  async programme(@Root() t: FacilitationTally, @Ctx() ctx: HubContext): Promise<Initiative> {
    return loadOrFail(initiativeLoaders(ctx).initiative, t.programme.unwrap().code, 'initiative');
  }
}
