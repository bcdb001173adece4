import type { ExportDefinition, WideColumns } from '../../../common/domain.js';

const DATASETS = ['consorzio-it-collection-centre-register', 'press-consorzio-it'];

/** Infrastructure indicators of the wide table. */
export const infrastructureWideColumns: WideColumns = {
  columns: [
    {
      name: 'collection_centres',
      type: 'integer',
      description:
        'Collection centres (centri di raccolta) and platforms the hub knows in the comune (as `collectionCentreCount`); empty when it knows none: unknown, not zero.',
    },
    {
      name: 'supra_municipal_platform',
      type: 'boolean',
      description:
        'true when it hosts one of the 7 supra-municipal platforms of Consorzio.IT (a `collectionCentres` entry of kind SUPRA_MUNICIPAL_PLATFORM).',
    },
    {
      name: 'ccr_upgrade_participant',
      type: 'boolean',
      description:
        'true when it takes part in the upgrade programme of the municipal centres (2023) (`upgradeProgrammes` not empty).',
    },
  ],
  datasets: DATASETS,
  tables: ['collection_centre', 'grouping_member'],
  sql: (comuni) => `
    select c.istat_code,
      (select nullif(count(*), 0) from collection_centre x where x.comune_istat_code = c.istat_code) as collection_centres,
      exists (select 1 from collection_centre x where x.comune_istat_code = c.istat_code
        and x.kind = 'SUPRA_MUNICIPAL_PLATFORM') as supra_municipal_platform,
      exists (select 1 from grouping_member m join upgrade_programme p on p.participants_code = m.grouping_code
        where m.comune_istat_code = c.istat_code) as ccr_upgrade_participant
    from comune c where c.istat_code = any(${comuni})`,
};

/** Bulk exports of the infrastructure domain. */
export const infrastructureExports: Record<string, ExportDefinition> = {
  'collection-centres': {
    title: 'Waste collection centres and supra-municipal platforms',
    description:
      'One row per collection centre (centro di raccolta) or supra-municipal platform (piattaforma sovracomunale). Empty cells are unknown, never guessed.',
    columns: [
      { name: 'istat_code', type: 'text', description: 'ISTAT code of the comune.' },
      { name: 'comune', type: 'text', description: 'Name of the comune.' },
      {
        name: 'kind',
        type: 'text',
        description: 'MUNICIPAL_COLLECTION_CENTRE or SUPRA_MUNICIPAL_PLATFORM.',
      },
      { name: 'name', type: 'text', description: 'Name of the centre.' },
      {
        name: 'name_is_official',
        type: 'boolean',
        description: 'false when the name is descriptive (official one unknown).',
      },
      { name: 'owner', type: 'text', description: 'Code of the owner organisation, when known.' },
      {
        name: 'operator',
        type: 'text',
        description: 'Code of the operator organisation, when known.',
      },
      { name: 'address', type: 'text', description: 'Address, when known.' },
      { name: 'lat', type: 'decimal', description: 'Latitude (WGS84), when known.' },
      { name: 'lon', type: 'decimal', description: 'Longitude (WGS84), when known.' },
    ],
    datasets: DATASETS,
    tables: ['collection_centre', 'comune'],
    sql: (comuni) => `
      select x.comune_istat_code as istat_code, c.name as comune, x.kind, x.name, x.name_is_official,
             x.owner_code as owner, x.operator_code as operator, x.address, x.lat, x.lon
        from collection_centre x join comune c on c.istat_code = x.comune_istat_code
       where x.comune_istat_code = any(${comuni})
       order by x.comune_istat_code, x.kind, x.name`,
  },
};
