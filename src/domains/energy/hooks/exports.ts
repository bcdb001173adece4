import type { WideColumns } from '../../../common/domain.js';

/** Energy-community indicators of the wide table. */
export const energyWideColumns: WideColumns = {
  columns: [
    {
      name: 'energy_communities',
      description: 'Renewable energy communities (CER) involving the comune.',
    },
    {
      name: 'energy_funding_eur',
      description:
        'Announced funding of those communities, EUR (a community of several comuni counts in each).',
    },
    {
      name: 'energy_community_codes',
      description:
        'Codes of the energy communities (CER) involving the comune, ";"-separated; empty when none is recorded (the press speaks of one CER more than it names).',
    },
    {
      name: 'energy_community_founder_codes',
      description:
        'Codes of the CERs the comune is a founding member of (socio fondatore), ";"-separated; empty when none is recorded.',
    },
  ],
  datasets: ['consorzio-it-energy-community-register', 'press-consorzio-it'],
  tables: ['energy_community', 'energy_funding', 'energy_community_founder'],
  sql: (comuni) => `
    select c.istat_code,
      (select count(*) from energy_community e where c.istat_code = any(e.comune_istat_codes)) as energy_communities,
      (select coalesce(sum(f.amount), 0) from energy_funding f join energy_community e on e.code = f.community_code
        where c.istat_code = any(e.comune_istat_codes)) as energy_funding_eur,
      (select string_agg(e.code, ';' order by e.code) from energy_community e
        where c.istat_code = any(e.comune_istat_codes)) as energy_community_codes,
      (select string_agg(distinct f.community_code, ';' order by f.community_code) from energy_community_founder f
        where f.comune_istat_code = c.istat_code and f.kind = 'COMUNE') as energy_community_founder_codes
    from comune c where c.istat_code = any(${comuni})`,
};
