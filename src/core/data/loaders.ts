import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../common/context.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import { readRows } from '../../common/read.js';
import { Comune } from '../model/comune.entity.js';
import { Dataset } from '../model/dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from '../model/grouping.entity.js';
import { Organization } from '../model/organization.entity.js';
import { comuniParam } from '../../common/keys.js';

/** A row of `dataset`. */
interface DatasetRow {
  id: string;
  title: string;
  publisher: string;
  licence: string | null;
  url: string | null;
  retrieved_on: string | null;
  description: string | null;
  synthetic: boolean;
}

/** The hub's DataLoaders, built once per request by `hubLoaders(ctx)`. */
function createHubLoaders(ctx: HubContext) {
  const { em } = ctx;
  let all: Promise<Map<string, Dataset>> | undefined;
  // Plain read-only instances (no ORM hydration): a dataset has only scalar fields.
  const datasets = () =>
    (all ??= readRows<DatasetRow>(ctx, 'select * from dataset').then(
      (rows) =>
        new Map(
          rows.map((r) => [
            r.id,
            Object.assign(new Dataset(), {
              id: r.id,
              title: r.title,
              publisher: r.publisher,
              licence: r.licence,
              url: r.url,
              retrievedOn: r.retrieved_on,
              description: r.description,
              synthetic: r.synthetic,
            }),
          ]),
        ),
    ));
  return {
    comune: oneLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            `select istat_code, name, name_key, cadastral_code, postal_codes, pop_legal2011,
                    pop_resident2021, area_km2, centroid_lat, centroid_lon, boundary_dataset_id,
                    dataset_id, source_note
               from comune where istat_code = any(?::text[])`,
            [comuniParam(codes)],
          )
        ).map((r) => em.map(Comune, r)),
      (c) => c.istatCode,
    ),
    /** Boundaries are lazy on the entity (large); loaded only when asked for. */
    boundary: oneLoader(
      (codes: readonly string[]) =>
        em.find(Comune, { istatCode: { $in: [...codes] } }, { populate: ['boundary'] }),
      (c) => c.istatCode,
    ),
    /**
     * Every dataset (a few dozen), read once per request on first use: the dossier asks for
     * them with its first sections (see `datasets`), so that its timeline and sources find
     * them without another statement.
     */
    datasets,
    dataset: new DataLoader<string, Dataset | null>(async (ids) => {
      const all = await datasets();
      return ids.map((id) => all.get(id) ?? null);
    }),
    organization: oneLoader(
      (codes: readonly string[]) => em.find(Organization, { code: { $in: [...codes] } }),
      (o) => o.code,
    ),
    grouping: oneLoader(
      (codes: readonly string[]) => em.find(TerritorialGrouping, { code: { $in: [...codes] } }),
      (g) => g.code,
    ),
    /** Groupings of each comune, by ISTAT code. */
    groupingsOfComune: manyLoader(
      async (codes: readonly string[]) =>
        (
          await readRows<{ comune_: string } & Record<string, unknown>>(
            ctx,
            `select m.comune_istat_code as comune_, g.* from grouping_member m
               join territorial_grouping g on g.code = m.grouping_code
              where m.comune_istat_code = any(?::text[]) order by g.code`,
            [comuniParam(codes)],
          )
        ).map(({ comune_, ...g }) => ({
          comune: comune_,
          grouping: em.map(TerritorialGrouping, g),
        })),
      (m) => m.comune,
    ),
    /** Member ISTAT codes of each grouping, by grouping code. */
    membersOfGrouping: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          GroupingMember,
          { grouping: { $in: [...codes] } },
          { orderBy: { comune: { istatCode: 'asc' } } },
        ),
      (m) => m.grouping.unwrap().code,
    ),
  };
}

/** The hub loaders of this request. */
export const hubLoaders = defineLoaders(createHubLoaders);
