/**
 * The hand-written SQL of the raw floor (bench/raw-server.ts): ONE statement per request,
 * each building the whole JSON answer in PostgreSQL. The semantics follow the hub's
 * (see bench/README in RESULTS.md): PNRR counts grants whose body is the comune itself,
 * renounced excluded; broadband shares are shares of units with ACTIVATABLE coverage.
 */

/** Tables with a dataset and a comune column, for `sources` (found at start-up). */
export const SOURCED_TABLES_SQL = `
  select c.table_name from information_schema.columns c
   where c.table_schema = 'public' and c.column_name = 'comune_istat_code'
     and exists (select 1 from information_schema.columns d where d.table_schema = 'public'
                 and d.table_name = c.table_name and d.column_name = 'dataset_id')
     and exists (select 1 from information_schema.tables t where t.table_schema = 'public'
                 and t.table_name = c.table_name and t.table_type = 'BASE TABLE')
   order by 1`;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** True when the hub's per-comune coverage cells (materialized view) exist. */
export const CELLS_SQL = `select to_regclass('public.broadband_cell') is not null as cells`;

/**
 * The distinct datasets of one table's rows of comune `code` by a skip scan (a few index
 * probes rather than a pass over the comune's rows), as the hub does.
 */
export const skipScan = (table: string, code: string) => `(with recursive r(ds) as (
    (select dataset_id from ${q(table)} where comune_istat_code = ${code} order by dataset_id limit 1)
    union all
    select (select dataset_id from ${q(table)} where comune_istat_code = ${code} and dataset_id > r.ds
             order by dataset_id limit 1) from r where r.ds is not null)
  select ds as dataset_id from r where ds is not null)`;

/**
 * The dossiers of the comuni in `codes` (a SQL text[] expression) as ONE statement giving
 * a json array ordered by ISTAT code. The heavy parts (broadband aggregates, datasets
 * behind the records) are computed set-based once for all the comuni, in CTEs.
 */
export function dossiersSql(sourcedTables: string[], codes: string, cells: boolean): string {
  const sourced = sourcedTables
    .map(
      (t) =>
        `select x.code as comune_istat_code, d.dataset_id from unnest(${codes}) x(code), lateral ${skipScan(t, 'x.code')} d`,
    )
    .join(' union ');
  const bbCells = cells
    ? `select comune_istat_code as k, plan::text as plan, sum(addresses) as n, sum(units) as u, sum(gigabit) as gig
         from broadband_cell where comune_istat_code = any(${codes}) group by 1, 2`
    : `select a.comune_istat_code as k, ac.plan::text as plan, count(*) as n, sum(a.units) as u,
           coalesce(sum(a.units) filter (where ac.status = 'ACTIVATABLE' and ac.max_download_mbps >= 1000), 0) as gig
      from civic_address a join address_coverage ac on ac.address_pk = a.pk
     where a.comune_istat_code = any(${codes}) group by 1, 2`;
  return `with c as materialized (select istat_code, name, dataset_id from comune where istat_code = any(${codes})),
  bb as materialized (${bbCells}),
  src as materialized (
    select comune_istat_code as k, dataset_id from (${sourced || 'select null::text as comune_istat_code, null::text as dataset_id'}) x
    union select m.comune_istat_code, g.dataset_id from grouping_member m join territorial_grouping g on g.code = m.grouping_code
     where m.comune_istat_code = any(${codes})
    union select istat_code, dataset_id from c)
  select coalesce(json_agg(json_build_object(
    'istatCode', c.istat_code,
    'name', c.name,
    'groupings', (select coalesce(json_agg(json_build_object('code', m.grouping_code) order by m.grouping_code), '[]')
                    from grouping_member m where m.comune_istat_code = c.istat_code),
    'pnrr', (select json_build_object('total', coalesce(sum(x.amount), 0)::numeric(14,2)::text,
                      'byMeasure', coalesce(json_agg(json_build_object('amount', x.amount::text) order by x.measure_code), '[]'))
               from (select g.measure_code, sum(g.amount)::numeric(14,2) as amount
                       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
                      where g.comune_istat_code = c.istat_code and b.kind = 'COMUNE' and g.status <> 'RENOUNCED'
                      group by 1) x),
    'broadband', (select json_build_object('addressCount', coalesce(sum(bb.n), 0),
                      'coverage', json_build_object('gigabitShare',
                          case when sum(bb.u) > 0 then round(sum(bb.gig)::numeric / sum(bb.u), 4)::float8 end),
                      'byPlan', coalesce(json_agg(json_build_object('plan', bb.plan, 'addressCount', bb.n) order by bb.plan)
                                         filter (where bb.plan is not null), '[]'))
                    from bb where bb.k = c.istat_code),
    'collectionCentres', (select coalesce(json_agg(json_build_object('kind', cc.kind, 'name', cc.name) order by cc.name), '[]')
                            from collection_centre cc where cc.comune_istat_code = c.istat_code),
    'energyCommunities', (select coalesce(json_agg(json_build_object('name', e.name,
                              'fundings', (select coalesce(json_agg(json_build_object('amount', f.amount::text) order by f.pk), '[]')
                                             from energy_funding f where f.community_code = e.code)) order by e.name), '[]')
                            from energy_community e where c.istat_code = any(e.comune_istat_codes)),
    'civilProtectionPlan', (select json_build_object('status', p.status,
                              'scenarios', (select coalesce(json_agg(json_build_object('hazard', s.hazard) order by s.position), '[]')
                                              from civil_protection_scenario s where s.plan_comune_istat_code = p.comune_istat_code))
                              from civil_protection_plan p where p.comune_istat_code = c.istat_code),
    'timeline', (select coalesce(json_agg(json_build_object('on', t.on_, 'domain', t.domain, 'title', t.title)
                                          order by t.on_ desc, t.domain, t.title), '[]')
                   from (select * from (
                           select g.funded_on as on_, 'pnrr' as domain, 'Funded: ' || g.notice_title as title
                             from pnrr_grant g where g.comune_istat_code = c.istat_code and g.funded_on is not null
                           union all
                           select g.status_on, 'pnrr', 'Renounced: ' || g.notice_title
                             from pnrr_grant g where g.comune_istat_code = c.istat_code and g.status = 'RENOUNCED' and g.status_on is not null
                           union all
                           select p.due_by_on, 'civil-protection', 'Plan due'
                             from civil_protection_plan p where p.comune_istat_code = c.istat_code and p.due_by_on is not null
                           union all
                           select f.announced_on, 'energy', 'Funding: ' || coalesce(f.purpose, e.name)
                             from energy_funding f join energy_community e on e.code = f.community_code
                            where c.istat_code = any(e.comune_istat_codes) and f.announced_on is not null
                           union all
                           select make_date(y.year, 1, 1), 'broadband', y.what
                             from broadband_plan_status p
                             cross join lateral (values (p.fibre_plan_year, 'Fibre plan'), (p.fwa_plan_year, 'FWA plan')) y(year, what)
                            where p.comune_istat_code = c.istat_code and y.year is not null
                           union all
                           select m.published_on, 'broadband', 'Mapping published: ' || m.name
                             from broadband_mapping m where m.published_on is not null
                              and exists (select 1 from coverage_observation o where o.mapping_code = m.code)
                         ) u order by 1 desc, 2, 3 limit 20) t),
    'qualityIssues', (select coalesce(json_agg(json_build_object('code', i.code, 'message', i.message) order by i.domain, i.code, i.pk), '[]')
                        from data_quality_issue i
                       where i.comune_istat_code = c.istat_code
                          or i.grouping_code in (select m.grouping_code from grouping_member m where m.comune_istat_code = c.istat_code)),
    'sources', (select coalesce(json_agg(json_build_object('dataset', d.title, 'licence', d.licence) order by d.id), '[]')
                  from dataset d where d.id in (select src.dataset_id from src where src.k = c.istat_code))
  ) order by c.istat_code), '[]') from c`;
}

/** W1: `{data:{comune}}` for $1 = an ISTAT code. */
export const w1Sql = (tables: string[], cells: boolean) =>
  `select json_build_object('data', json_build_object('comune', (${dossiersSql(tables, 'array[$1::text]', cells)}) -> 0))::text as body`;

/** W5: the dossier of every member of grouping $1, by ISTAT code. */
export const w5Sql = (tables: string[], cells: boolean) =>
  `select json_build_object('data', json_build_object('comuni', (${dossiersSql(
    tables,
    'array(select comune_istat_code::text from grouping_member where grouping_code = $1)',
    cells,
  )})))::text as body`;

const ORDER = 'a.name_key, a.street_type, a.number, a.exponent, a.pk';

/**
 * W2: a page of the addresses of comune $1 with technology $2, keyset order of the index;
 * `deep` adds `after` = ($3..$7). The limit is the last parameter.
 */
export const w2Sql = (deep: boolean) =>
  `select json_build_object('data', json_build_object(
            'edges', coalesce(json_agg(json_build_object('code', x.code, 'streetName', x.street_name,
                       'number', x.number, 'exponent', nullif(x.exponent, ''), 'technology', x.technology)
                       order by x.name_key, x.street_type, x.number, x.exponent, x.pk), '[]'),
            'endCursor', (array_agg(json_build_array(x.name_key, x.street_type, x.number, x.exponent, x.pk)
                       order by x.name_key desc, x.street_type desc, x.number desc, x.exponent desc, x.pk desc))[1]))::text as body
     from (select a.pk, a.code, a.street_name, a.name_key, a.street_type, a.number, a.exponent, c.technology
             from civic_address a join address_coverage c on c.address_pk = a.pk
            where a.comune_istat_code = $1 and c.technology = $2::broadband_technology
              ${deep ? `and (${ORDER}) > ($3, $4, $5::int, $6, $7::int)` : ''}
            order by ${ORDER} limit ${deep ? '$8' : '$3'}) x`;

/** W3: broadband and PNRR figures of every comune of grouping $1. */
export const w3Sql = (cells: boolean) => `
  with comuni as (select m.comune_istat_code as istat_code from grouping_member m where m.grouping_code = $1),
  bb as (${
    cells
      ? `select comune_istat_code as key, sum(addresses) as address_count, sum(units) as unit_count,
                sum(gigabit) as gig, sum(ftth) as ftth
           from broadband_cell where comune_istat_code in (select istat_code from comuni) group by 1`
      : `select a.comune_istat_code as key, count(*) as address_count, sum(a.units) as unit_count,
                sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.max_download_mbps >= 1000) as gig,
                sum(a.units) filter (where c.status = 'ACTIVATABLE' and c.technology = 'FTTH') as ftth
           from civic_address a join address_coverage c on c.address_pk = a.pk
          where a.comune_istat_code in (select istat_code from comuni) group by 1`
  }),
  pn as (select g.comune_istat_code as key, sum(g.amount)::numeric(14,2) as amount, count(*) as n
           from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
          where g.comune_istat_code in (select istat_code from comuni) and b.kind = 'COMUNE' and g.status <> 'RENOUNCED'
          group by 1)
  select json_build_object('data', json_build_object(
     'broadband', (select json_agg(json_build_object('key', k.istat_code, 'addressCount', coalesce(bb.address_count, 0),
                      'unitCount', coalesce(bb.unit_count, 0),
                      'gigabitShare', case when bb.unit_count > 0 then round(coalesce(bb.gig, 0)::numeric / bb.unit_count, 4)::float8 end,
                      'ftthShare', case when bb.unit_count > 0 then round(coalesce(bb.ftth, 0)::numeric / bb.unit_count, 4)::float8 end)
                      order by k.istat_code)
                     from comuni k left join bb on bb.key = k.istat_code),
     'pnrr', (select json_agg(json_build_object('key', pn.key, 'amount', pn.amount::text, 'grantCount', pn.n) order by pn.key) from pn)))::text as body`;

/** W4: every civic address with its coverage, as CSV through COPY (no parameters). */
export const W4_QUERY = `
  select a.code, a.comune_istat_code, a.street_type, a.street_name, a.number, nullif(a.exponent, '') as exponent,
         a.postal_code, a.lat, a.lon, a.units, c.technology, c.max_download_mbps, c.max_upload_mbps,
         c.plan, c.operator_code, c.status, c.status_on, a.dataset_id
    from civic_address a left join address_coverage c on c.address_pk = a.pk
   order by a.comune_istat_code, a.name_key, a.street_type, a.number, a.exponent, a.pk`;
