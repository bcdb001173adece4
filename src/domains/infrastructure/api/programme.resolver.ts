import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { key, PageArgs, pageOfList, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { ComuneConnection } from '../../../core/api/comune.resolver.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { infrastructureLoaders } from '../data/loaders.js';
import { ProgrammeLot } from '../model/lot.entity.js';
import { ProgrammeMilestone } from '../model/milestone.entity.js';
import { UpgradeProgramme } from '../model/programme.entity.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';
import { loadOrFail } from '../../../common/loaders.js';

/** Member comuni of a grouping, by ISTAT code, through the request's loaders. */
export async function groupingComuni(ctx: HubContext, code: string): Promise<Comune[]> {
  const loaders = hubLoaders(ctx);
  const members = await loaders.membersOfGrouping.load(code);
  const comuni = await loaders.comune.loadMany(members.map((m) => m.comune.unwrap().istatCode));
  return comuni.filter((c): c is Comune => c instanceof Comune);
}

const org = (ctx: HubContext, code: string | undefined) =>
  code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);

/**
 * Most upgrade programmes (1 today: the consortium runs one per several years), tender lots
 * of a programme (4 today) and milestones of a programme (4 today).
 */
export const MAX_PROGRAMMES = 10;
const MAX_LOTS = 20;
const MAX_MILESTONES = 50;

/** Upgrade programmes of the collection centres and their relations. */
@Resolver(() => UpgradeProgramme)
export class UpgradeProgrammeResolver {
  @MaxItems(MAX_PROGRAMMES)
  @Query(() => [UpgradeProgramme], {
    description: 'Upgrade programmes of the municipal collection centres, by code.',
  })
  upgradeProgrammes(@Ctx() ctx: HubContext): Promise<UpgradeProgramme[]> {
    return infrastructureLoaders(ctx).programmes();
  }

  @Query(() => UpgradeProgramme, { nullable: true, description: 'One upgrade programme by code.' })
  async upgradeProgramme(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Programme code, e.g. "ccr-upgrade-2023".' })
    code: string,
  ): Promise<UpgradeProgramme | null> {
    return (await infrastructureLoaders(ctx).programmes()).find((p) => p.code === code) ?? null;
  }

  @FieldResolver(() => Organization, { description: 'Who invests (investitore).' })
  async investor(@Root() p: UpgradeProgramme, @Ctx() ctx: HubContext): Promise<Organization> {
    return loadOrFail(hubLoaders(ctx).organization, p.investor.unwrap().code, 'organisation');
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The operator whose fee pays the investment back (canone del gestore).',
  })
  feePayer(@Root() p: UpgradeProgramme, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return org(ctx, p.feePayer?.unwrap().code);
  }

  @FieldResolver(() => ComuneConnection, {
    description: 'Participating comuni (comuni aderenti), by ISTAT code, keyset-paged.',
  })
  async participants(
    @Root() p: UpgradeProgramme,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) args: PageArgs,
  ) {
    const page = readPage(args, key('string'));
    const all = await groupingComuni(ctx, p.participants.unwrap().code);
    all.sort((a, b) => (a.istatCode < b.istatCode ? -1 : 1));
    return pageOfList(all, page, (c) => [c.istatCode]);
  }

  @FieldResolver(() => TerritorialGrouping, {
    description: 'The grouping of participants: its code works as a `territory` argument.',
  })
  async participantsGrouping(
    @Root() p: UpgradeProgramme,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialGrouping> {
    return loadOrFail(hubLoaders(ctx).grouping, p.participants.unwrap().code, 'grouping');
  }

  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [Comune], {
    description: 'Comuni left out of the programme (see exclusionReason), by ISTAT code.',
  })
  excludedComuni(@Root() p: UpgradeProgramme, @Ctx() ctx: HubContext): Promise<Comune[]> {
    const code = p.excluded?.unwrap().code;
    return code ? groupingComuni(ctx, code) : Promise.resolve([]);
  }

  @FieldResolver(() => TerritorialGrouping, {
    nullable: true,
    description: 'The grouping of excluded comuni, if any.',
  })
  excludedGrouping(
    @Root() p: UpgradeProgramme,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialGrouping | null> {
    const code = p.excluded?.unwrap().code;
    return code ? hubLoaders(ctx).grouping.load(code) : Promise.resolve(null);
  }

  @MaxItems(MAX_LOTS)
  @FieldResolver(() => [ProgrammeLot], { description: 'Tender lots (lotti), by number.' })
  lots(@Root() p: UpgradeProgramme, @Ctx() ctx: HubContext): Promise<ProgrammeLot[]> {
    return infrastructureLoaders(ctx).lotsOfProgramme.load(p.code);
  }

  @MaxItems(MAX_MILESTONES)
  @FieldResolver(() => [ProgrammeMilestone], { description: 'Milestones (tappe), by date.' })
  milestones(@Root() p: UpgradeProgramme, @Ctx() ctx: HubContext): Promise<ProgrammeMilestone[]> {
    return infrastructureLoaders(ctx).milestonesOfProgramme.load(p.code);
  }
}
