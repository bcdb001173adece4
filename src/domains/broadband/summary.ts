import type { HubContext } from '../../common/context.js';
import { Comune } from '../../hub/comune.entity.js';
import { hubLoaders } from '../../hub/hub.loaders.js';
import { TerritorialGrouping } from '../../hub/grouping.entity.js';
import { resolveTerritory } from '../../hub/territory.js';
import { BroadbandGroupBy, BroadbandSummaryRow, type BroadbandFigures } from './broadband.types.js';
import { CoverageStatus, Plan, Technology } from './enums.js';
import { aggregate, figures, networkKm, sumKm, type StatsKey } from './stats.js';

const KEY: Record<BroadbandGroupBy, StatsKey> = {
  COMUNE: 'comune',
  PLAN: 'plan',
  TECHNOLOGY: 'technology',
  STATUS: 'status',
  GROUPING: 'grouping',
};

const PLAN_LABEL: Record<Plan, string> = {
  WHITE_AREAS_BUL: 'White areas (aree bianche, Piano BUL)',
  GREY_AREAS_1GIGA: 'Grey areas (aree grigie, Italia a 1 Giga)',
  COMMERCIAL: 'Commercial networks',
};

const toRow = (key: string, label: string, f: BroadbandFigures): BroadbandSummaryRow =>
  Object.assign(new BroadbandSummaryRow(), f, { key, label, ...f.coverage });

/** Builds `broadbandSummary`: three statements whatever the territory and grouping. */
export async function summarise(ctx: HubContext, territory: string, groupBy: BroadbandGroupBy) {
  const comuni = await resolveTerritory(ctx.em, territory);
  const [cells, km] = await Promise.all([
    aggregate(ctx.em, comuni, KEY[groupBy]),
    networkKm(ctx.em, comuni),
  ]);
  const totalKm = sumKm([...km.values()]);
  const loaders = hubLoaders(ctx);
  const named = /^\d{6}$/.test(territory)
    ? (await loaders.comune.load(territory))?.name
    : (await loaders.grouping.load(territory))?.name;
  const byKey = new Map<string, typeof cells>();
  for (const c of cells) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  let keys: { key: string; label: string; km: number | null }[];
  switch (groupBy) {
    case BroadbandGroupBy.COMUNE: {
      const found = await loaders.comune.loadMany(comuni);
      keys = found
        .filter((c): c is Comune => c instanceof Comune)
        .map((c) => ({ key: c.istatCode, label: c.name, km: km.get(c.istatCode) ?? 0 }));
      break;
    }
    case BroadbandGroupBy.GROUPING: {
      const members = await Promise.all(
        [...byKey.keys()].map(
          async (code) => [code, await loaders.membersOfGrouping.load(code)] as const,
        ),
      );
      const groupings = await loaders.grouping.loadMany([...byKey.keys()]);
      keys = groupings
        .filter((g): g is TerritorialGrouping => g instanceof TerritorialGrouping)
        .map((g) => ({
          key: g.code,
          label: g.name,
          km: sumKm(
            (members.find(([code]) => code === g.code)?.[1] ?? []).map(
              (m) => km.get(m.comune.unwrap().istatCode) ?? 0,
            ),
          ),
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
      break;
    }
    case BroadbandGroupBy.PLAN:
      keys = Object.values(Plan).map((p) => ({
        key: p,
        label: PLAN_LABEL[p],
        km: p === Plan.WHITE_AREAS_BUL ? totalKm : null,
      }));
      break;
    case BroadbandGroupBy.TECHNOLOGY:
      keys = Object.values(Technology).map((t) => ({ key: t, label: t, km: null }));
      break;
    default:
      keys = Object.values(CoverageStatus).map((s) => ({ key: s, label: s, km: null }));
  }
  return {
    territory,
    groupBy,
    total: toRow(territory, named ?? territory, figures(cells, totalKm)),
    rows: keys.map((k) => toRow(k.key, k.label, figures(byKey.get(k.key) ?? [], k.km))),
  };
}
