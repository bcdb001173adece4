import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../common/context.js';
import type { Domain, NodeLoader } from '../common/domain.js';
import { badInput } from '../common/errors.js';
import { fromGlobalId, Node } from '../common/node.js';
import { hubLoaders } from '../core/data/loaders.js';
import { CheckArguments, SizedBy } from '../common/limits.js';

/** Most ids `nodes` takes at once. */
const MAX_IDS = 100;

/** The hub's own node types. */
const HUB_NODES: Record<string, NodeLoader> = {
  Comune: (ctx, key) => hubLoaders(ctx).comune.load(key),
  TerritorialGrouping: (ctx, key) => hubLoaders(ctx).grouping.load(key),
  Organization: (ctx, key) => hubLoaders(ctx).organization.load(key),
};

/** `node(id)` and `nodes(ids)` over every type of every domain. */
export function nodeResolver(domains: readonly Domain[]) {
  // A Map: a type read from a client's id never reaches an object's prototype.
  const loaders = new Map<string, NodeLoader>(
    Object.entries(Object.assign({ ...HUB_NODES }, ...domains.map((d) => d.nodes ?? {}))),
  );
  /** The loader and key of a global id, or BAD_USER_INPUT naming the argument. */
  const resolve = (id: string, argument: string) => {
    const decoded = fromGlobalId(id);
    const loader = decoded && loaders.get(decoded.type);
    if (!decoded || !loader)
      throw badInput(argument, `"${id}" is not a global id returned by this API`);
    return { loader, key: decoded.key };
  };
  const load = (ctx: HubContext, id: string, argument: string) => {
    const { loader, key } = resolve(id, argument);
    return loader(ctx, key);
  };

  @Resolver()
  class NodeResolver {
    // Checked before the operation runs: a forged id is refused with HTTP 400, before SQL.
    @CheckArguments(({ id }) => resolve(String(id), 'id'))
    @Query(() => Node, {
      nullable: true,
      description:
        'Any object by its global id (Relay Node); null when it does not exist. Field access rules apply as everywhere.',
    })
    node(
      @Ctx() ctx: HubContext,
      @Arg('id', () => ID, { description: 'A global id (the `id` field of any object).' })
      id: string,
    ) {
      return load(ctx, id, 'id');
    }

    @SizedBy('ids', MAX_IDS)
    @CheckArguments(({ ids }) => {
      const list = ids as string[];
      if (list.length > MAX_IDS)
        throw badInput('ids', `at most ${MAX_IDS} ids, got ${list.length}`);
      for (const id of list) resolve(id, 'ids');
    })
    @Query(() => [Node], {
      nullable: 'items',
      description: `Objects by global ids, in the same order (null where none exists); at most ${MAX_IDS}.`,
    })
    nodes(
      @Ctx() ctx: HubContext,
      @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
    ) {
      if (ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} ids, got ${ids.length}`);
      return Promise.all(ids.map((id) => load(ctx, id, 'ids')));
    }
  }
  return NodeResolver;
}
