import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../common/context.js';
import type { Domain, TimelineEvent } from '../../common/domain.js';
import { comuniParam } from '../../common/keys.js';
import { groupBy, manyLoader } from '../../common/loaders.js';
import { readRows } from '../../common/read.js';
import { hubLoaders } from '../../core/data/loaders.js';
import { DataQualityIssue } from '../../core/model/quality.entity.js';
import { sourcedTables } from '../sourced-tables.js';
import { inTimelineOrder } from '../timeline.js';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A comune's flags: its own, and those it inherits from the groupings it belongs to. */
export interface OwnAndInherited {
  own: DataQualityIssue[];
  inherited: DataQualityIssue[];
}

/** The dossier's loaders, one set per request; all are set-based over the comuni asked. */
function createDossierLoaders(ctx: HubContext, domains: readonly Domain[]) {
  const { em } = ctx;
  return {
    /** Timeline events of each comune from every domain, newest first. */
    timeline: new DataLoader<string, TimelineEvent[]>(async (codes) => {
      hubLoaders(ctx)
        .datasets()
        .catch(() => undefined); // asked now: the events need them next
      const events = (
        await Promise.all(domains.map((d) => d.timeline?.(ctx, codes) ?? Promise.resolve([])))
      ).flat();
      const byComune = groupBy(inTimelineOrder(events), (e) => e.comune);
      return codes.map((c) => byComune.get(c) ?? []);
    }),
    /** Quality flags of each comune: its own, and those of the groupings it belongs to. */
    qualityIssues: new DataLoader<string, OwnAndInherited>(async (codes) => {
      // One query: the flags of each comune, then those of the groupings it belongs to, each
      // by its own index (a join on `comune or grouping` scanned every flag per comune).
      const rows = await readRows<{ for_: string; own_: boolean } & Record<string, unknown>>(
        ctx,
        `select * from (
           select i.comune_istat_code as for_, true as own_, i.*
             from data_quality_issue i where i.comune_istat_code = any(?::text[])
           union all
           select m.comune_istat_code, false, i.*
             from grouping_member m join data_quality_issue i on i.grouping_code = m.grouping_code
            where m.comune_istat_code = any(?::text[])
              and i.comune_istat_code is distinct from m.comune_istat_code) x
          order by domain, code, pk`,
        [comuniParam(codes), comuniParam(codes)],
      );
      const byComune = groupBy(rows, (r) => r.for_);
      return codes.map((c) => {
        const own: DataQualityIssue[] = [];
        const inherited: DataQualityIssue[] = [];
        (byComune.get(c) ?? []).forEach(({ for_: _, own_, ...r }) =>
          (own_ ? own : inherited).push(em.map(DataQualityIssue, r)),
        );
        return { own, inherited };
      });
    }),
    /** Datasets behind every record of each comune, across all domains (one statement). */
    datasetsOfComune: manyLoader(
      async (codes: readonly string[]) => {
        hubLoaders(ctx)
          .datasets()
          .catch(() => undefined); // asked now: `sources` needs them next
        // Per table and comune, the distinct datasets by a skip scan over the comune's index
        // (a few index probes, not a pass over every row: a comune has ~10^4 addresses).
        const parts = sourcedTables(em)
          .filter((t) => t.comuneColumn)
          .flatMap((t) =>
            t.datasetColumns.map((c) => {
              const [tbl, col, ds] = [q(t.table), q(t.comuneColumn!), q(c)];
              const notNull = c === 'dataset_id' ? '' : ` and ${ds} is not null`;
              return `select c.code as comune, d.dataset_id from unnest(?::text[]) c(code),
              lateral (with recursive r(ds) as (
                (select ${ds} from ${tbl} where ${col} = c.code${notNull} order by ${ds} limit 1)
                union all
                select (select ${ds} from ${tbl} where ${col} = c.code and ${ds} > r.ds
                         order by ${ds} limit 1) from r where r.ds is not null)
                select ds as dataset_id from r where ds is not null) d`;
            }),
          );
        const comune = sourcedTables(em).find((t) => t.table === 'comune')!;
        parts.push(
          ...comune.datasetColumns.map(
            (c) =>
              `select istat_code as comune, ${q(c)} as dataset_id from comune where istat_code = any(?::text[]) and ${q(c)} is not null`,
          ),
          `select m.comune_istat_code as comune, g.dataset_id from grouping_member m
             join territorial_grouping g on g.code = m.grouping_code where m.comune_istat_code = any(?::text[])`,
        );
        const sql = `select distinct comune, dataset_id from (${parts.join(' union all ')}) x order by 1, 2`;
        // The same array once per part (a prepared statement's parameters are positional).
        return readRows<{ comune: string; dataset_id: string }>(
          ctx,
          sql,
          parts.map(() => comuniParam(codes)),
        );
      },
      (r) => r.comune,
    ),
    /** Number of records per dataset over every sourced table (one statement). */
    recordCounts: new DataLoader<'all', Map<string, number>>(async (keys) => {
      const parts = sourcedTables(em).flatMap((t) =>
        t.datasetColumns.map(
          (c) =>
            `select ${q(c)} as dataset_id, count(*)::int as n from ${q(t.table)} where ${q(c)} is not null group by 1`,
        ),
      );
      const rows = await em
        .getConnection()
        .execute<{ dataset_id: string; n: number }[]>(
          `select dataset_id, sum(n)::int as n from (${parts.join(' union all ')}) x group by 1`,
        );
      const map = new Map(rows.map((r) => [r.dataset_id, r.n]));
      return keys.map(() => map);
    }),
  };
}

/** The dossier's loaders of a request. */
export type DossierLoaders = ReturnType<typeof createDossierLoaders>;

/** Returns the accessor of the dossier loaders of a request, over the given domains. */
export function dossierLoadersFor(domains: readonly Domain[]) {
  return defineLoaders<DossierLoaders>((ctx) => createDossierLoaders(ctx, domains));
}
