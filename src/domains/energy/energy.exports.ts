import type { WideColumns } from '../../common/domain.js';

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
  ],
  datasets: ['consorzio-it-energy-community-register', 'press-consorzio-it'],
  tables: ['energy_community', 'energy_funding'],
  sql: (comuni) => `
    select c.istat_code,
      (select count(*) from energy_community e where c.istat_code = any(e.comune_istat_codes)) as energy_communities,
      (select coalesce(sum(f.amount), 0) from energy_funding f join energy_community e on e.code = f.community_code
        where c.istat_code = any(e.comune_istat_codes)) as energy_funding_eur
    from comune c where c.istat_code = any(${comuni})`,
};
