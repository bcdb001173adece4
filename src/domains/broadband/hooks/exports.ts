import type { ExportDefinition, WideColumns } from '../../../common/domain.js';
import { ANNCSU_LOW_PER_RESIDENT } from '../model/anncsu.entity.js';
import { SHARE_NOTES } from '../data/gaps.stats.js';
import { CURRENT_MAPPING_SQL } from '../model/mapping.entity.js';
import { KM_UNKNOWN } from '../data/stats.js';

const DATASETS = [
  'infratel-mappatura-2025',
  'bul-stato-lavori',
  'anncsu-civici-per-comune',
  'broadband-synthetic-sample',
  'broadband-coverage-import',
];
const PLANS = ['WHITE_AREAS_BUL', 'GREY_AREAS_1GIGA', 'COMMERCIAL'] as const;

/** A text as a SQL literal. */
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A JS note template as SQL text with the given SQL expressions in its holes. */
const template = (fill: (...holes: string[]) => string, ...exprs: string[]) => {
  const marks = exprs.map((_, i) => `\uE000${i}\uE000`);
  return fill(...marks)
    .split(/\uE000(\d+)\uE000/)
    .map((part, i) => (i % 2 ? `(${exprs[Number(part)]})::text` : lit(part)))
    .join(' || ');
};

/**
 * Broadband indicators of the wide table. Each column is the API field it names (the
 * description says which), computed the same way, null (empty) where the API says null.
 */
export const broadbandWideColumns: WideColumns = {
  columns: [
    {
      name: 'bb_gaps_mapping',
      description:
        'Code of the current mapping of fixed networks (Infratel), e.g. infratel-2025 = Comune.broadband.gaps.mapping.code.',
    },
    {
      name: 'bb_gaps_listed_count',
      description:
        'Civic numbers the current mapping lists as not expected above 300 Mbit/s by 2028 = broadband.gaps.listedCount.',
    },
    ...(['a', 'b', 'c'] as const).map((c) => ({
      name: `bb_gaps_category_${c}`,
      description: `Of which category ${c.toUpperCase()} = broadband.gaps.byCategory[${c.toUpperCase()}].count.`,
    })),
    {
      name: 'bb_gaps_anncsu_civic_numbers',
      description:
        'Civic numbers registered in ANNCSU; empty when unknown (35 comuni) = broadband.gaps.anncsuCivicNumbers.',
    },
    {
      name: 'bb_gaps_share_of_anncsu',
      description:
        'Listed civic numbers / ANNCSU civic numbers, 4 decimals; empty when unknown or not meaningful (see the note) = broadband.gaps.shareOfAnncsu.',
    },
    {
      name: 'bb_gaps_share_note',
      description: 'Why the share is empty, or what to keep in mind = broadband.gaps.shareNote.',
    },
    {
      name: 'bb_fibre_in_plan',
      description:
        'true when fibre is in the white-areas plan (BUL) for the comune or one of its places = broadband.fibreInPlan.',
    },
    {
      name: 'bb_fwa_in_plan',
      description: 'true when FWA is in the white-areas plan for the comune = broadband.fwaInPlan.',
    },
    {
      name: 'bb_plan_places',
      description:
        'Places of the comune in the plan file, ";"-separated (two for comuni merged in 2019) = broadband.plan[].place.',
    },
    {
      name: 'bb_plan_fibre_state',
      description:
        'State of works of fibre per place, ";"-separated (e.g. COMPLETED) = broadband.plan[].fibre.state.',
    },
    {
      name: 'bb_plan_fibre_year',
      description:
        'Year of the fibre plan per place, ";"-separated = broadband.plan[].fibre.planYear.',
    },
    {
      name: 'bb_plan_fwa_state',
      description: 'State of works of FWA per place, ";"-separated = broadband.plan[].fwa.state.',
    },
    {
      name: 'bb_plan_fwa_year',
      description: 'Year of the FWA plan per place, ";"-separated = broadband.plan[].fwa.planYear.',
    },
    {
      name: 'bb_plan_as_of',
      description:
        'Date of the plan states; empty when the file is not dated = broadband.plan[].asOf.',
    },
    {
      name: 'bb_plan_known_by',
      description:
        'The plan file was published by this date (states no later) = broadband.plan[].knownBy.',
    },
    {
      name: 'bb_addresses',
      description:
        'Civic numbers with a per-address coverage record (synthetic sample or imported extract); empty when none = broadband.addressCount.',
    },
    {
      name: 'bb_units',
      description: 'Real-estate units at those civic numbers = broadband.unitCount.',
    },
    {
      name: 'bb_coverage_synthetic',
      description:
        'true when the per-address records behind bb_addresses..bb_commercial_units are SYNTHETIC = broadband.synthetic.',
    },
    {
      name: 'bb_white_area_network_km',
      description:
        'Length of the white-area FTTH network, km; empty when unknown (no open data give it per comune) = broadband.networkKm.',
    },
    {
      name: 'bb_white_area_network_km_note',
      description: 'Why the length is empty, or what it rests on = broadband.networkKmNote.',
    },
    {
      name: 'bb_ftth_share',
      description:
        'Share of units (0–1, 4 decimals) with an ACTIVATABLE FTTH coverage = broadband.coverage.ftthShare.',
    },
    {
      name: 'bb_gigabit_share',
      description:
        'Share of units with an ACTIVATABLE coverage of at least 1000 Mbit/s = broadband.coverage.gigabitShare.',
    },
    {
      name: 'bb_200mbps_share',
      description:
        'Share of units with an ACTIVATABLE coverage of at least 200 Mbit/s = broadband.coverage.atLeast200MbpsShare.',
    },
    ...PLANS.flatMap((p) => [
      {
        name: `bb_${p.toLowerCase()}_addresses`,
        description: `Civic numbers whose coverage record has plan ${p} = broadband.byPlan[${p}].addressCount.`,
      },
      {
        name: `bb_${p.toLowerCase()}_units`,
        description: `Units at those civic numbers = broadband.byPlan[${p}].unitCount.`,
      },
    ]),
  ],
  datasets: DATASETS,
  tables: [
    'broadband_mapping',
    'coverage_observation',
    'anncsu_civic_count',
    'broadband_plan_status',
    'civic_address',
    'address_coverage',
    'white_area_network',
  ],
  sql: (comuni) => `
    select k.code as istat_code,
      g.mapping as bb_gaps_mapping, g.listed as bb_gaps_listed_count,
      g.a as bb_gaps_category_a, g.b as bb_gaps_category_b, g.c as bb_gaps_category_c,
      case when g.mapping is not null then n.total end as bb_gaps_anncsu_civic_numbers,
      case when g.mapping is not null and n.total >= g.listed then round(g.listed::numeric / nullif(n.total, 0), 4) end
        as bb_gaps_share_of_anncsu,
      case when g.mapping is null then null
           when n.total is null then ${lit(SHARE_NOTES.unknown)}
           when n.total < g.listed then ${template(SHARE_NOTES.belowListed, 'n.total', 'g.listed')}
           when k.residents is not null and n.total::numeric / k.residents < ${ANNCSU_LOW_PER_RESIDENT}
             then ${lit(SHARE_NOTES.doubtful)} end as bb_gaps_share_note,
      p.fibre as bb_fibre_in_plan, p.fwa as bb_fwa_in_plan, p.places as bb_plan_places,
      p.fibre_state as bb_plan_fibre_state, p.fibre_year as bb_plan_fibre_year,
      p.fwa_state as bb_plan_fwa_state, p.fwa_year as bb_plan_fwa_year,
      p.as_of as bb_plan_as_of, p.known_by as bb_plan_known_by,
      x.addresses as bb_addresses, x.units as bb_units, x.synthetic as bb_coverage_synthetic,
      w.km as bb_white_area_network_km,
      coalesce(w.source_note, case when k.member then ${lit(KM_UNKNOWN.member)} else ${lit(KM_UNKNOWN.outside)} end)
        as bb_white_area_network_km_note,
      round(x.ftth::numeric / nullif(x.units, 0), 4) as bb_ftth_share,
      round(x.gigabit::numeric / nullif(x.units, 0), 4) as bb_gigabit_share,
      round(x.mbps200::numeric / nullif(x.units, 0), 4) as bb_200mbps_share,
      ${PLANS.map(
        (p) =>
          `x.${p.toLowerCase()}_addresses as bb_${p.toLowerCase()}_addresses, x.${p.toLowerCase()}_units as bb_${p.toLowerCase()}_units`,
      ).join(',\n      ')}
    from (select c.istat_code as code, c.pop_resident2021 as residents,
                 exists (select 1 from grouping_member m where m.comune_istat_code = c.istat_code
                           and m.grouping_code = 'consorzio-it') as member
            from comune c where c.istat_code = any(${comuni})) k
    left join lateral (
      select m.code as mapping, count(o.pk)::int as listed,
             count(o.pk) filter (where o.category = 'A')::int as a,
             count(o.pk) filter (where o.category = 'B')::int as b,
             count(o.pk) filter (where o.category = 'C')::int as c
        from broadband_mapping m
        left join coverage_observation o on o.mapping_code = m.code and o.comune_istat_code = k.code
       where m.code = ${CURRENT_MAPPING_SQL} group by m.code) g on true
    left join anncsu_civic_count n on n.comune_istat_code = k.code
    left join lateral (
      select case when bool_or(s.fibre_in_plan) then 'true' else 'false' end as fibre,
             case when bool_or(s.fwa_in_plan) then 'true' else 'false' end as fwa,
             string_agg(s.place, ';' order by s.place) as places,
             string_agg(coalesce(s.fibre_state::text, ''), ';' order by s.place) as fibre_state,
             string_agg(coalesce(s.fibre_plan_year::text, ''), ';' order by s.place) as fibre_year,
             string_agg(coalesce(s.fwa_state::text, ''), ';' order by s.place) as fwa_state,
             string_agg(coalesce(s.fwa_plan_year::text, ''), ';' order by s.place) as fwa_year,
             to_char(min(s.as_of), 'YYYY-MM-DD') as as_of, to_char(min(s.known_by), 'YYYY-MM-DD') as known_by,
             count(*) as n
        from broadband_plan_status s where s.comune_istat_code = k.code
      having count(*) > 0) p on true
    left join white_area_network w on w.comune_istat_code = k.code
    left join lateral (
      select sum(a.addresses)::int as addresses, sum(a.units)::int as units,
             case when bool_or(d.synthetic) then 'true' else 'false' end as synthetic,
             sum(a.ftth) as ftth, sum(a.gigabit) as gigabit, sum(a.mbps200) as mbps200,
             ${PLANS.map(
               (p) =>
                 `coalesce(sum(a.addresses) filter (where a.plan = '${p}'), 0)::int as ${p.toLowerCase()}_addresses, coalesce(sum(a.units) filter (where a.plan = '${p}'), 0)::int as ${p.toLowerCase()}_units`,
             ).join(',\n             ')}
        from broadband_cell a join dataset d on d.id = a.dataset_id
       where a.comune_istat_code = k.code
      having count(*) > 0) x on true`,
};

const addressSql = (comuni: string) => `
  select a.code as address_code, a.comune_istat_code as istat_code, k.name as comune, a.street_type,
         a.street_name, nullif(a.number, 0) as number, nullif(a.exponent, '') as exponent,
         coalesce(a.civic_text, a.number || case when a.exponent <> '' then '/' || a.exponent else '' end) as civic_number,
         a.postal_code, a.lat, a.lon, a.units,
         o.mapping_code as gap_mapping, o.category as gap_category,
         c.technology, c.max_download_mbps, c.max_upload_mbps, c.plan,
         c.operator_code as operator, c.status, c.status_on, d.synthetic
    from civic_address a
    join comune k on k.istat_code = a.comune_istat_code
    join dataset d on d.id = a.dataset_id
    left join address_coverage c on c.address_pk = a.pk
    left join coverage_observation o on o.address_pk = a.pk and o.mapping_code = ${CURRENT_MAPPING_SQL}
   where a.comune_istat_code = any(${comuni})
   order by a.pk`;

/** Bulk exports of the broadband domain. */
export const broadbandExports: Record<string, ExportDefinition> = {
  addresses: {
    title: 'Civic addresses with what is known of their broadband',
    description:
      'One row per civic address the hub holds: the real civic numbers of Infratel\u2019s 2025 list (with their category; no location, units or per-address technology: empty) and, when loaded, the SYNTHETIC sample or imported extracts with their per-address coverage (see `synthetic`).',
    columns: [
      { name: 'address_code', description: 'Stable code of the address in the hub.' },
      { name: 'istat_code', description: 'ISTAT code of the comune.' },
      { name: 'comune', description: 'Name of the comune.' },
      { name: 'street_type', description: 'Street type (DUG): VIA, VIALE, PIAZZA, CASCINA...' },
      { name: 'street_name', description: 'Street name, as the source writes it.' },
      { name: 'number', description: 'House number; empty for a civic without one (SNC).' },
      { name: 'exponent', description: 'Exponent (esponente), e.g. A in 12/A; empty when none.' },
      {
        name: 'civic_number',
        description: 'The house number as the source writes it: 12, 12/A, 0/SNC.',
      },
      { name: 'postal_code', description: 'Postal code (CAP); empty when the source has none.' },
      { name: 'lat', description: 'Latitude (WGS84); empty when unknown (Infratel\u2019s list).' },
      { name: 'lon', description: 'Longitude (WGS84); empty when unknown.' },
      { name: 'units', description: 'Real-estate units at the address; empty when unknown.' },
      {
        name: 'gap_mapping',
        description:
          'Code of the current mapping when it lists the civic (not expected above 300 Mbit/s by 2028); empty when it does not.',
      },
      { name: 'gap_category', description: 'Its category A, B or C; empty when not listed.' },
      { name: 'technology', description: 'FTTH, FTTC, FWA or ADSL; empty without a record.' },
      { name: 'max_download_mbps', description: 'Maximum download speed, Mbit/s.' },
      { name: 'max_upload_mbps', description: 'Maximum upload speed, Mbit/s.' },
      { name: 'plan', description: 'WHITE_AREAS_BUL, GREY_AREAS_1GIGA or COMMERCIAL.' },
      {
        name: 'operator',
        description: 'Code of the network operator (see organizations), when known.',
      },
      { name: 'status', description: 'PLANNED, DESIGNED, IN_WORKS or ACTIVATABLE.' },
      { name: 'status_on', description: 'Date of the current status (ISO), when known.' },
      { name: 'synthetic', description: 'true when the civic address is synthetic.' },
    ],
    datasets: DATASETS,
    tables: ['civic_address', 'address_coverage', 'coverage_observation', 'comune'],
    sql: addressSql,
    geojson: (comuni) => `
      select json_build_object('type', 'Feature', 'id', x.address_code,
        'geometry', case when x.lat is null then null
                         else json_build_object('type', 'Point', 'coordinates', json_build_array(x.lon, x.lat)) end,
        'properties', to_jsonb(x) - 'lat' - 'lon') as feature
      from (${addressSql(comuni)}) x`,
  },
};
