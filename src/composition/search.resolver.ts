import { Arg, Ctx, Extensions, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../common/context.js';
import type { Domain, SearchProvider } from '../common/domain.js';
import { badInput } from '../common/errors.js';
import { Node } from '../common/node.js';
import { connectionOf, key, MAX_PAGE, PageInfo, readPage } from '../common/pagination.js';
import { foldName } from '../common/text.js';

/** How deep a search can be paged (results are ranked, so the tail is noise). */
const MAX_RESULTS = 500;

@ObjectType('SearchEdge', { description: 'A search result.' })
class SearchEdge {
  @Field(() => String, { description: 'Opaque cursor of this result.' })
  cursor!: string;
  @Field(() => Float, { description: 'Relevance in [0, 1], higher is better.' })
  score!: number;
  @Field(() => Node, { description: 'The object found.' })
  node!: object;
}

@ObjectType('SearchConnection', {
  description: 'Ranked search results, best first, paged both ways (first/after, last/before).',
})
class SearchConnection {
  @Field(() => Int, {
    description: `Number of results over all pages (at most ${MAX_RESULTS}: the ranking stops there).`,
  })
  totalCount!: number;
  @Extensions({ sizedByParent: true, maxItems: MAX_PAGE })
  @Field(() => [SearchEdge], { description: 'Results of this page.' })
  edges!: SearchEdge[];
  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

/** Cross-domain `search`: every domain's providers, merged by score. */
export function searchResolver(domains: readonly Domain[]) {
  const providers: Record<string, SearchProvider> = Object.assign(
    {},
    ...domains.map((d) => d.search ?? {}),
  );
  const types = Object.keys(providers).sort();

  @Resolver()
  class SearchResolver {
    @Query(() => SearchConnection, {
      description: `Ranked search across ${types.join(', ')}: ignores case, accents and apostrophes, matches Italian word stems and forgives typos.`,
    })
    async search(
      @Ctx() ctx: HubContext,
      @Arg('text', () => String, { description: 'What to look for (2 to 200 characters).' })
      text: string,
      @Arg('first', () => Int, {
        nullable: true,
        description: `Results per page counted from the start (or from \`after\`), 0 to ${MAX_PAGE}; 10 when neither \`first\` nor \`last\` is given.`,
      })
      first?: number | null,
      @Arg('after', () => String, {
        nullable: true,
        description: 'Cursor of the last result seen.',
      })
      after?: string | null,
      @Arg('types', () => [String], {
        nullable: true,
        description: `Only these types: ${types.join(', ')}.`,
      })
      only?: string[] | null,
      @Arg('last', () => Int, {
        nullable: true,
        description: `Results per page counted from the end (or from \`before\`), 0 to ${MAX_PAGE}: pages backward. Not with \`first\`.`,
      })
      last?: number | null,
      @Arg('before', () => String, {
        nullable: true,
        description: 'Cursor of the first result seen: return the results ranked before it.',
      })
      before?: string | null,
    ): Promise<SearchConnection> {
      // A cursor is the result's rank (0 = best).
      const page = readPage({ first, after, last, before }, key('int'), 10);
      const folded = foldName(text ?? '');
      if (folded.length < 2 || text.length > 200)
        throw badInput('text', 'give 2 to 200 characters with at least two letters or digits');
      // Own keys only: a type named by the client never reaches Object.prototype.
      const unknown = (only ?? []).filter((t) => !Object.hasOwn(providers, t));
      if (unknown.length)
        throw badInput('types', `unknown ${unknown.join(', ')}; known: ${types.join(', ')}`);
      for (const [arg, k] of [
        ['after', page.after],
        ['before', page.before],
      ] as const)
        if (k && (Number(k[0]) < 0 || Number(k[0]) >= MAX_RESULTS))
          throw badInput(arg, 'is not a search cursor');
      const chosen = (only?.length ? only : types).map((t) => [t, providers[t]] as const);
      const ranked = async (limit: number) =>
        (
          await Promise.all(
            chosen.map(async ([type, p]) =>
              (await p(ctx, { text, folded, limit })).map((h) => ({ ...h, type })),
            ),
          )
        )
          .flat()
          .sort(
            (a, b) =>
              b.score - a.score || a.type.localeCompare(b.type) || a.key.localeCompare(b.key),
          )
          .slice(0, limit)
          .map((h, rank) => ({ ...h, rank }));
      // Ranks lo <= rank < hi lie between the cursors.
      const lo = page.after ? Number(page.after[0]) + 1 : 0;
      const hi = page.before ? Number(page.before[0]) : MAX_RESULTS;
      let all: Promise<Awaited<ReturnType<typeof ranked>>> | undefined;
      let rows: Awaited<ReturnType<typeof ranked>>;
      if (!page.backward) rows = (await ranked(Math.min(lo + page.size + 1, hi))).slice(lo);
      else {
        // Backward from the end needs every result; from a cursor, those ranked above it.
        const hits = await (page.before ? ranked(hi) : (all = ranked(MAX_RESULTS)));
        const end = Math.min(hi, hits.length);
        rows = hits.slice(Math.max(lo, end - page.size - 1), end).reverse();
      }
      const conn = connectionOf(
        rows,
        page,
        (h) => [h.rank],
        async () => (await (all ??= ranked(MAX_RESULTS))).length,
      );
      // Copy totalCount as the lazy getter it is (Object.assign would run the count).
      const result = Object.defineProperties(
        new SearchConnection(),
        Object.getOwnPropertyDescriptors(conn),
      );
      result.edges = conn.edges.map((e) =>
        Object.assign(new SearchEdge(), {
          cursor: e.cursor,
          score: e.node.score,
          node: e.node.node,
        }),
      );
      return result;
    }
  }
  return SearchResolver;
}
