import type { HubContext } from '../../../common/context.js';
import { isIstatCode } from '../../../common/keys.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import type { SeismicClassification } from '../model/hazard.entity.js';
import { hazardFigures, type ComuneHazardInput } from '../rules/hazard.figures.js';
import { ISPRA_DATASET } from '../rules/hazard.levels.js';
import { hazardInputs, seismicZones } from './hazard.load.js';
import { HazardSummary, HazardSummaryRow, SeismicZoneCount } from '../api/hazard.types.js';
import { HazardGroupBy } from '../model/enums.js';

interface Member {
  input: ComuneHazardInput;
  seismic: SeismicClassification | null;
}

/** What a grouping's figures cannot cover: undeclared members, or members outside. */
function membershipNote(g: TerritorialGrouping, named: number, inTerritory: number) {
  const notes: string[] = [];
  if (g.declaredMemberCount != null && g.declaredMemberCount > named)
    notes.push(
      `The grouping declares ${g.declaredMemberCount} comuni but names ${named}: the figures cover the ${named} named; the ${g.declaredMemberCount - named === 1 ? 'missing comune is' : 'missing comuni are'} unknown.`,
    );
  else if (!g.membershipKnown)
    notes.push(
      'The membership of the grouping is not fully known: the figures cover the comuni it names.',
    );
  if (inTerritory < named)
    notes.push(
      `The row covers the ${inTerritory} of its ${named} comuni that lie in the territory.`,
    );
  return notes.join(' ') || null;
}

/** One row: the figures of a set of comuni. */
function row(key: string, label: string, members: readonly Member[], note: string | null) {
  const zones = new Map<string, number>();
  for (const m of members)
    if (m.seismic) zones.set(m.seismic.zone, (zones.get(m.seismic.zone) ?? 0) + 1);
  return Object.assign<HazardSummaryRow, Partial<HazardSummaryRow>>(new HazardSummaryRow(), {
    key,
    label,
    comuneCount: members.length,
    ...hazardFigures(
      members.map((m) => m.input),
      {
        datasetId: ISPRA_DATASET,
        sourceNote: `Sums over ${members.length} comuni of ISPRA IdroGEO's figures per comune; shares of residents over the legal population 2011 (ISTAT).`,
      },
    ),
    comuniWithoutIdrogeo: members.filter((m) => !m.input.idrogeo).map((m) => m.input.istatCode),
    seismicZones: [...zones]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([zone, comuneCount]) => Object.assign(new SeismicZoneCount(), { zone, comuneCount })),
    comuniWithoutSeismicZone: members.filter((m) => !m.seismic).map((m) => m.input.istatCode),
    membershipNote: note,
  });
}

/**
 * Builds `hazardSummary`: the territory's total and one row per comune or grouping, in a
 * fixed number of statements whatever the territory.
 */
export async function summariseHazards(
  ctx: HubContext,
  territory: string,
  groupBy: HazardGroupBy,
): Promise<HazardSummary> {
  const codes = await resolveTerritory(ctx, territory);
  const loaders = hubLoaders(ctx);
  const comuni = (await loaders.comune.loadMany(codes)).filter(
    (c): c is Comune => c instanceof Comune,
  );
  const [inputs, zones] = await Promise.all([
    hazardInputs(ctx, comuni),
    seismicZones(
      ctx,
      comuni.map((c) => c.istatCode),
    ),
  ]);
  const members = new Map(
    comuni.map((c, i) => [c.istatCode, { input: inputs[i], seismic: zones[i] }] as const),
  );
  const all = [...members.values()];
  let label = territory;
  let note: string | null = null;
  if (isIstatCode(territory)) label = comuni[0]?.name ?? territory;
  else {
    const g = await loaders.grouping.load(territory);
    if (g) {
      label = g.name;
      note = membershipNote(g, codes.length, codes.length);
    }
  }
  const total = row(territory, label, all, note);
  if (groupBy === HazardGroupBy.COMUNE)
    return Object.assign(new HazardSummary(), {
      territory,
      groupBy,
      total,
      rows: comuni.map((c) => row(c.istatCode, c.name, [members.get(c.istatCode)!], null)),
    });
  const memberships = (await loaders.groupingsOfComune.loadMany(codes)).flatMap((m) =>
    m instanceof Error ? [] : m,
  );
  const byGrouping = new Map<string, string[]>();
  for (const m of memberships) {
    const code = m.grouping.code;
    byGrouping.set(code, [...(byGrouping.get(code) ?? []), m.comune]);
  }
  const groupCodes = [...byGrouping.keys()].sort();
  const [groupings, named] = await Promise.all([
    loaders.grouping.loadMany(groupCodes),
    loaders.membersOfGrouping.loadMany(groupCodes),
  ]);
  const rows = groupings.flatMap((g, i) => {
    if (!(g instanceof TerritorialGrouping)) return [];
    const inside = byGrouping.get(g.code)!.sort();
    const size = named[i] instanceof Error ? inside.length : named[i].length;
    return [
      row(
        g.code,
        g.name,
        inside.map((c) => members.get(c)!),
        membershipNote(g, size, inside.length),
      ),
    ];
  });
  return Object.assign(new HazardSummary(), { territory, groupBy, total, rows });
}
