import type { ExportDefinition, WideColumns } from '../../../common/domain.js';
import {
  hazardColumns,
  hazardDatasets,
  hazardGroupBy,
  hazardJoins,
  hazardSelect,
  hazardTables,
} from './hazard.exports.js';

/** Civil-protection indicators of the wide table: the plan, then the hazards. */
export const civilProtectionWideColumns: WideColumns = {
  columns: [
    {
      name: 'civil_protection_plan_status',
      description:
        'Status of the plan on PPC online (empty when the hub holds no plan for the comune); known as of civil_protection_plan_status_as_of.',
    },
    {
      name: 'civil_protection_plan_status_as_of',
      description: 'Date the plan status is known as of (ISO); empty when there is no plan.',
    },
    {
      name: 'civil_protection_lead_comune',
      description: 'ISTAT code of the lead comune of its plan group.',
    },
    ...hazardColumns,
  ],
  datasets: ['press-consorzio-it', 'civil-protection-edits', ...hazardDatasets],
  tables: ['civil_protection_plan', ...hazardTables],
  sql: (comuni) => `
    select c.istat_code, p.status as civil_protection_plan_status,
           p.status_as_of_on as civil_protection_plan_status_as_of,
           p.lead_comune_istat_code as civil_protection_lead_comune,
           ${hazardSelect.join(',\n           ')}
      from unnest(${comuni}) c(istat_code)
      left join civil_protection_plan p on p.comune_istat_code = c.istat_code ${hazardJoins}
     group by c.istat_code, p.status, p.status_as_of_on, p.lead_comune_istat_code,
           ${hazardGroupBy.join(', ')}`,
};

const areaSql = (comuni: string) => `
  select a.plan_comune_istat_code as istat_code, c.name as comune, a.position, a.kind, a.name,
         a.address, a.lat, a.lon, a.capacity
    from civil_protection_emergency_area a join comune c on c.istat_code = a.plan_comune_istat_code
   where a.plan_comune_istat_code = any(${comuni})
   order by a.plan_comune_istat_code, a.position`;

/** Content counts of each plan (roles only: no names, phones or e-mails). */
const counts = `
  left join lateral (select count(*) as n from civil_protection_scenario s
    where s.plan_comune_istat_code = p.comune_istat_code) sc on true
  left join lateral (select count(*) as n from civil_protection_emergency_area a
    where a.plan_comune_istat_code = p.comune_istat_code) ar on true
  left join lateral (select count(*) as n from civil_protection_crisis_member m
    where m.plan_comune_istat_code = p.comune_istat_code) cu on true`;

/** The plans, one row each. */
const plans: ExportDefinition = {
  title: 'Municipal civil-protection plans (PPC online)',
  description:
    'One row per plan held by the hub: platform, status and the date it is known as of, lead comune, coordinator, drafting firm where known, kick-off and deadline with precision, grant (empty: not stated), version, and counts of scenarios, emergency areas and crisis-unit members (empty while unknown). No names, phones or e-mails.',
  columns: [
    { name: 'istat_code', description: 'ISTAT code of the comune.' },
    { name: 'comune', description: 'Name of the comune.' },
    { name: 'platform', description: 'Platform (PPC_ONLINE).' },
    { name: 'status', description: 'NOT_STARTED, DRAFTING, SUBMITTED, VALIDATED or APPROVED.' },
    { name: 'status_as_of', description: 'Date the status is known as of (ISO).' },
    { name: 'lead_comune', description: 'ISTAT code of the lead comune (capofila).' },
    { name: 'coordinator', description: 'Code of the coordinating organisation.' },
    { name: 'drafting_firm', description: 'Code of the drafting firm; empty when not known.' },
    { name: 'kick_off', description: 'Kick-off date (ISO).' },
    { name: 'due_by', description: 'Deadline: first day of its period (ISO).' },
    { name: 'due_by_precision', description: 'Precision of due_by (MONTH: September 2023).' },
    { name: 'grant_eur', description: 'Regional grant in EUR; empty: not stated by the sources.' },
    { name: 'version', description: 'Version of the plan record.' },
    { name: 'last_update', description: 'Last change through the hub; empty when never.' },
    {
      name: 'scenarios',
      description: 'Number of risk scenarios; empty while unknown (not entered yet), 0 when none.',
    },
    {
      name: 'emergency_areas',
      description: 'Number of emergency areas; empty while unknown (not entered yet), 0 when none.',
    },
    {
      name: 'crisis_unit_members',
      description:
        'Number of crisis-unit members (roles only); empty while unknown (not entered yet), 0 when none.',
    },
  ],
  datasets: ['press-consorzio-it', 'civil-protection-edits'],
  tables: [
    'civil_protection_plan',
    'civil_protection_scenario',
    'civil_protection_emergency_area',
    'civil_protection_crisis_member',
    'comune',
  ],
  sql: (comuni) => `
    select p.comune_istat_code as istat_code, c.name as comune, p.platform, p.status,
           p.status_as_of_on as status_as_of, p.lead_comune_istat_code as lead_comune,
           p.coordinator_code as coordinator, p.drafting_firm_code as drafting_firm,
           p.kick_off_on as kick_off, p.due_by_on as due_by, p.due_by_precision,
           p.grant_amount as grant_eur, p.version, p.last_update,
           case when p.scenarios_unknown_reason is null then sc.n end as scenarios,
           case when p.emergency_areas_unknown_reason is null then ar.n end as emergency_areas,
           case when p.crisis_unit_unknown_reason is null then cu.n end as crisis_unit_members
      from civil_protection_plan p
      join comune c on c.istat_code = p.comune_istat_code ${counts}
     where p.comune_istat_code = any(${comuni})
     order by p.comune_istat_code`,
};

/** Bulk exports of the civil-protection domain (public data only: no personal data). */
export const civilProtectionExports: Record<string, ExportDefinition> = {
  'civil-protection-plans': plans,
  'emergency-areas': {
    title: 'Civil-protection emergency areas (aree di emergenza)',
    description:
      'One row per emergency area (waiting, reception, staging) of the plans held by the hub. Empty cells are unknown.',
    columns: [
      { name: 'istat_code', description: 'ISTAT code of the comune of the plan.' },
      { name: 'comune', description: 'Name of that comune.' },
      { name: 'position', description: 'Order of the area in the plan.' },
      { name: 'kind', description: 'WAITING, RECEPTION or STAGING.' },
      { name: 'name', description: 'Name of the area.' },
      { name: 'address', description: 'Address, when known.' },
      { name: 'lat', description: 'Latitude (WGS84), when known.' },
      { name: 'lon', description: 'Longitude (WGS84), when known.' },
      { name: 'capacity', description: 'Capacity (people), when known.' },
    ],
    datasets: ['press-consorzio-it', 'civil-protection-edits'],
    tables: ['civil_protection_emergency_area', 'comune'],
    sql: areaSql,
    geojson: (comuni) => `
      select json_build_object('type', 'Feature', 'id', x.istat_code || '-' || x.position,
        'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(x.lon, x.lat)),
        'properties', to_jsonb(x) - 'lat' - 'lon') as feature
      from (${areaSql(comuni)}) x where x.lat is not null and x.lon is not null`,
  },
};
