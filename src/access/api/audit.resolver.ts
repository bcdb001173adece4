import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { Connection, findPage, key, readPage } from '../../common/pagination.js';
import { Comune } from '../../core/model/comune.entity.js';
import { hubLoaders } from '../../core/data/loaders.js';
import { checkIstatCode } from '../../core/data/territory.js';
import { AccessLogEntry } from '../model/access-log.entity.js';
import { readPersonal } from '../access-log.js';
import { AccessLogArgs, ChangesArgs } from './inputs.js';
import { ChangeLogEntry } from '../model/change-log.entity.js';
import { requireRole, scopeOf } from '../guard.js';

/** A page of change-log entries. */
export const ChangeLogConnection = Connection(ChangeLogEntry, 'ChangeLog', 'changes');
/** A page of access-log entries. */
export const AccessLogConnection = Connection(
  AccessLogEntry,
  'AccessLog',
  'reads of personal data',
);

/** The change log: admins see everything, editors their comuni and domains. */
@Resolver(() => ChangeLogEntry)
export class ChangeLogResolver {
  @Query(() => ChangeLogConnection, {
    description:
      'The change log (registro delle modifiche), newest first: for ADMIN keys, and for EDITOR keys on their comuni and domains.',
  })
  async changes(@Ctx() ctx: HubContext, @Args(() => ChangesArgs) args: ChangesArgs) {
    const actor = requireRole(ctx, 'The change log', 'EDITOR', 'ADMIN');
    const page = readPage(args, key('bigint'));
    const f = args.filter ?? {};
    const where: FilterQuery<ChangeLogEntry>[] = [];
    const scope = scopeOf(actor);
    if (f.comune) {
      const comune = checkIstatCode(f.comune, 'filter.comune');
      if (scope && !scope.comuni.includes(comune))
        throw forbidden(
          `The change log of comune ${comune} is not readable with key "${actor.label}".`,
        );
      where.push({ comune });
    }
    if (scope) {
      where.push({ comune: { $in: scope.comuni } });
      if (scope.domains.length) where.push({ domain: { $in: scope.domains } });
    }
    if (f.domain) where.push({ domain: f.domain });
    if (f.entity) where.push({ entity: f.entity });
    return findPage(ctx.em, ChangeLogEntry, { $and: where }, { pk: 'desc' }, page);
  }

  @FieldResolver(() => Comune, { description: 'The comune whose data changed.' })
  async comune(@Root() e: ChangeLogEntry, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(e.comune.unwrap().istatCode))!;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'The value before the change (JSON); null when the field was empty.',
  })
  before(@Root() e: ChangeLogEntry, @Ctx() ctx: HubContext): Promise<unknown> {
    return valueOf(ctx, e, 'before');
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'The value after the change (JSON); null when the field was emptied.',
  })
  after(@Root() e: ChangeLogEntry, @Ctx() ctx: HubContext): Promise<unknown> {
    return valueOf(ctx, e, 'after');
  }
}

/** A logged value; personal ones go through the same rule and log as the records. */
async function valueOf(ctx: HubContext, e: ChangeLogEntry, which: 'before' | 'after') {
  if (!e.personal) return e[which] ?? null;
  const read = { comune: e.comune.unwrap().istatCode, domain: e.domain, entity: e.entity };
  return readPersonal(ctx, { ...read, field: `${e.field} (change log: ${which})` }, e[which]);
}

/** The access log: reads of personal data, for ADMIN keys only. */
@Resolver(() => AccessLogEntry)
export class AccessLogResolver {
  @Query(() => AccessLogConnection, {
    description:
      'The access log (registro degli accessi) of personal data, newest first. ADMIN keys only.',
  })
  async accessLog(@Ctx() ctx: HubContext, @Args(() => AccessLogArgs) args: AccessLogArgs) {
    requireRole(ctx, 'The access log', 'ADMIN');
    const page = readPage(args, key('bigint'));
    const where: FilterQuery<AccessLogEntry> = {};
    if (args.filter?.comune) where.comune = checkIstatCode(args.filter.comune, 'filter.comune');
    if (args.filter?.actor) where.actorLabel = args.filter.actor;
    return findPage(ctx.em, AccessLogEntry, where, { pk: 'desc' }, page);
  }

  @FieldResolver(() => Comune, { description: 'The comune whose personal data were read.' })
  async comune(@Root() e: AccessLogEntry, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(e.comune.unwrap().istatCode))!;
  }
}
