import type { ExportColumn, ExportDefinition, WideColumns } from '../../../common/domain.js';

const MEASURES = ['1.2', '1.3.1', '1.4.1', '1.4.3', '1.4.4', '1.4.5'] as const;
const GRANT_DATASETS = ['padigitale2026-candidature', 'padigitale2026-avvisi'];
const PROJECT_DATASETS = ['italiadomani-progetti-validati', 'italiadomani-localizzazioni-validate'];

/**
 * PNRR indicators of the wide table, one row for every comune (0 where the files hold no
 * grant: they list every funded application of the province): the same figures as
 * `comune.pnrr` (body = comune) and `comune.pnrr(bodies: ALL)`, renounced excluded.
 */
export const pnrrWideColumns: WideColumns = {
  columns: [
    {
      name: 'pnrr_total_eur',
      type: 'money',
      description:
        'PA digitale 2026 grants to the comune itself (body = comune), all measures, excluding RENOUNCED; EUR, exact (as `pnrr.total`).',
    },
    {
      name: 'pnrr_grant_count',
      type: 'integer',
      description: 'Number of those grants (as `pnrr.grantCount`).',
    },
    ...MEASURES.map((m): ExportColumn => ({
      name: `pnrr_${m.replace(/\./g, '_')}_eur`,
      type: 'money',
      description: `Of which measure ${m}; EUR, exact (as \`pnrr.byMeasure\`; 0.00 where the list has no ${m} row).`,
    })),
    {
      name: 'pnrr_all_bodies_total_eur',
      type: 'money',
      description:
        'Grants to every body located in the comune (comune, schools, other bodies), excluding RENOUNCED; EUR (as `pnrr(bodies: ALL).total`).',
    },
    {
      name: 'pnrr_project_count',
      type: 'integer',
      description:
        'Italia Domani validated projects located there (as `pnrr.projects.totalCount`).',
    },
  ],
  datasets: [...GRANT_DATASETS, ...PROJECT_DATASETS],
  tables: ['comune', 'pnrr_grant', 'pnrr_body', 'pnrr_project_location'],
  sql: (comuni) => `
    select c.istat_code,
      coalesce(sum(g.amount) filter (where b.kind = 'COMUNE'), 0) as pnrr_total_eur,
      count(g.pk) filter (where b.kind = 'COMUNE') as pnrr_grant_count,
      ${MEASURES.map(
        (m) =>
          `coalesce(sum(g.amount) filter (where b.kind = 'COMUNE' and g.measure_code = '${m}'), 0) as "pnrr_${m.replace(/\./g, '_')}_eur"`,
      ).join(',\n      ')},
      coalesce(sum(g.amount), 0) as pnrr_all_bodies_total_eur,
      (select count(distinct l.project_local_code) from pnrr_project_location l
        where l.comune_istat_code = c.istat_code) as pnrr_project_count
    from comune c
    left join (pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code)
      on g.comune_istat_code = c.istat_code and g.status <> 'RENOUNCED'
    where c.istat_code = any(${comuni})
    group by c.istat_code`,
};

/** Bulk exports of the PNRR domain. */
export const pnrrExports: Record<string, ExportDefinition> = {
  'pnrr-grants': {
    title: 'PA digitale 2026 grants (PNRR M1C1) located in the territory',
    description:
      'One row per grant (candidatura finanziata) of a body located in the territory: comuni, schools and other bodies, every status. Amounts in EUR, exact.',
    columns: [
      { name: 'cup', type: 'text', description: 'CUP (codice unico di progetto).' },
      { name: 'measure', type: 'text', description: 'PNRR measure code, e.g. 1.4.1.' },
      { name: 'notice', type: 'text', description: 'Notice (avviso) the body applied to.' },
      { name: 'body_ipa_code', type: 'text', description: 'IPA code of the body.' },
      { name: 'body_name', type: 'text', description: 'Name of the body (ente).' },
      { name: 'body_kind', type: 'text', description: 'COMUNE, SCHOOL or OTHER.' },
      {
        name: 'istat_code',
        type: 'text',
        description: 'ISTAT code of the comune where the body is.',
      },
      { name: 'comune', type: 'text', description: 'Name of that comune.' },
      {
        name: 'amount_eur',
        type: 'money',
        description: 'Grant amount in EUR (importo finanziamento), exact.',
      },
      { name: 'window', type: 'integer', description: 'Window number (finestra temporale).' },
      { name: 'decree', type: 'text', description: 'Funding decree (decreto di finanziamento).' },
      { name: 'applied_on', type: 'date', description: 'Application date (ISO).' },
      { name: 'funded_on', type: 'date', description: 'Funding decree date (ISO).' },
      { name: 'status', type: 'text', description: 'FUNDED (A), RENOUNCED (R) or PAID (E).' },
      {
        name: 'status_on',
        type: 'date',
        description: 'Date of the current status (ISO), when known.',
      },
    ],
    datasets: GRANT_DATASETS,
    tables: ['pnrr_grant', 'pnrr_body', 'comune'],
    sql: (comuni) => `
      select g.cup, g.measure_code as measure, g.notice_title as notice, b.ipa_code as body_ipa_code,
             b.name as body_name, b.kind as body_kind, g.comune_istat_code as istat_code, c.name as comune,
             g.amount as amount_eur, g."window", coalesce(g.decree, g.decree_number::text) as decree,
             g.applied_on, g.funded_on, g.status, g.status_on
        from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
        join comune c on c.istat_code = g.comune_istat_code
       where g.comune_istat_code = any(${comuni})
       order by g.comune_istat_code, g.funded_on, g.cup, g.notice_title`,
  },
  'pnrr-projects': {
    title: 'Italia Domani PNRR projects located in the territory',
    description:
      'One row per project and comune where it is located (validated locations). Funding amounts are for the whole project, not per location.',
    columns: [
      { name: 'cup', type: 'text', description: 'CUP.' },
      {
        name: 'local_code',
        type: 'text',
        description: 'Local project code (codice locale progetto).',
      },
      { name: 'title', type: 'text', description: 'Title.' },
      { name: 'mission', type: 'text', description: 'PNRR mission.' },
      { name: 'component', type: 'text', description: 'PNRR component.' },
      { name: 'measure', type: 'text', description: 'PNRR measure title.' },
      {
        name: 'implementing_body',
        type: 'text',
        description: 'Implementing body (soggetto attuatore).',
      },
      {
        name: 'pnrr_funding_eur',
        type: 'money',
        description: 'PNRR funding of the whole project, EUR.',
      },
      {
        name: 'total_funding_eur',
        type: 'money',
        description: 'Total funding of the whole project, EUR.',
      },
      { name: 'istat_code', type: 'text', description: 'ISTAT code of the location.' },
      { name: 'comune', type: 'text', description: 'Name of the comune of the location.' },
    ],
    datasets: PROJECT_DATASETS,
    tables: ['pnrr_project', 'pnrr_project_location', 'comune'],
    sql: (comuni) => `
      select p.cup, p.local_code, p.title, p.mission, p.component, p.measure_title as measure,
             p.implementing_body, p.pnrr_funding as pnrr_funding_eur, p.total_funding as total_funding_eur,
             l.comune_istat_code as istat_code, c.name as comune
        from pnrr_project_location l join pnrr_project p on p.local_code = l.project_local_code
        join comune c on c.istat_code = l.comune_istat_code
       where l.comune_istat_code = any(${comuni})
       order by l.comune_istat_code, p.cup, p.local_code`,
  },
};
