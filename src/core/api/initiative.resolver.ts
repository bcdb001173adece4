import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { dayRange } from '../../common/dates.js';
import { Connection, connectionOf, key, readPage } from '../../common/pagination.js';
import { Comune } from '../model/comune.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { Organization } from '../model/organization.entity.js';
import { resolveTerritory } from '../data/territory.js';
import { Initiative, InitiativeComune, InitiativeParticipant } from '../model/initiative.entity.js';
import { InitiativesArgs } from './initiative.inputs.js';
import { initiativeLoaders } from '../data/initiative.loaders.js';
import { initiativePage, UNDATED } from '../data/initiative.query.js';
import { MAX_COMUNI, MaxItems } from '../../common/limits.js';

/** A page of initiatives. */
export const InitiativeConnection = Connection(Initiative, 'Initiative', 'initiatives');

/** The cursor key of an initiative: [days before 9999-12-31, code] (see data/initiative.query.ts). */
const daysBeforeEnd = (on: string | null | undefined) =>
  (Date.UTC(9999, 11, 31) - Date.parse(`${on ?? UNDATED}T00:00:00Z`)) / 86_400_000;

/** Initiatives of the territory's organisations. */
@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, {
    description:
      'Initiatives of the organisations of the territory (trainings, protocols, working groups, plans, programmes), newest first, undated last; keyset-paged.',
  })
  async initiatives(@Ctx() ctx: HubContext, @Args(() => InitiativesArgs) args: InitiativesArgs) {
    const page = readPage(args, key('int', 'string'));
    const f = { ...args.filter, ...dayRange(args.filter) };
    const comuni = f.territory
      ? await resolveTerritory(ctx, f.territory, 'filter.territory')
      : null;
    const { codes, count } = await initiativePage(ctx, { ...f, comuni }, page);
    const found = await initiativeLoaders(ctx).initiative.loadMany(codes);
    const nodes = found.filter((x): x is Initiative => x instanceof Initiative);
    return connectionOf(nodes, page, (i) => [daysBeforeEnd(i.on), i.code], count);
  }

  @Query(() => Initiative, { nullable: true, description: 'One initiative by code.' })
  initiative(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Code, e.g. "regis-training-2022-12-14".' })
    code: string,
  ): Promise<Initiative | null> {
    return initiativeLoaders(ctx).initiative.load(code);
  }

  @MaxItems(50)
  @FieldResolver(() => [InitiativeParticipant], {
    description:
      'Organisations taking part (enti coinvolti), with their roles, in the order the source gives.',
  })
  organizations(@Root() i: Initiative, @Ctx() ctx: HubContext): Promise<InitiativeParticipant[]> {
    return initiativeLoaders(ctx).participantsOfInitiative.load(i.code);
  }

  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [InitiativeComune], {
    description:
      'Comuni the initiative concerns, by ISTAT code, each with why (see concernsNote); its dated events are in their timelines.',
  })
  comuni(@Root() i: Initiative, @Ctx() ctx: HubContext): Promise<InitiativeComune[]> {
    return initiativeLoaders(ctx).comuniOfInitiative.load(i.code);
  }
}

/** The organisation of a participation. */
@Resolver(() => InitiativeParticipant)
export class InitiativeParticipantResolver {
  @FieldResolver(() => Organization, { description: 'The organisation.' })
  async organization(
    @Root() p: InitiativeParticipant,
    @Ctx() ctx: HubContext,
  ): Promise<Organization> {
    const o = await hubLoaders(ctx).organization.load(p.organization.unwrap().code);
    if (!o) throw new Error(`organisation ${p.organization.unwrap().code} is missing`);
    return o;
  }

  @FieldResolver(() => Initiative, { description: 'The initiative.' })
  async initiative(@Root() p: InitiativeParticipant, @Ctx() ctx: HubContext): Promise<Initiative> {
    const i = await initiativeLoaders(ctx).initiative.load(p.initiative.unwrap().code);
    if (!i) throw new Error(`initiative ${p.initiative.unwrap().code} is missing`);
    return i;
  }
}

/** The comune of an initiative's concern. */
@Resolver(() => InitiativeComune)
export class InitiativeComuneResolver {
  @FieldResolver(() => Comune, { description: 'The comune.' })
  async comune(@Root() c: InitiativeComune, @Ctx() ctx: HubContext): Promise<Comune> {
    const found = await hubLoaders(ctx).comune.load(c.comune.unwrap().istatCode);
    if (!found) throw new Error(`comune ${c.comune.unwrap().istatCode} is missing`);
    return found;
  }

  @FieldResolver(() => Initiative, { description: 'The initiative.' })
  async initiative(@Root() c: InitiativeComune, @Ctx() ctx: HubContext): Promise<Initiative> {
    const i = await initiativeLoaders(ctx).initiative.load(c.initiative.unwrap().code);
    if (!i) throw new Error(`initiative ${c.initiative.unwrap().code} is missing`);
    return i;
  }
}
