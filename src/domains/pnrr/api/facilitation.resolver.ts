import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { dayRange } from '../../../common/dates.js';
import { Connection, connectionOf, key, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Initiative } from '../../../core/model/initiative.entity.js';
import { initiativeLoaders } from '../../../core/data/initiative.loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { FacilitationMeetingsArgs } from './facilitation.inputs.js';
import {
  facilitationLoaders,
  findTallies,
  meetingPage,
  NO_TIME,
} from '../data/facilitation.loaders.js';
import { FacilitationMeeting, FacilitationTally } from '../model/meeting.entity.js';
import { MaxItems } from '../../../common/limits.js';
import { loadOrFail } from '../../../common/loaders.js';

/** A page of facilitation sessions. */
export const FacilitationMeetingConnection = Connection(
  FacilitationMeeting,
  'FacilitationMeeting',
  'facilitation sessions',
);

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
    const f = { ...args.filter, ...dayRange(args.filter) };
    const comuni = f.territory
      ? await resolveTerritory(ctx, f.territory, 'filter.territory')
      : null;
    const { codes, count } = await meetingPage(ctx, { ...f, comuni }, page);
    const found = await facilitationLoaders(ctx).meeting.loadMany(codes);
    const nodes = found.filter((m): m is FacilitationMeeting => m instanceof FacilitationMeeting);
    return connectionOf(nodes, page, (m) => [m.on, m.startTime ?? NO_TIME, m.code], count);
  }

  @MaxItems(100)
  @Query(() => [FacilitationTally], {
    description:
      'Facilitation sessions reported only as a count, without dates or comuni (e.g. "12 public meetings already held in Cremasco comuni", late November 2025).',
  })
  facilitationTallies(@Ctx() ctx: HubContext): Promise<FacilitationTally[]> {
    return findTallies(ctx);
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
