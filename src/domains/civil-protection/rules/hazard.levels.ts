import { Hazard, HazardLevel } from '../model/enums.js';

/** Dataset of ISPRA IdroGEO's indicators per comune. */
export const ISPRA_DATASET = 'ispra-idrogeo-indicatori-comuni';
/** Dataset of the seismic classification of the DPC. */
export const DPC_DATASET = 'dpc-classificazione-sismica-2025-05';

/** A hazard level as ISPRA publishes it: its code, its column suffix and its name. */
export interface LevelDefinition {
  hazard: Hazard.FLOOD | Hazard.HYDROGEOLOGICAL;
  level: HazardLevel;
  /** ISPRA's class code. */
  code: string;
  /** Suffix of the level's columns in ISPRA's file, e.g. `id_H` in `pop_id_H`. */
  column: string;
  /** Short name used in export column names, e.g. `flood_p3`. */
  slug: string;
  label: string;
}

/** The levels of ISPRA IdroGEO, in the order the API lists them. */
export const LEVELS: readonly LevelDefinition[] = [
  {
    hazard: Hazard.FLOOD,
    level: HazardLevel.HIGH,
    code: 'P3',
    column: 'id_H',
    slug: 'flood_p3',
    label: 'Flood hazard P3, high (pericolosità idraulica elevata): frequent floods',
  },
  {
    hazard: Hazard.FLOOD,
    level: HazardLevel.MEDIUM,
    code: 'P2',
    column: 'id_M',
    slug: 'flood_p2',
    label: 'Flood hazard P2, medium (pericolosità idraulica media): infrequent floods',
  },
  {
    hazard: Hazard.FLOOD,
    level: HazardLevel.LOW,
    code: 'P1',
    column: 'id_L',
    slug: 'flood_p1',
    label: 'Flood hazard P1, low (pericolosità idraulica bassa): rare floods or extreme events',
  },
  {
    hazard: Hazard.HYDROGEOLOGICAL,
    level: HazardLevel.VERY_HIGH,
    code: 'P4',
    column: 'fr_P4',
    slug: 'landslide_p4',
    label: 'Landslide hazard P4, very high (pericolosità da frana molto elevata)',
  },
  {
    hazard: Hazard.HYDROGEOLOGICAL,
    level: HazardLevel.HIGH,
    code: 'P3',
    column: 'fr_P3',
    slug: 'landslide_p3',
    label: 'Landslide hazard P3, high (pericolosità da frana elevata)',
  },
  {
    hazard: Hazard.HYDROGEOLOGICAL,
    level: HazardLevel.MEDIUM,
    code: 'P2',
    column: 'fr_P2',
    slug: 'landslide_p2',
    label: 'Landslide hazard P2, medium (pericolosità da frana media)',
  },
  {
    hazard: Hazard.HYDROGEOLOGICAL,
    level: HazardLevel.LOW,
    code: 'P1',
    column: 'fr_P1',
    slug: 'landslide_p1',
    label: 'Landslide hazard P1, moderate (pericolosità da frana moderata)',
  },
  {
    hazard: Hazard.HYDROGEOLOGICAL,
    level: HazardLevel.ATTENTION,
    code: 'AA',
    column: 'fr_AA',
    slug: 'landslide_aa',
    label: 'Landslide attention areas AA (aree di attenzione)',
  },
];

/** The kinds of exposed elements, with their column prefix in ISPRA's file. */
export const MEASURES = [
  { key: 'residents', column: 'pop', slug: 'residents', what: 'residents' },
  { key: 'families', column: 'fam', slug: 'families', what: 'families' },
  { key: 'buildings', column: 'edf', slug: 'buildings', what: 'buildings' },
  {
    key: 'businessUnits',
    column: 'ulc',
    slug: 'business_units',
    what: 'local business units',
  },
  {
    key: 'culturalHeritage',
    column: 'bct',
    slug: 'cultural_heritage',
    what: 'cultural heritage items',
  },
] as const;

/** Key of an exposed-element measure, e.g. `residents`. */
export type MeasureKey = (typeof MEASURES)[number]['key'];
