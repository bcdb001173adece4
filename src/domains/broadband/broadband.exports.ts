import type { ExportDefinition, WideColumns } from '../../common/domain.js';

const DATASETS = [
  'broadband-synthetic-sample',
  'broadband-coverage-import',
  'press-broadband-consorzio-it',
];
const TABLES = ['civic_address', 'address_coverage', 'white_area_network'];
const PLANS = ['WHITE_AREAS_BUL', 'GREY_AREAS_1GIGA', 'COMMERCIAL'] as const;

/** Broadband indicators of the wide table. */
export const broadbandWideColumns: WideColumns = {
  columns: [
    { name: 'bb_addresses', description: 'Civic addresses (numeri civici) with coverage data.' },
    { name: 'bb_units', description: 'Real-estate units (unità immobiliari) at those addresses.' },
    { name: 'bb_white_area_network_km', description: 'Length of the white-area FTTH network, km.' },
    { name: 'bb_ftth_share', description: 'Share of addresses with FTTH, 0 to 1 (4 decimals).' },
    {
      name: 'bb_gigabit_share',
      description: 'Share of addresses with at least 1000 Mbit/s download.',
    },
    {
      name: 'bb_200mbps_share',
      description: 'Share of addresses with at least 200 Mbit/s download.',
    },
    ...PLANS.flatMap((p) => [
      {
        name: `bb_${p.toLowerCase()}_addresses`,
        description: `Addresses whose coverage plan is ${p}.`,
      },
      { name: `bb_${p.toLowerCase()}_units`, description: `Units at addresses of plan ${p}.` },
    ]),
  ],
  datasets: DATASETS,
  tables: TABLES,
  sql: (comuni) => `
    select a.comune_istat_code as istat_code, count(*) as bb_addresses, sum(a.units) as bb_units,
      (select w.km from white_area_network w where w.comune_istat_code = a.comune_istat_code) as bb_white_area_network_km,
      round(avg((c.technology = 'FTTH')::int), 4) as bb_ftth_share,
      round(avg((c.max_download_mbps >= 1000)::int), 4) as bb_gigabit_share,
      round(avg((c.max_download_mbps >= 200)::int), 4) as bb_200mbps_share,
      ${PLANS.map(
        (p) =>
          `count(*) filter (where c.plan = '${p}') as bb_${p.toLowerCase()}_addresses, coalesce(sum(a.units) filter (where c.plan = '${p}'), 0) as bb_${p.toLowerCase()}_units`,
      ).join(',\n      ')}
    from civic_address a join address_coverage c on c.address_pk = a.pk
    where a.comune_istat_code = any(${comuni})
    group by a.comune_istat_code`,
};

const addressSql = (comuni: string) => `
  select a.code as address_code, a.comune_istat_code as istat_code, k.name as comune, a.street_type,
         a.street_name, a.number, nullif(a.exponent, '') as exponent, a.postal_code,
         a.lat, a.lon, a.units, c.technology, c.max_download_mbps, c.max_upload_mbps, c.plan,
         c.operator_code as operator, c.status, c.status_on, d.synthetic
    from civic_address a join address_coverage c on c.address_pk = a.pk
    join comune k on k.istat_code = a.comune_istat_code
    join dataset d on d.id = c.dataset_id
   where a.comune_istat_code = any(${comuni})
   order by a.pk`;

/** Bulk exports of the broadband domain. */
export const broadbandExports: Record<string, ExportDefinition> = {
  addresses: {
    title: 'Civic addresses with their broadband coverage',
    description:
      'One row per civic address (ANNCSU-like) with its coverage. The current data are a SYNTHETIC sample calibrated to published aggregates (see `synthetic` and the sources) until a real per-address extract is imported.',
    columns: [
      { name: 'address_code', description: 'Stable code of the address in the hub.' },
      { name: 'istat_code', description: 'ISTAT code of the comune.' },
      { name: 'comune', description: 'Name of the comune.' },
      { name: 'street_type', description: 'Street type (DUG): VIA, VIALE, PIAZZA...' },
      { name: 'street_name', description: 'Street name.' },
      { name: 'number', description: 'House number.' },
      { name: 'exponent', description: 'Exponent (esponente), e.g. A in 12/A; empty when none.' },
      { name: 'postal_code', description: 'Postal code (CAP).' },
      { name: 'lat', description: 'Latitude (WGS84).' },
      { name: 'lon', description: 'Longitude (WGS84).' },
      { name: 'units', description: 'Real-estate units at the address.' },
      { name: 'technology', description: 'FTTH, FTTC, FWA or ADSL.' },
      { name: 'max_download_mbps', description: 'Maximum download speed, Mbit/s.' },
      { name: 'max_upload_mbps', description: 'Maximum upload speed, Mbit/s.' },
      { name: 'plan', description: 'WHITE_AREAS_BUL, GREY_AREAS_1GIGA or COMMERCIAL.' },
      {
        name: 'operator',
        description: 'Code of the network operator (see organizations), when known.',
      },
      { name: 'status', description: 'PLANNED, DESIGNED, IN_WORKS or ACTIVATABLE.' },
      { name: 'status_on', description: 'Date of the current status (ISO), when known.' },
      { name: 'synthetic', description: 'true when the coverage record is synthetic.' },
    ],
    datasets: DATASETS,
    tables: [...TABLES, 'comune'],
    sql: addressSql,
    geojson: (comuni) => `
      select json_build_object('type', 'Feature', 'id', x.address_code,
        'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(x.lon, x.lat)),
        'properties', to_jsonb(x) - 'lat' - 'lon') as feature
      from (${addressSql(comuni)}) x`,
  },
};
