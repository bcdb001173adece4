import { DatePrecision } from '../../../common/dates.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../../common/domain.js';
import type { HubContext } from '../../../common/context.js';
import { toGlobalId } from '../../../common/node.js';
import { BELOW_PLACES, tableSearch } from '../../../core/data/search.js';
import { euros } from '../rules/claim.reconcile.js';
import { PnrrNotice } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';
import { findClaim, findGrant, findProject } from '../data/lists.js';
import { grantEventRows, type TimelineGrant } from '../data/dossier.js';
import { PnrrBody } from '../model/body.entity.js';
import { PnrrProject } from '../model/project.entity.js';
import { withIntKey } from '../../../common/keys.js';

/** Records of the domain by the key inside their global id (`node(id)`). */
export const pnrrNodes: Record<string, NodeLoader> = {
  PnrrMeasure: (ctx, key) => pnrrLoaders(ctx).measure.load(key),
  PnrrNotice: (ctx, key) => pnrrLoaders(ctx).notice.load(key),
  PnrrBody: (ctx, key) => pnrrLoaders(ctx).body.load(key),
  PnrrGrant: (ctx, key) => withIntKey(key, (pk) => findGrant(ctx, pk)),
  PnrrProject: (ctx, key) => findProject(ctx, key),
  Claim: (ctx, key) => findClaim(ctx, key),
};

const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Why a grant's amount is 0 EUR, from the other grants of its CUP (quotas of one notice). */
function zeroReason(g: TimelineGrant): string {
  const others = (g.siblings ?? []).filter((o) => Number(o.amount) > 0);
  if (!others.length)
    return ' (0 EUR: the file gives no amount for this grant; nothing is paid under it)';
  return ` (0 EUR: the file gives this quota of the notice "${g.notice}" no amount; the amount of the same CUP is under ${others
    .map((o) => `measure ${o.measure}, ${euros(o.amount)} EUR ("${o.notice}")`)
    .join(' and ')})`;
}

/** The renunciation of a grant: on its status date, or within the days the files allow. */
function renounced(
  g: TimelineGrant,
  base: Omit<TimelineEvent, 'on' | 'title' | 'kind'>,
  what: string,
) {
  const contradicted = g.status_on != null && g.last_active != null && g.last_active >= g.status_on;
  if (g.status_on && !contradicted)
    return { ...base, kind: 'GRANT_RENOUNCED', on: g.status_on, title: `${what} renounced` };
  // No status date (or one a later file contradicts): renounced after the last day it was
  // seen active and by the first day it was seen renounced.
  const seenActive = g.last_active && g.last_active > g.funded_on ? g.last_active : g.funded_on;
  const seenRenounced = [g.first_renounced, g.observed_on]
    .filter((d): d is string => !!d)
    .sort()[0];
  const notBefore = nextDay(seenActive);
  const activeWords =
    seenActive === g.funded_on
      ? `funded on ${seenActive}`
      : `still funded in the file of ${seenActive}`;
  const why = contradicted
    ? `the file gives ${g.status_on} as the day, but the file published on ${g.last_active} still lists it as funded`
    : `the day is not published: ${activeWords}`;
  if (!seenRenounced)
    return {
      ...base,
      kind: 'GRANT_RENOUNCED',
      on: notBefore,
      notBefore,
      title: `${what} renounced on an unknown day after ${seenActive} (${why})`,
    };
  return {
    ...base,
    kind: 'GRANT_RENOUNCED',
    on: seenRenounced,
    notBefore,
    title: `${what} renounced between ${notBefore} and ${seenRenounced} (${why}; renounced in the file of ${seenRenounced})`,
  };
}

/**
 * Timeline of the comuni: every grant of a body located there is funded on its decree date,
 * paid on its status date, and renounced on its status date or, when the files give none,
 * within the days its observations allow (`notBefore`..`on`). Grants of other bodies than
 * the comune are marked `otherBody` (shown with `timeline(bodies: ALL)`). A grant of 0 EUR
 * says why. One statement for any set of comuni.
 */
export async function pnrrTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await grantEventRows(ctx, comuni);
  return rows.flatMap((g) => {
    const zero = Number(g.amount) === 0 ? zeroReason(g) : '';
    const what = `PNRR ${g.measure}: ${euros(g.amount)} EUR to ${g.body}`;
    const base = {
      comune: g.comune,
      precision: DatePrecision.DAY,
      domain: 'pnrr',
      datasetId: g.dataset,
      sourceNote: g.note,
      entityId: toGlobalId('PnrrGrant', g.pk),
      otherBody: g.body_kind !== 'COMUNE',
    };
    const events: TimelineEvent[] = [
      { ...base, kind: 'GRANT_FUNDED', on: g.funded_on, title: `${what} funded${zero}` },
    ];
    if (g.status === 'PAID' && g.status_on)
      events.push({
        ...base,
        kind: 'GRANT_PAID',
        on: g.status_on,
        title: `${what} paid out${zero}`,
      });
    if (g.status === 'RENOUNCED') {
      const e = renounced(g, base, what);
      events.push({ ...e, title: e.title + zero });
    }
    return events;
  });
}

/**
 * Cross-domain search providers: bodies by name (other than the comuni themselves: those are
 * found as comuni), notices and projects by title. They name places, so they rank just below
 * the place itself: a project titled "Ab.Cloud Com Spino d'Adda" must not outrank the comune
 * Spino d'Adda for "spino d adda".
 */
export const pnrrSearch: Record<string, SearchProvider> = {
  PnrrBody: tableSearch({
    entity: PnrrBody,
    table: 'pnrr_body',
    keyColumn: 'ipa_code',
    text: 'name',
    key: (b) => b.ipaCode,
    where: "kind <> 'COMUNE'",
    weight: BELOW_PLACES,
  }),
  PnrrNotice: tableSearch({
    entity: PnrrNotice,
    table: 'pnrr_notice',
    keyColumn: 'title',
    text: 'title',
    key: (n) => n.title,
    weight: BELOW_PLACES,
  }),
  PnrrProject: tableSearch({
    entity: PnrrProject,
    table: 'pnrr_project',
    keyColumn: 'local_code',
    text: 'title',
    key: (p) => p.localCode,
    weight: BELOW_PLACES,
  }),
};
