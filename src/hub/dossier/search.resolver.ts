import { Arg, Ctx, Extensions, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../common/context.js';
import type { Domain, SearchHit, SearchProvider } from '../../common/domain.js';
import { badInput } from '../../common/errors.js';
import { Node } from '../../common/node.js';
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE,
  PageInfo,
  pageSize,
} from '../../common/pagination.js';
import { MIN_SCORE, textScoreSql } from '../../common/search.js';
import { foldName } from '../../common/text.js';
import { Comune } from '../comune.entity.js';
import { Organization } from '../organization.entity.js';

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

@ObjectType('SearchConnection', { description: 'Ranked search results, best first.' })
class SearchConnection {
  @Extensions({ sizedByParent: true, maxItems: MAX_PAGE })
  @Field(() => [SearchEdge], { description: 'Results of this page.' })
  edges!: SearchEdge[];
  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

/**
 * A search provider over one table: scores `textColumn` with the shared Italian-aware
 * scoring and loads the matching entities by primary key (`keyColumn`).
 */
export function tableSearch<T extends object>(
  entity: new () => T,
  table: string,
  keyColumn: string,
  textColumn: string,
  key: (row: T) => string,
): SearchProvider {
  return async (em: EntityManager, { folded, limit }) => {
    const rows = await em.getConnection().execute<{ k: string; score: number }[]>(
      `select k, score from (select "${keyColumn}"::text as k, ${textScoreSql(`"${textColumn}"`)} as score
         from "${table}") s where score >= ? order by score desc, k limit ?`,
      [folded, folded, MIN_SCORE, limit],
    );
    const found = rows.length ? await em.find(entity, rows.map((r) => r.k) as never) : [];
    const byKey = new Map(found.map((f) => [key(f), f]));
    return rows.flatMap((r) => {
      const node = byKey.get(r.k);
      return node ? [{ node, score: Number(r.score), key: r.k } satisfies SearchHit] : [];
    });
  };
}

const HUB_SEARCH: Record<string, SearchProvider> = {
  Comune: tableSearch(Comune, 'comune', 'istat_code', 'name', (c) => c.istatCode),
  Organization: tableSearch(Organization, 'organization', 'code', 'name', (o) => o.code),
};

/** Cross-domain `search`: every domain's providers, merged by score. */
export function searchResolver(domains: readonly Domain[]) {
  const providers: Record<string, SearchProvider> = Object.assign(
    { ...HUB_SEARCH },
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
      @Arg('first', () => Int, { defaultValue: 10, description: 'Results per page.' })
      first: number,
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
    ): Promise<SearchConnection> {
      const n = pageSize(first);
      const folded = foldName(text ?? '');
      if (folded.length < 2 || text.length > 200)
        throw badInput('text', 'give 2 to 200 characters with at least two letters or digits');
      // Own keys only: a type named by the client never reaches Object.prototype.
      const unknown = (only ?? []).filter((t) => !Object.hasOwn(providers, t));
      if (unknown.length)
        throw badInput('types', `unknown ${unknown.join(', ')}; known: ${types.join(', ')}`);
      const start = after == null ? 0 : Number(decodeCursor(after)[0]);
      if (!Number.isInteger(start) || start < 0) throw badInput('after', 'is not a search cursor');
      const limit = Math.min(start + n + 1, MAX_RESULTS);
      const chosen = (only?.length ? only : types).map((t) => [t, providers[t]] as const);
      const hits = (
        await Promise.all(
          chosen.map(async ([type, p]) =>
            (await p(ctx.em, { text, folded, limit })).map((h) => ({ ...h, type })),
          ),
        )
      )
        .flat()
        .sort(
          (a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.key.localeCompare(b.key),
        );
      const page = hits.slice(start, start + n);
      const edges = page.map((h, i) =>
        Object.assign(new SearchEdge(), {
          cursor: encodeCursor([start + i]),
          score: h.score,
          node: h.node,
        }),
      );
      return Object.assign(new SearchConnection(), {
        edges,
        pageInfo: {
          hasNextPage: hits.length > start + n && start + n < MAX_RESULTS,
          hasPreviousPage: start > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      });
    }
  }
  return SearchResolver;
}
