/**
 * Checks that the three servers answered with the same data: each answer normalised
 * (bench/workloads.ts) and compared with the hub's. The timeline is compared by count
 * only: the raw floor and PostGraphile build an approximate union of dated events.
 */
import type { ServerResult } from './measure.js';
import { differences, type ServerName } from './workloads.js';

export interface Comparison {
  workload: string;
  server: ServerName;
  same: boolean;
  /** Differences outside the timeline. */
  diffs: string[];
  /** Timeline count differences (expected: approximate union). */
  timeline: string[];
}

const strip = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'timelineCount')
        .map(([k, x]) => [k, strip(x)]),
    );
  return v;
};

export function compareServers(results: Partial<Record<ServerName, ServerResult>>): Comparison[] {
  const hub = results.hub;
  const out: Comparison[] = [];
  if (!hub?.answers) return out;
  for (const server of ['postgraphile', 'raw'] as const) {
    const other = results[server];
    if (!other?.answers) continue;
    for (const [w, mine] of Object.entries(hub.answers)) {
      const theirs = other.answers[w];
      if (theirs === undefined) continue;
      let a = mine;
      let b = theirs;
      if (w === 'W4') {
        // Row counts only: the three export different shapes (CSV columns, GraphQL JSON).
        a = { rows: (mine as { rows: number } | null)?.rows };
        b = { rows: (theirs as { rows: number } | null)?.rows };
      }
      const all = differences(a, b, '', 40);
      const diffs = differences(strip(a), strip(b), '', 8);
      out.push({
        workload: w,
        server,
        same: diffs.length === 0,
        diffs,
        timeline: all.filter((d) => d.includes('timelineCount')).slice(0, 4),
      });
    }
  }
  return out;
}
