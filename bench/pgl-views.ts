/**
 * Views in a separate schema `bench_pgl` through which PostGraphile 5 serves the derived
 * data of the hub's workloads (aggregates, the union of timeline events, quality flags of
 * a comune's groupings, sources): the PostGraphile idiom for data that is not a plain
 * table. Smart tags give the views keys and foreign keys so that PostGraphile nests them
 * under `Comune` and plans each request as ONE statement. The hub's tables are untouched.
 */
import { skipScan } from './raw-sql.js';

const fk = (cols: string, target: string) => `@foreignKey ${cols} references ${target}`;
const tag = (view: string, ...lines: string[]) =>
  `comment on view bench_pgl.${view} is E'${lines.join('\\n')}';`;

const ACTIVE = "ac.status = 'ACTIVATABLE'";

/** The SQL creating the schema (idempotent: drops and recreates it). */
export function pglViewsSql(sourcedTables: string[], cells: boolean): string {
  // Datasets per comune by a skip scan per table (as the hub does), for the comune row.
  const sourced = sourcedTables
    .map(
      (t) =>
        `select c.istat_code, d.dataset_id from public.comune c, lateral ${skipScan(t, 'c.istat_code')} d`,
    )
    .join(' union ');
  return `
drop schema if exists bench_pgl cascade;
create schema bench_pgl;

create view bench_pgl.comune_pnrr_measure as
  select g.comune_istat_code, g.measure_code, sum(g.amount)::numeric(14,2) as amount, count(*)::int as grant_count
    from public.pnrr_grant g join public.pnrr_body b on b.ipa_code = g.body_ipa_code
   where b.kind = 'COMUNE' and g.status <> 'RENOUNCED' group by 1, 2;
${tag('comune_pnrr_measure', '@primaryKey comune_istat_code,measure_code', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_pnrr_total as
  select g.comune_istat_code, sum(g.amount)::numeric(14,2) as total, count(*)::int as grant_count
    from public.pnrr_grant g join public.pnrr_body b on b.ipa_code = g.body_ipa_code
   where b.kind = 'COMUNE' and g.status <> 'RENOUNCED' group by 1;
${tag('comune_pnrr_total', '@primaryKey comune_istat_code', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_broadband as
  ${
    cells
      ? `select comune_istat_code, sum(addresses)::int as address_count, sum(units)::int as unit_count,
         round(sum(gigabit)::numeric / nullif(sum(units), 0), 4)::float8 as gigabit_share,
         round(sum(ftth)::numeric / nullif(sum(units), 0), 4)::float8 as ftth_share
    from public.broadband_cell group by 1`
      : `select a.comune_istat_code, count(*)::int as address_count, sum(a.units)::int as unit_count,
         round(coalesce(sum(a.units) filter (where ${ACTIVE} and ac.max_download_mbps >= 1000), 0)::numeric / nullif(sum(a.units), 0), 4)::float8 as gigabit_share,
         round(coalesce(sum(a.units) filter (where ${ACTIVE} and ac.technology = 'FTTH'), 0)::numeric / nullif(sum(a.units), 0), 4)::float8 as ftth_share
    from public.civic_address a join public.address_coverage ac on ac.address_pk = a.pk group by 1`
  };
${tag('comune_broadband', '@primaryKey comune_istat_code', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_broadband_plan as
  ${
    cells
      ? `select comune_istat_code, plan::text as plan, sum(addresses)::int as address_count
    from public.broadband_cell group by 1, 2`
      : `select a.comune_istat_code, ac.plan::text as plan, count(*)::int as address_count
    from public.civic_address a join public.address_coverage ac on ac.address_pk = a.pk group by 1, 2`
  };
${tag('comune_broadband_plan', '@primaryKey comune_istat_code,plan', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_energy_community as
  select c.istat_code as comune_istat_code, e.code as community_code
    from public.energy_community e join public.comune c on c.istat_code = any(e.comune_istat_codes);
${tag('comune_energy_community', '@primaryKey comune_istat_code,community_code', fk('(comune_istat_code)', 'public.comune (istat_code)'), fk('(community_code)', 'public.energy_community (code)'))}

create view bench_pgl.comune_timeline as
  select g.comune_istat_code, g.funded_on as on_date, 'pnrr'::text as domain, 'Funded: ' || g.notice_title as title, 'g' || g.pk as id
    from public.pnrr_grant g where g.funded_on is not null
  union all
  select g.comune_istat_code, g.status_on, 'pnrr', 'Renounced: ' || g.notice_title, 'r' || g.pk
    from public.pnrr_grant g where g.status = 'RENOUNCED' and g.status_on is not null
  union all
  select p.comune_istat_code, p.due_by_on, 'civil-protection', 'Plan due', 'p' || p.comune_istat_code
    from public.civil_protection_plan p where p.due_by_on is not null
  union all
  select c.istat_code, f.announced_on, 'energy', 'Funding: ' || coalesce(f.purpose, e.name), 'f' || f.pk || '-' || c.istat_code
    from public.energy_funding f join public.energy_community e on e.code = f.community_code
    join public.comune c on c.istat_code = any(e.comune_istat_codes) where f.announced_on is not null
  union all
  select p.comune_istat_code, make_date(y.year, 1, 1), 'broadband', y.what, 'b' || y.what || p.pk
    from public.broadband_plan_status p
    cross join lateral (values (p.fibre_plan_year, 'Fibre plan'), (p.fwa_plan_year, 'FWA plan')) y(year, what)
   where y.year is not null
  union all
  select c.istat_code, m.published_on, 'broadband', 'Mapping published: ' || m.name, 'm' || m.code || c.istat_code
    from public.broadband_mapping m cross join public.comune c where m.published_on is not null
     and exists (select 1 from public.coverage_observation o where o.mapping_code = m.code);
${tag('comune_timeline', '@primaryKey id', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_quality_issue as
  select i.comune_istat_code, i.pk, i.domain, i.code, i.message
    from public.data_quality_issue i where i.comune_istat_code is not null
  union
  select m.comune_istat_code, i.pk, i.domain, i.code, i.message
    from public.data_quality_issue i join public.grouping_member m on m.grouping_code = i.grouping_code;
${tag('comune_quality_issue', '@primaryKey comune_istat_code,pk', fk('(comune_istat_code)', 'public.comune (istat_code)'))}

create view bench_pgl.comune_source as
  select istat_code as comune_istat_code, dataset_id from public.comune
  union
  select m.comune_istat_code, g.dataset_id from public.grouping_member m
    join public.territorial_grouping g on g.code = m.grouping_code
  ${sourced ? `union ${sourced}` : ''};
${tag('comune_source', '@primaryKey comune_istat_code,dataset_id', fk('(comune_istat_code)', 'public.comune (istat_code)'), fk('(dataset_id)', 'public.dataset (id)'))}

create view bench_pgl.address_list as
  select a.pk, a.comune_istat_code, a.code, a.street_name, a.name_key, a.street_type, a.number,
         a.exponent, ac.technology::text as technology
    from public.civic_address a join public.address_coverage ac on ac.address_pk = a.pk;
${tag('address_list', '@primaryKey pk', fk('(comune_istat_code)', 'public.comune (istat_code)'))}
`;
}
