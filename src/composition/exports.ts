import type { Domain, ExportColumn, ExportDefinition } from '../common/domain.js';

const HUB_WIDE: ExportColumn[] = [
  { name: 'istat_code', type: 'text', description: 'ISTAT code of the comune (6 digits).' },
  { name: 'name', type: 'text', description: 'Official name.' },
  { name: 'cadastral_code', type: 'text', description: 'Cadastral code (codice catastale).' },
  { name: 'postal_codes', type: 'text', description: 'Postal codes (CAP), separated by ";".' },
  { name: 'population_legal_2011', type: 'integer', description: 'Legal population, census 2011.' },
  {
    name: 'population_resident_2021',
    type: 'integer',
    description: 'Resident population on 1 January 2021.',
  },
  {
    name: 'area_km2',
    type: 'decimal',
    description: 'Area in km² computed from the boundary (as `areaKm2`).',
  },
  { name: 'centroid_lat', type: 'decimal', description: 'Latitude of the centroid (WGS84).' },
  { name: 'centroid_lon', type: 'decimal', description: 'Longitude of the centroid (WGS84).' },
  {
    name: 'groupings',
    type: 'text',
    description: 'Codes of the territorial groupings it belongs to, ";"-separated.',
  },
  {
    name: 'area_omogenea_cremasca',
    type: 'boolean',
    description: 'true when in the Area Omogenea Cremasca (48).',
  },
  {
    name: 'consorzio_it',
    type: 'boolean',
    description: 'true when a Consorzio.IT member (52, inferred).',
  },
];

/** The datasets behind each of the hub's own columns of the wide table. */
const HUB_WIDE_DATASETS: Record<string, string[]> = {
  area_km2: ['openpolis-limits-cr'],
  centroid_lat: ['openpolis-limits-cr'],
  centroid_lon: ['openpolis-limits-cr'],
  groupings: ['hub-territory-groupings'],
  area_omogenea_cremasca: ['hub-territory-groupings'],
  consorzio_it: ['hub-territory-groupings'],
};

/**
 * The datasets each column of the wide table can come from: the hub's own columns one by
 * one, a domain's columns those of the domain's `wideColumns` (the map shows them as the
 * source of an indicator).
 */
export function wideColumnDatasets(domains: readonly Domain[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of HUB_WIDE) out[c.name] = HUB_WIDE_DATASETS[c.name] ?? ['istat-elenco-comuni'];
  for (const w of domains.flatMap((d) => (d.wideColumns ? [d.wideColumns] : [])))
    for (const c of w.columns) out[c.name] = w.datasets;
  return out;
}

const HUB_SQL = (comuni: string) => `
  select c.istat_code, c.name, c.cadastral_code, array_to_string(c.postal_codes, ';') as postal_codes,
         c.pop_legal2011 as population_legal_2011, c.pop_resident2021 as population_resident_2021,
         c.area_km2, c.centroid_lat, c.centroid_lon,
         (select string_agg(m.grouping_code, ';' order by m.grouping_code) from grouping_member m
           where m.comune_istat_code = c.istat_code) as groupings,
         exists (select 1 from grouping_member m where m.comune_istat_code = c.istat_code
           and m.grouping_code = 'area-omogenea-cremasca') as area_omogenea_cremasca,
         exists (select 1 from grouping_member m where m.comune_istat_code = c.istat_code
           and m.grouping_code = 'consorzio-it') as consorzio_it
    from comune c where c.istat_code = any(${comuni})`;

/**
 * The hub's exports: the wide table of the comuni (one row per comune, one column per
 * indicator of every domain), also as GeoJSON (the boundaries with the whole wide table as
 * properties).
 */
export function hubExports(domains: readonly Domain[]): Record<string, ExportDefinition> {
  const wide = domains.flatMap((d) => (d.wideColumns ? [d.wideColumns] : []));
  const wideSql = (comuni: string) => {
    const joins = wide.map((w, i) => `left join (${w.sql(comuni)}) w${i} using (istat_code)`);
    const cols = wide.flatMap((w, i) => w.columns.map((c) => `w${i}."${c.name}"`));
    return `select h.*${cols.map((c) => `, ${c}`).join('')}
      from (${HUB_SQL(comuni)}) h ${joins.join(' ')} order by h.istat_code`;
  };
  return {
    comuni: {
      title: 'Comuni of the province of Cremona: the wide table',
      description:
        'One row per comune, one column per indicator of every domain: identity, population, area, groupings, and the indicators each domain adds (PNRR totals per measure, broadband counts and shares per plan, collection centres, energy communities, civil-protection plan status...).',
      columns: [...HUB_WIDE, ...wide.flatMap((w) => w.columns)],
      datasets: [
        'istat-elenco-comuni',
        'openpolis-limits-cr',
        'hub-territory-groupings',
        ...wide.flatMap((w) => w.datasets),
      ],
      tables: ['comune', 'grouping_member', ...wide.flatMap((w) => w.tables)],
      sql: wideSql,
      // The comuni's boundaries come from their own dataset (openpolis), not the ISTAT list;
      // the groupings from the datasets of the groupings (grouping_member records none).
      extraSources: (comuni) =>
        `select boundary_dataset_id as dataset_id from comune
          where istat_code = any(${comuni}) and boundary_dataset_id is not null
         union select g.dataset_id from territorial_grouping g
          where exists (select 1 from grouping_member m where m.grouping_code = g.code
            and m.comune_istat_code = any(${comuni}))`,
      // Every column of the wide table as properties, with the same names and values (JSON
      // numbers, booleans, ISO dates; null where the CSV cell is empty): a choropleth of any
      // indicator needs no join.
      geojson: (comuni) => `
        select json_build_object('type', 'Feature', 'id', w.istat_code, 'geometry', c.boundary,
          'properties', row_to_json(w)) as feature
          from (${wideSql(comuni)}) w join comune c on c.istat_code = w.istat_code
         order by w.istat_code`,
    },
  };
}
