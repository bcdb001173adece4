import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainSeed } from '../../common/seed.js';
import { readSeedCsv, readSeedJson } from '../../common/seed-files.js';
import { foldName } from '../../common/text.js';
import { Comune } from '../model/comune.entity.js';
import { Dataset } from '../model/dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from '../model/grouping.entity.js';
import { Organization } from '../model/organization.entity.js';
import { OrganizationKind, GroupingKind } from '../model/enums.js';

interface BoundaryFeature {
  properties: { com_istat_code: string };
  geometry: object;
}

/** Upserts datasets from a domain's `datasets.json`. */
export async function seedDatasets(em: EntityManager, domain: string): Promise<void> {
  const rows = readSeedJson<Partial<Dataset>[]>(domain, 'datasets.json');
  await em.upsertMany(
    Dataset,
    rows.map((r) => ({ synthetic: false, ...r })),
  );
}

const num = (v: string | undefined) => (v == null || v === '' ? null : Number(v));

/** Loads the 113 comuni, their boundaries, the base groupings and the organisations. */
export async function seedHub(em: EntityManager): Promise<void> {
  await seedDatasets(em, 'hub');
  const istat = ref(Dataset, 'istat-elenco-comuni');
  const summary = readSeedCsv('hub', 'comuni_cr_summary.csv');
  const geo = readSeedJson<{ features: BoundaryFeature[] }>(
    'hub',
    'limits_P_19_municipalities.geojson',
  );
  const boundaries = new Map(geo.features.map((f) => [f.properties.com_istat_code, f.geometry]));
  for (const r of summary) {
    const boundary = boundaries.get(r.com_istat_code);
    if (!boundary) throw new Error(`seeds/data/hub: no boundary for ${r.com_istat_code}`);
    em.create(Comune, {
      istatCode: r.com_istat_code,
      name: r.name,
      nameKey: foldName(r.name),
      cadastralCode: r.cadastral_code,
      postalCodes: r.cap.split(/[;| ]+/).filter(Boolean),
      popLegal2011: num(r.pop_legal_2011),
      popResident2021: num(r.pop_res_2021),
      areaKm2: num(r.area_km2_geom),
      centroidLat: num(r.centroid_lat_geom),
      centroidLon: num(r.centroid_lon_geom),
      boundary,
      boundaryDataset: ref(Dataset, 'openpolis-limits-cr'),
      dataset: istat,
      sourceNote:
        'territory/comuni_cr_summary.csv; area and centroid computed from the openpolis boundary' +
        (r.coord_note ? `; source point: ${r.coord_note}` : ''),
    });
  }
  await em.flush();

  await seedBaseGroupings(em);
  await seedOrganizations(em);
}

/** Provenance of the inferred `consorzio-it` membership: the basis and the evidence. */
export const CONSORZIO_IT_MEMBERSHIP_NOTE =
  'Membership inferred (territory/cremasco_comuni.csv, column consorzio_it_52_inferred); the count 52 is from Consorzio.IT press releases. ' +
  'Evidence, not an official list: the 51 comuni of the province that founded the 8 renewable energy communities (CER) promoted by Consorzio.IT and named in the press (founded 2024-11-28 to 2025-02-07; seeds/data/energy/cer-cremasco-2024-2025.csv, each row citing its article) are exactly these 52 less Izano. ' +
  "The founders also include Crespiatica (province of Lodi) and Misano di Gera d'Adda (province of Bergamo): a hint that Consorzio.IT's area may reach beyond the province.";

/**
 * The base groupings (province, Area Omogenea Cremasca, Consorzio.IT members), created or
 * replaced with their members: a re-run gives the same rows.
 */
export async function seedBaseGroupings(em: EntityManager): Promise<void> {
  const istat = ref(Dataset, 'istat-elenco-comuni');
  const summary = readSeedCsv('hub', 'comuni_cr_summary.csv');
  const cremasco = readSeedCsv('hub', 'cremasco_comuni.csv');
  const groupings: [Partial<TerritorialGrouping>, string[]][] = [
    [
      {
        code: 'province-cr',
        name: 'Provincia di Cremona',
        kind: GroupingKind.PROVINCE,
        description: 'The 113 comuni of the province of Cremona (ISTAT province code 019).',
        dataset: istat,
      },
      summary.map((r) => r.com_istat_code),
    ],
    [
      {
        code: 'area-omogenea-cremasca',
        name: 'Area Omogenea Cremasca',
        kind: GroupingKind.AREA,
        description:
          'The 48 comuni of the Ambito distrettuale Cremasco / Area Omogenea Cremasca (Piano di Zona 2021/2023).',
        dataset: ref(Dataset, 'hub-territory-groupings'),
        sourceNote: 'territory/cremasco_comuni.csv, column cremasco_ambito_48',
      },
      cremasco.filter((r) => r.cremasco_ambito_48 === '1').map((r) => r.com_istat_code),
    ],
    [
      {
        code: 'consorzio-it',
        name: 'Comuni soci di Consorzio.IT',
        kind: GroupingKind.MEMBERSHIP,
        description:
          'The 52 comuni taking part in Consorzio.IT. Membership is INFERRED: the 48 of the Area Omogenea Cremasca plus Annicco, Casalmorano, Formigara and Pizzighettone; no official member list was found. Supported by the founders of the 2024–2025 energy communities (all but Izano; see source.note).',
        declaredMemberCount: 52,
        membershipInferred: true,
        dataset: ref(Dataset, 'hub-territory-groupings'),
        sourceNote: CONSORZIO_IT_MEMBERSHIP_NOTE,
      },
      cremasco.filter((r) => r.consorzio_it_52_inferred === '1').map((r) => r.com_istat_code),
    ],
  ];
  await upsertGroupings(em, groupings);
}

/** Shape of seeds/data/hub/organizations.json. */
interface OrganizationSeed {
  code: string;
  name: string;
  kind: string;
  website: string | null;
  roleNotes: string | null;
  sourceNote?: string;
}

/** Creates or updates the organisations of organizations.json (by code). */
export async function seedOrganizations(em: EntityManager): Promise<void> {
  const orgs = readSeedJson<OrganizationSeed[]>('hub', 'organizations.json');
  const press = ref(Dataset, 'press-consorzio-it');
  await em.upsertMany(
    Organization,
    orgs.map((o) => ({
      ...o,
      kind: o.kind as OrganizationKind,
      dataset: press,
      sourceNote: o.sourceNote ?? 'press releases and news, 2020–2025',
    })),
  );
}

/**
 * Creates or replaces groupings with their members. Domains use it for the groupings they
 * add (programme participants, lots, plan groups).
 */
export async function upsertGroupings(
  em: EntityManager,
  groupings: [Partial<TerritorialGrouping>, string[]][],
): Promise<void> {
  for (const [g, members] of groupings) {
    await em.upsert(TerritorialGrouping, g);
    await em.nativeDelete(GroupingMember, { grouping: g.code! });
    for (const code of members)
      em.create(GroupingMember, {
        grouping: em.getReference(TerritorialGrouping, g.code!),
        comune: em.getReference(Comune, code),
      });
  }
  await em.flush();
}

/** The hub's seed: datasets, comuni, base groupings, organisations. */
export const hubSeed: DomainSeed = {
  name: 'hub',
  isSeeded: async (em) => (await em.count(Comune)) > 0,
  run: seedHub,
};
