import type { ExportColumn } from '../../../common/domain.js';
import { DPC_DATASET, ISPRA_DATASET, LEVELS, MEASURES } from '../rules/hazard.levels.js';

/*
 * The hazard columns of the wide table: the same figures as a comune's hazard profile
 * (ISPRA's values as stored, null where the API says null), one column per level and
 * measure, named `hazard_<level>_<measure>` (e.g. hazard_flood_p3_residents).
 */

const BASIS: Record<string, string> = {
  residents: 'residents, ISTAT census 2011',
  families: 'families, ISTAT census 2011',
  buildings: 'buildings, ISTAT census 2011',
  businessUnits: 'local business units, ISTAT census 2011',
  culturalHeritage: 'cultural heritage items, ISCR 2021',
};

const hazardName = (slug: string) => (slug.startsWith('flood') ? 'flood' : 'landslide');

/** The hazard columns, in order: seismic zone, ISPRA's totals, then each level. */
export const hazardColumns: ExportColumn[] = [
  {
    name: 'hazard_seismic_zone',
    description:
      'Seismic zone ("1" highest to "4" lowest), Dipartimento della Protezione Civile, classification of May 2025; empty when not held.',
  },
  {
    name: 'hazard_seismic_as_of',
    description: 'Date of the seismic classification: first day of its month (ISO).',
  },
  {
    name: 'hazard_base_buildings',
    description:
      "Buildings of the comune, ISTAT census 2011 (ISPRA IdroGEO): the base of the buildings' shares.",
  },
  {
    name: 'hazard_base_business_units',
    description:
      'Local business units of the comune, ISTAT census 2011 (ISPRA IdroGEO): the base of their shares.',
  },
  {
    name: 'hazard_base_cultural_heritage',
    description:
      'Cultural heritage items of the comune, ISCR 2021 (ISPRA IdroGEO): the base of their shares.',
  },
  ...LEVELS.flatMap((l): ExportColumn[] => [
    {
      name: `hazard_${l.slug}_area_km2`,
      description: `${l.label}: area in km², ISPRA IdroGEO (${hazardName(l.slug)} hazard mosaic 2020).`,
    },
    {
      name: `hazard_${l.slug}_area_percent`,
      description: `${l.label}: ISPRA's share of the comune's area, percent (can slightly exceed 100).`,
    },
    ...MEASURES.flatMap((m): ExportColumn[] => [
      {
        name: `hazard_${l.slug}_${m.slug}`,
        description: `${l.label}: ${BASIS[m.key]} in the hazard areas (ISPRA IdroGEO).`,
      },
      {
        name: `hazard_${l.slug}_${m.slug}_percent`,
        description: `${l.label}: share of the comune's ${m.what}, percent as ISPRA publishes it; empty when undefined (0 of 0) or unknown.`,
      },
    ]),
  ]),
];

/** Datasets and tables behind the hazard columns. */
export const hazardDatasets = [ISPRA_DATASET, DPC_DATASET];
export const hazardTables = [
  'hazard_seismic_zone',
  'hazard_idrogeo_comune',
  'hazard_idrogeo_level',
];

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Selected expressions of the hazard columns over the joins of {@link hazardJoins}. */
export const hazardSelect = [
  'hs.zone as hazard_seismic_zone',
  'hs.as_of_on as hazard_seismic_as_of',
  'hi.buildings as hazard_base_buildings',
  'hi.business_units as hazard_base_business_units',
  'hi.cultural_heritage as hazard_base_cultural_heritage',
  ...LEVELS.flatMap((l) => {
    const pick = (column: string, name: string) =>
      `max(hl.${column}) filter (where hl.hazard = '${l.hazard}' and hl.level = '${l.level}') as ${name}`;
    return [
      pick('area_km2', `hazard_${l.slug}_area_km2`),
      pick('area_percent', `hazard_${l.slug}_area_percent`),
      ...MEASURES.flatMap((m) => [
        pick(snake(m.key), `hazard_${l.slug}_${m.slug}`),
        pick(`${snake(m.key)}_percent`, `hazard_${l.slug}_${m.slug}_percent`),
      ]),
    ];
  }),
];

/** Joins of the hazard tables on `c.istat_code`, grouped by comune. */
export const hazardJoins = `
  left join hazard_seismic_zone hs on hs.comune_istat_code = c.istat_code
  left join hazard_idrogeo_comune hi on hi.comune_istat_code = c.istat_code
  left join hazard_idrogeo_level hl on hl.indicators_comune_istat_code = c.istat_code`;

/** GROUP BY of the non-aggregated columns. */
export const hazardGroupBy = [
  'hs.zone',
  'hs.as_of_on',
  'hi.buildings',
  'hi.business_units',
  'hi.cultural_heritage',
];
