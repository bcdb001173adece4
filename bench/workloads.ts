/**
 * The workloads, written once per server, and the normalisers that reduce each server's
 * answer to the same plain data so that the three can be compared.
 */
import { readFileSync } from 'node:fs';
import type { Req } from './lib.js';

export type ServerName = 'hub' | 'postgraphile' | 'raw';
export type WorkloadName = 'W1' | 'W2first' | 'W2deep' | 'W3' | 'W5';

const here = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8');
/** The dossier fragment of issue 7, shared with the tests (test/operations/dossier.graphql). */
const HUB_DOSSIER = here('../test/operations/dossier.graphql').split(/\n(?=query )/)[0];
const PGL_DOSSIER = here('./queries/pgl-dossier.graphql');

/** Parameters shared by every server. */
export interface Params {
  /** Comuni of the dossier workloads (consortium members). */
  comuni: string[];
  /** Comune and technology of the address list. */
  listComune: string;
  technology: string;
  pageSize: number;
  /** Page reached by the deep-page request (through cursors). */
  deepPage: number;
  grouping: string;
  province: string;
}

const pick = (xs: string[]) => xs[Math.floor(Math.random() * xs.length)];
const gql = (query: string, variables: Record<string, unknown> = {}): Req => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ query, variables }),
});

const HUB_W2 = `query W2($c: String!, $t: BroadbandTechnology!, $n: Int!, $after: String) {
  comune(istatCode: $c) { broadband { addresses(first: $n, filter: { technology: $t }, after: $after) {
    edges { node { code streetName number exponent coverage { technology } } } pageInfo { endCursor } } } } }`;
const PGL_W2 = `query W2($c: String!, $t: String!, $n: Int!, $after: Cursor) {
  allBenchPglAddressLists(first: $n, after: $after, condition: { comuneIstatCode: $c, technology: $t },
    orderBy: [NAME_KEY_ASC, STREET_TYPE_ASC, NUMBER_ASC, EXPONENT_ASC, PK_ASC]) {
    nodes { code streetName number exponent technology } pageInfo { endCursor } } }`;
const HUB_W3 = `query W3($t: String!) {
  broadbandSummary(territory: $t, groupBy: COMUNE) { rows { key addressCount unitCount gigabitShare ftthShare } }
  pnrrSummary(territory: $t, groupBy: COMUNE) { rows { key amount grantCount } } }`;
const PGL_W3 = `query W3 {
  allBenchPglComuneBroadbands(orderBy: COMUNE_ISTAT_CODE_ASC) { nodes { comuneIstatCode addressCount unitCount gigabitShare ftthShare } }
  allBenchPglComunePnrrTotals(orderBy: COMUNE_ISTAT_CODE_ASC) { nodes { comuneIstatCode total grantCount } } }`;

/** The request of a workload on a server; `after` is the cursor of the deep page. */
export function request(
  server: ServerName,
  w: WorkloadName,
  p: Params,
  opts: { comune?: string; after?: string | null } = {},
): Req {
  const c = opts.comune ?? pick(p.comuni);
  const after = opts.after ?? null;
  if (server === 'raw') {
    const q = new URLSearchParams();
    if (w === 'W1') q.set('c', c);
    if (w === 'W5') q.set('g', p.grouping);
    if (w === 'W3') q.set('g', p.province);
    if (w.startsWith('W2')) {
      q.set('c', p.listComune);
      q.set('t', p.technology);
      q.set('first', String(p.pageSize));
      if (after) q.set('after', after);
    }
    return { method: 'GET', path: `/${w.startsWith('W2') ? 'w2' : w.toLowerCase()}?${q}` };
  }
  const hub = server === 'hub';
  switch (w) {
    case 'W1':
      return hub
        ? gql(`${HUB_DOSSIER}\nquery W1($c: String!) { comune(istatCode: $c) { ...Dossier } }`, {
            c,
          })
        : gql(
            `${PGL_DOSSIER}\nquery W1($c: String!) { comuneByIstatCode(istatCode: $c) { ...Dossier } }`,
            { c },
          );
    case 'W5':
      return hub
        ? gql(
            `${HUB_DOSSIER}\nquery W5($g: String!) { comuni(filter: { grouping: $g }, first: 100) { edges { node { ...Dossier } } } }`,
            { g: p.grouping },
          )
        : gql(
            `${PGL_DOSSIER}\nquery W5($g: String!) { territorialGroupingByCode(code: $g) {
              groupingMembersByGroupingCode(orderBy: COMUNE_ISTAT_CODE_ASC) { nodes { comuneByComuneIstatCode { ...Dossier } } } } }`,
            { g: p.grouping },
          );
    case 'W3':
      return hub ? gql(HUB_W3, { t: p.province }) : gql(PGL_W3);
    default:
      return gql(hub ? HUB_W2 : PGL_W2, {
        c: p.listComune,
        t: p.technology,
        n: p.pageSize,
        after,
      });
  }
}

/** The end cursor of a W2 answer, for walking to the deep page. */
export function endCursor(server: ServerName, body: string): string | null {
  const d = JSON.parse(body).data;
  if (server === 'hub') return d.comune.broadband.addresses.pageInfo.endCursor;
  if (server === 'postgraphile') return d.allBenchPglAddressLists.pageInfo.endCursor;
  return d.endCursor;
}

/* ---------- normalisers: every answer reduced to the same plain data ---------- */

type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const money = (v: unknown) => (v == null ? '0.00' : Number(v).toFixed(2));
const share = (v: unknown) => (v == null ? null : Math.round(Number(v) * 10000) / 10000);
const sorted = (xs: string[]) => [...xs].sort();

/** The comparable content of one dossier. `timeline` only by count (see RESULTS.md). */
function dossier(server: ServerName, d: J) {
  if (d == null) return null;
  if (server === 'postgraphile') {
    const plan = d.civilProtectionPlanByComuneIstatCode;
    return {
      name: d.name,
      groupings: sorted(d.groupingMembersByComuneIstatCode.nodes.map((n: J) => n.groupingCode)),
      pnrrTotal: money(d.benchPglComunePnrrTotalByComuneIstatCode?.total),
      byMeasure: d.benchPglComunePnrrMeasuresByComuneIstatCode.nodes.map((n: J) => money(n.amount)),
      addressCount: d.benchPglComuneBroadbandByComuneIstatCode?.addressCount ?? 0,
      gigabitShare: share(d.benchPglComuneBroadbandByComuneIstatCode?.gigabitShare),
      byPlan: sorted(
        d.benchPglComuneBroadbandPlansByComuneIstatCode.nodes
          .filter((n: J) => n.addressCount > 0)
          .map((n: J) => `${n.plan}=${n.addressCount}`),
      ),
      centres: sorted(
        d.collectionCentresByComuneIstatCode.nodes.map((n: J) => `${n.kind}|${n.name}`),
      ),
      communities: sorted(
        d.benchPglComuneEnergyCommunitiesByComuneIstatCode.nodes.map(
          (n: J) =>
            `${n.energyCommunityByCommunityCode.name}|${sorted(n.energyCommunityByCommunityCode.energyFundingsByCommunityCode.nodes.map((f: J) => money(f.amount))).join(',')}`,
        ),
      ),
      plan: plan
        ? `${plan.status}|${plan.civilProtectionScenariosByPlanComuneIstatCode.nodes.map((s: J) => s.hazard).join(',')}`
        : null,
      timelineCount: d.benchPglComuneTimelinesByComuneIstatCode.nodes.length,
      qualityIssues: sorted(
        d.benchPglComuneQualityIssuesByComuneIstatCode.nodes.map(
          (n: J) => `${n.code}|${n.message}`,
        ),
      ),
      sources: sorted(
        d.benchPglComuneSourcesByComuneIstatCode.nodes.map(
          (n: J) => `${n.datasetByDatasetId.title}|${n.datasetByDatasetId.licence}`,
        ),
      ),
    };
  }
  const plan = d.civilProtectionPlan;
  return {
    name: d.name,
    groupings: sorted(d.groupings.map((g: J) => g.code)),
    pnrrTotal: money(d.pnrr.total),
    byMeasure: d.pnrr.byMeasure.map((m: J) => money(m.amount)),
    addressCount: d.broadband.addressCount,
    gigabitShare: share(d.broadband.coverage.gigabitShare),
    byPlan: sorted(
      d.broadband.byPlan
        .filter((n: J) => n.addressCount > 0)
        .map((n: J) => `${n.plan}=${n.addressCount}`),
    ),
    centres: sorted(d.collectionCentres.map((n: J) => `${n.kind}|${n.name}`)),
    communities: sorted(
      d.energyCommunities.map(
        (n: J) => `${n.name}|${sorted(n.fundings.map((f: J) => money(f.amount))).join(',')}`,
      ),
    ),
    // The hub says `scenarios: null` (unknown) for a plan still being drafted; the raw floor
    // and PostGraphile read the same absence of rows as an empty list.
    plan: plan
      ? `${plan.status}|${(plan.scenarios ?? []).map((s: J) => s.hazard).join(',')}`
      : null,
    timelineCount: d.timeline.length,
    qualityIssues: sorted(d.qualityIssues.map((n: J) => `${n.code}|${n.message}`)),
    sources: sorted(d.sources.map((n: J) => `${n.dataset}|${n.licence}`)),
  };
}

/** The comparable content of an answer of a workload. */
export function normalise(server: ServerName, w: WorkloadName, body: string): unknown {
  const json = JSON.parse(body);
  if (json.errors) return { errors: json.errors.map((e: J) => e.message) };
  const d = json.data;
  if (w === 'W1')
    return dossier(server, server === 'postgraphile' ? d.comuneByIstatCode : d.comune);
  if (w === 'W5') {
    if (server === 'hub') return d.comuni.edges.map((e: J) => dossier(server, e.node));
    if (server === 'raw') return d.comuni.map((x: J) => dossier(server, x));
    return d.territorialGroupingByCode.groupingMembersByGroupingCode.nodes.map((n: J) =>
      dossier(server, n.comuneByComuneIstatCode),
    );
  }
  if (w === 'W3') {
    const bb =
      server === 'hub'
        ? d.broadbandSummary.rows
        : server === 'raw'
          ? d.broadband
          : d.allBenchPglComuneBroadbands.nodes.map((n: J) => ({ key: n.comuneIstatCode, ...n }));
    const pn =
      server === 'hub'
        ? d.pnrrSummary.rows
        : server === 'raw'
          ? (d.pnrr ?? [])
          : d.allBenchPglComunePnrrTotals.nodes.map((n: J) => ({
              key: n.comuneIstatCode,
              amount: n.total,
              grantCount: n.grantCount,
            }));
    return {
      broadband: sorted(
        bb
          .filter((r: J) => r.addressCount > 0)
          .map(
            (r: J) =>
              `${r.key}:${r.addressCount}:${r.unitCount}:${share(r.gigabitShare)}:${share(r.ftthShare)}`,
          ),
      ),
      pnrr: sorted(
        pn
          .filter((r: J) => r.grantCount > 0)
          .map((r: J) => `${r.key}:${money(r.amount)}:${r.grantCount}`),
      ),
    };
  }
  const nodes =
    server === 'hub'
      ? d.comune.broadband.addresses.edges.map((e: J) => ({
          ...e.node,
          technology: e.node.coverage?.technology,
        }))
      : server === 'raw'
        ? d.edges
        : d.allBenchPglAddressLists.nodes;
  return nodes.map(
    (n: J) => `${n.code}|${n.streetName}|${n.number}|${n.exponent || ''}|${n.technology}`,
  );
}

/** Differences between two normalised answers (paths and values, at most `max`). */
export function differences(
  a: unknown,
  b: unknown,
  path = '',
  max = 8,
  out: string[] = [],
): string[] {
  if (out.length >= max) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) === !Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as J)[k], (b as J)[k], `${path}/${k}`, max, out);
    return out;
  }
  const show = (v: unknown) => {
    const s = JSON.stringify(v) ?? 'undefined';
    return s.length > 160 ? `${s.slice(0, 160)}…` : s;
  };
  out.push(`${path || '/'}: ${show(a)} vs ${show(b)}`);
  return out;
}
