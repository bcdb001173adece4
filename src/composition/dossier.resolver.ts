import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../common/context.js';
import type { Domain } from '../common/domain.js';
import { badInput } from '../common/errors.js';
import { decodeCursor, encodeCursor, MAX_PAGE, pageSize } from '../common/pagination.js';
import { Comune } from '../core/model/comune.entity.js';
import { Dataset } from '../core/model/dataset.entity.js';
import { hubLoaders } from '../core/data/loaders.js';
import { DataQualityIssue } from '../core/model/quality.entity.js';
import { Source } from '../core/model/source.js';
import { toSource } from '../core/api/source.resolver.js';
import { dossierLoadersFor } from './data/loaders.js';
import {
  compareTimelineKeys,
  TIMELINE_KEY_LENGTH,
  TimelineBodies,
  TimelineEntry,
  timelineKey,
} from './timeline.js';
import { MaxItems } from '../common/limits.js';
import { QualityIssueOrigin } from '../core/model/enums.js';

/** The cross-domain fields of a comune's dossier: timeline, quality flags, sources. */
export function comuneDossierResolver(domains: readonly Domain[]) {
  const loaders = dossierLoadersFor(domains);
  const names = domains.map((d) => d.name);

  @Resolver(() => Comune)
  class ComuneDossierResolver {
    @MaxItems(MAX_PAGE)
    @FieldResolver(() => [TimelineEntry], {
      description:
        "Dated events of this comune from every domain, newest first (grants funded and renounced, programme milestones, plan deadlines, CER fundings), each with its date precision and source. By default the comune's own events, as `pnrr` counts the comune's own grants; `bodies: ALL` adds those of every body located there. Paged: pass the `cursor` of the last event seen as `after` (with the same arguments).",
    })
    async timeline(
      @Root() comune: Comune,
      @Ctx() ctx: HubContext,
      @Arg('first', () => Int, {
        defaultValue: 20,
        description: `Events to return, 0 to ${MAX_PAGE}.`,
      })
      first: number,
      @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
      after?: string | null,
      @Arg('domain', () => String, {
        nullable: true,
        description: `Only this domain: ${names.join(', ')}.`,
      })
      domain?: string | null,
      @Arg('bodies', () => TimelineBodies, {
        defaultValue: TimelineBodies.COMUNE,
        description:
          "COMUNE (default, as `pnrr`): the comune's own events. ALL: also those of the other bodies located there (schools, health authorities...).",
      })
      bodies: TimelineBodies = TimelineBodies.COMUNE,
    ): Promise<TimelineEntry[]> {
      const n = pageSize(first);
      if (domain != null && !names.includes(domain))
        throw badInput('domain', `expected one of ${names.join(', ')}, got "${domain}"`);
      let events = await loaders(ctx).timeline.load(comune.istatCode);
      if (domain) events = events.filter((e) => e.domain === domain);
      if (bodies !== TimelineBodies.ALL) events = events.filter((e) => !e.otherBody);
      // A keyset over the list in timeline order: a cursor names the event it stands on, so an
      // event added between two pages neither repeats nor hides one.
      let start = 0;
      if (after != null) {
        const key = decodeCursor(after);
        if (key.length !== TIMELINE_KEY_LENGTH || !key.every((k) => typeof k === 'string'))
          throw badInput('after', 'is not a timeline cursor');
        const next = events.findIndex(
          (e) => compareTimelineKeys(timelineKey(e), key as string[]) > 0,
        );
        start = next < 0 ? events.length : next;
      }
      const page = events.slice(start, start + n);
      const datasets = await hubLoaders(ctx).dataset.loadMany(page.map((e) => e.datasetId));
      return page.map((e, i) =>
        Object.assign(new TimelineEntry(), {
          ...e,
          cursor: encodeCursor(timelineKey(e)),
          entityId: e.entityId ?? null,
          notBefore: e.notBefore ?? null,
          otherBody: e.otherBody ?? false,
          source: toSource(datasets[i] as Dataset, e.sourceNote),
        }),
      );
    }

    @MaxItems(50)
    @FieldResolver(() => [DataQualityIssue], {
      description:
        'Data-quality flags that concern this comune: its own (`comune` is it) first, then those inherited from the groupings it belongs to (`territory`: claims about the Cremasco the data contradict, unknown lot membership of a programme it takes part in...); `origin` picks one side. Each side by domain and code.',
    })
    async qualityIssues(
      @Root() comune: Comune,
      @Ctx() ctx: HubContext,
      @Arg('origin', () => QualityIssueOrigin, {
        defaultValue: QualityIssueOrigin.ALL,
        description: 'ALL (default): own then inherited; OWN; INHERITED.',
      })
      origin: QualityIssueOrigin = QualityIssueOrigin.ALL,
    ): Promise<DataQualityIssue[]> {
      const { own, inherited } = await loaders(ctx).qualityIssues.load(comune.istatCode);
      if (origin === QualityIssueOrigin.OWN) return own;
      if (origin === QualityIssueOrigin.INHERITED) return inherited;
      return [...own, ...inherited];
    }

    // One per dataset (16 today).
    @MaxItems(30)
    @FieldResolver(() => [Source], {
      description: 'The datasets (fonti) behind everything in this dossier, with their licences.',
    })
    async sources(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<Source[]> {
      const rows = await loaders(ctx).datasetsOfComune.load(comune.istatCode);
      const datasets = await hubLoaders(ctx).dataset.loadMany(rows.map((r) => r.dataset_id));
      return datasets
        .filter((d): d is Dataset => d instanceof Dataset)
        .map((d) => toSource(d, null));
    }
  }

  @Resolver(() => Dataset)
  class DatasetCountResolver {
    @FieldResolver(() => Int, { description: 'Number of records in the hub from this dataset.' })
    async recordCount(@Root() dataset: Dataset, @Ctx() ctx: HubContext): Promise<number> {
      return (await loaders(ctx).recordCounts.load('all')).get(dataset.id) ?? 0;
    }
  }

  return [ComuneDossierResolver, DatasetCountResolver];
}
