import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { groupBy, manyLoader, oneLoader } from '../../../common/loaders.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyEvent } from '../model/energy-event.entity.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';
import { Funding } from '../model/funding.entity.js';
import type { DatePrecision } from '../../../common/dates.js';
import { comuniParam } from '../../../common/keys.js';

/** The energy DataLoaders, built once per request. */
/** Fundings, amount as text: exact decimals (the later column of the same name wins). */
const FUNDINGS = `select f.*, f.amount::text as amount from energy_funding f`;

function createEnergyLoaders(ctx: HubContext) {
  const { em } = ctx;
  const community = oneLoader(
    async (codes: readonly string[]) =>
      (await readRows(ctx, 'select * from energy_community where code in (?)', [[...codes]])).map(
        (r) => em.map(EnergyCommunity, r),
      ),
    (c) => c.code,
  );
  const fundingsOfCommunity = manyLoader(
    async (codes: readonly string[]) =>
      (
        await readRows(
          ctx,
          `${FUNDINGS} where f.community_code in (?) order by f.announced_on, f.pk`,
          [[...codes]],
        )
      ).map((r) => em.map(Funding, r)),
    (f) => f.community.unwrap().code,
  );
  return {
    community,
    /** Fundings by primary key (global ids). */
    funding: oneLoader(
      (pks: readonly number[]) => em.find(Funding, { pk: { $in: [...pks] } }),
      (f) => f.pk,
    ),
    /** Energy events by primary key (global ids). */
    event: oneLoader(
      (pks: readonly number[]) => em.find(EnergyEvent, { pk: { $in: [...pks] } }),
      (e) => e.pk,
    ),
    /** Communities covering each comune, by ISTAT code (one array-overlap query). */
    communitiesOfComune: new DataLoader<string, EnergyCommunity[]>(async (codes) => {
      // With their fundings, in the same statement: the dossier asks for them next.
      const [communityRows, fundingRows] = await Promise.all([
        readRows(
          ctx,
          `select * from energy_community where comune_istat_codes && ?::text[]
            order by name, code`,
          [comuniParam(codes)],
        ),
        readRows(
          ctx,
          `${FUNDINGS} join energy_community c on c.code = f.community_code
            where c.comune_istat_codes && ?::text[] order by f.announced_on, f.pk`,
          [comuniParam(codes)],
        ),
      ]);
      const rows = communityRows.map((r) => em.map(EnergyCommunity, r));
      const fundings = groupBy(
        fundingRows.map((r) => em.map(Funding, r)),
        (f) => f.community.unwrap().code,
      );
      for (const c of rows) fundingsOfCommunity.prime(c.code, fundings.get(c.code) ?? []);
      return codes.map((code) => rows.filter((c) => c.comuneIstatCodes.includes(code)));
    }),
    /** Fundings of each community, by community code, oldest first. */
    fundingsOfCommunity,
    /** Energy events held in or streamed to each comune, by ISTAT code, oldest first. */
    eventsOfComune: new DataLoader<string, EnergyEvent[]>(async (codes) => {
      const rows = await em.find(
        EnergyEvent,
        {
          $or: [
            { comune: { $in: [...codes] } },
            { streamedToIstatCodes: { $overlap: [...codes] } },
          ],
        },
        { orderBy: { on: 'asc', pk: 'asc' } },
      );
      return codes.map((code) =>
        rows.filter(
          (e) =>
            e.comune.unwrap().istatCode === code || (e.streamedToIstatCodes ?? []).includes(code),
        ),
      );
    }),
    /** Founders by primary key (global ids). */
    founder: oneLoader(
      (pks: readonly number[]) => em.find(EnergyCommunityFounder, { pk: { $in: [...pks] } }),
      (f) => f.pk,
    ),
    /** Founders of each community: comuni first (lead first), then parishes, by name. */
    foundersOfCommunity: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          EnergyCommunityFounder,
          { community: { $in: [...codes] } },
          { orderBy: { kind: 'asc', lead: 'desc', name: 'asc', pk: 'asc' } },
        ),
      (f) => f.community.unwrap().code,
    ),
    /** Founding memberships located in each comune (the comune itself, its parishes). */
    foundersOfComune: manyLoader(
      async (codes: readonly string[]) => {
        // With their communities, in the same statement: the dossier asks for them next.
        const [rows, communities] = await Promise.all([
          readRows(
            ctx,
            `select * from energy_community_founder where comune_istat_code = any(?::text[])
              order by community_code, kind, pk`,
            [comuniParam(codes)],
          ),
          readRows(
            ctx,
            `select * from energy_community where code in (
               select community_code from energy_community_founder where comune_istat_code = any(?::text[]))`,
            [comuniParam(codes)],
          ),
        ]);
        for (const c of communities) community.prime(c.code as string, em.map(EnergyCommunity, c));
        return rows.map((r) => em.map(EnergyCommunityFounder, r));
      },
      (f) => f.comune!.unwrap().istatCode,
    ),
    /** Communities possibly related to each community, either way round. */
    possiblyRelated: new DataLoader<EnergyCommunity, EnergyCommunity[]>(async (keys) => {
      const codes = keys.map((c) => c.code);
      const targets = keys.flatMap((c) => {
        const t = c.possiblyRelatedTo?.unwrap().code;
        return t ? [t] : [];
      });
      const rows = await em.find(
        EnergyCommunity,
        { $or: [{ code: { $in: targets } }, { possiblyRelatedTo: { $in: codes } }] },
        { orderBy: { name: 'asc', code: 'asc' } },
      );
      return keys.map((c) =>
        rows.filter(
          (r) =>
            r.code === c.possiblyRelatedTo?.unwrap().code ||
            r.possiblyRelatedTo?.unwrap().code === c.code,
        ),
      );
    }),
  };
}

/** The energy loaders of this request. */
export const energyLoaders = defineLoaders(createEnergyLoaders);

/**
 * Energy events, oldest first: all of them, or those held in or streamed to one of `comuni`
 * (ISTAT codes).
 */
export function findEnergyEvents(
  ctx: HubContext,
  comuni: readonly string[] | null,
): Promise<EnergyEvent[]> {
  const where = comuni
    ? {
        $or: [
          { comune: { $in: [...comuni] } },
          { streamedToIstatCodes: { $overlap: [...comuni] } },
        ],
      }
    : {};
  return ctx.em.find(EnergyEvent, where, { orderBy: { on: 'asc', pk: 'asc' } });
}

/** The energy communities matching `where`, by name and code. */
export function findCommunities(
  ctx: HubContext,
  where: FilterQuery<EnergyCommunity>,
): Promise<EnergyCommunity[]> {
  return ctx.em.find(EnergyCommunity, where, { orderBy: { name: 'asc', code: 'asc' } });
}

/** One energy community by code, or null. */
export function findCommunity(ctx: HubContext, code: string): Promise<EnergyCommunity | null> {
  return ctx.em.findOne(EnergyCommunity, { code });
}

export interface EnergyEventRow {
  comune: string;
  on: string;
  precision: DatePrecision;
  kind: string;
  title: string;
  entity: string;
  dataset_id: string;
  source_note: string | null;
}

/** Fundings announced, communities founded and energy events of the comuni, as timeline rows: one statement for any number of comuni. */
export function energyEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<EnergyEventRow>(
    ctx,
    `select u.comune, to_char(f.announced_on, 'YYYY-MM-DD') as "on", f.announced_precision as precision,
            'FUNDING_ANNOUNCED' as kind,
            o.name || ' funds ' || c.name || ' with ' || f.amount::text || ' EUR: ' || f.purpose as title,
            'Funding:' || f.pk as entity, f.dataset_id, f.source_note
       from energy_funding f
       join energy_community c on c.code = f.community_code
       join organization o on o.code = f.funder_code
       cross join lateral unnest(c.comune_istat_codes) as u(comune)
      where u.comune = any(?::text[])
     union all
     select u.comune, to_char(e."on", 'YYYY-MM-DD'), e.precision, e.kind, e.summary,
            'EnergyEvent:' || e.pk, e.dataset_id, e.source_note
       from energy_event e
       cross join lateral unnest(array[e.comune_istat_code] || coalesce(e.streamed_to_istat_codes, '{}')) as u(comune)
      where u.comune = any(?::text[])
     union all
     select f.comune_istat_code, to_char(c.founded_on, 'YYYY-MM-DD'), c.founded_precision, 'CER_FOUNDED',
            c.name || ' founded (' || coalesce(c.legal_form, 'costituita') || '); ' || f.name
              || ' is a founding comune' || case when f.lead then ' (lead, capofila)' else '' end,
            'EnergyCommunityFounder:' || f.pk, f.dataset_id, f.source_note
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where f.kind = 'COMUNE' and f.comune_istat_code = any(?::text[]) and c.founded_on is not null
      order by 1, 2, 6`,
    [comuniParam(comuni), comuniParam(comuni), comuniParam(comuni)],
  );
}
