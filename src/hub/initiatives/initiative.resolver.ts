import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { isoDay, periodEndSql } from '../../common/dates.js';
import { badInput } from '../../common/errors.js';
import { Connection, decodeCursor, fromRows, pageSize } from '../../common/pagination.js';
import { Comune } from '../comune.entity.js';
import { hubLoaders } from '../hub.loaders.js';
import { Organization } from '../organization.entity.js';
import { resolveTerritory } from '../territory.js';
import { Initiative, InitiativeComune, InitiativeParticipant } from './initiative.entity.js';
import { InitiativesArgs } from './initiative.inputs.js';
import { initiativeLoaders } from './initiative.loaders.js';

/** A page of initiatives. */
export const InitiativeConnection = Connection(Initiative, 'Initiative', 'initiatives');

/** Sort key of undated initiatives: after every dated one (newest first). */
const UNDATED = '0001-01-01';

/** Checks an initiatives cursor: [date, code]. */
function checkCursor(after: string | null | undefined): [string, string] | null {
  if (after == null) return null;
  const key = decodeCursor(after);
  if (
    key.length !== 2 ||
    typeof key[0] !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(key[0]) ||
    typeof key[1] !== 'string'
  )
    throw badInput('after', 'is not a cursor returned by this connection');
  return [key[0], key[1]];
}

/** Initiatives of the territory's organisations. */
@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, {
    description:
      'Initiatives of the organisations of the territory (trainings, protocols, working groups, plans, programmes), newest first, undated last; keyset-paged.',
  })
  async initiatives(@Ctx() ctx: HubContext, @Args(() => InitiativesArgs) args: InitiativesArgs) {
    const first = pageSize(args.first);
    const after = checkCursor(args.after);
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
      const comuni = await resolveTerritory(ctx.em, f.territory, 'filter.territory');
      // An array parameter expands to a list: `in (?)`, and no comune matches nothing.
      if (comuni.length)
        add(
          'exists (select 1 from initiative_comune c where c.initiative_code = i.code and c.comune_istat_code in (?))',
          comuni,
        );
      else where.push('false');
    }
    if (f.kind) add('i.kind = ?', f.kind);
    if (f.organization)
      add(
        'exists (select 1 from initiative_participant p where p.initiative_code = i.code and p.organization_code = ?)',
        f.organization,
      );
    if (f.from)
      add(`i."on" is not null and ${periodEndSql('i."on"', 'i.precision')} >= ?::date`, f.from);
    if (f.until) add('i."on" is not null and i."on" <= ?::date', f.until);
    const rows = await ctx.em.getConnection().execute<{ code: string; d: string; total: number }[]>(
      `with f as (select i.code, to_char(coalesce(i."on", date '${UNDATED}'), 'YYYY-MM-DD') as d
                    from initiative i ${where.length ? `where ${where.join(' and ')}` : ''})
       select code, d, (select count(*)::int from f) as total from f
        ${after ? 'where (d < ? or (d = ? and code > ?))' : ''}
        order by d desc, code asc limit ?`,
      [...params, ...(after ? [after[0], after[0], after[1]] : []), first + 1],
    );
    const found = await initiativeLoaders(ctx).initiative.loadMany(rows.map((r) => r.code));
    const nodes = found.filter((x): x is Initiative => x instanceof Initiative);
    const total = rows[0]?.total ?? (after ? await this.count(ctx, where, params) : 0);
    return fromRows(nodes, first, total, (i) => [i.on ?? UNDATED, i.code], args.after);
  }

  /** Total matching when a page past the end returns no row. */
  private async count(ctx: HubContext, where: string[], params: unknown[]): Promise<number> {
    const [r] = await ctx.em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from initiative i ${where.length ? `where ${where.join(' and ')}` : ''}`,
        params,
      );
    return r.n;
  }

  @Query(() => Initiative, { nullable: true, description: 'One initiative by code.' })
  initiative(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Code, e.g. "regis-training-2022-12-14".' })
    code: string,
  ): Promise<Initiative | null> {
    return initiativeLoaders(ctx).initiative.load(code);
  }

  @FieldResolver(() => [InitiativeParticipant], {
    description:
      'Organisations taking part (enti coinvolti), with their roles, in the order the source gives.',
  })
  organizations(@Root() i: Initiative, @Ctx() ctx: HubContext): Promise<InitiativeParticipant[]> {
    return initiativeLoaders(ctx).participantsOfInitiative.load(i.code);
  }

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
