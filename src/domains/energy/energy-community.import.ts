import type { EntityManager } from '@mikro-orm/postgresql';
import { importCsv, RowError, upsertRows, type Importer } from '../../common/importer.js';
import { EnergyCommunityStatus, EnergyTechnology } from './energy.enums.js';
import { cell, enumCell, refCell, required, uniqueKeys } from '../../common/csv-cells.js';
import { readReferences } from './import-support.js';

/** Columns of the energy-communities layout (docs/energy.md). */
export const COMMUNITY_COLUMNS = [
  'code',
  'name',
  'site',
  'status',
  'technology',
  'comuni',
  'promoter_code',
  'replication_area',
  'aim',
  'description',
  'dataset',
  'source_note',
] as const;

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Imports energy communities from a CSV in the documented layout, in one transaction:
 * upserts by code (a re-run changes nothing), rejects bad rows with line and column.
 */
export async function importEnergyCommunities(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
) {
  return em.transactional(async (tx) => {
    const ref = await readReferences(tx);
    const once = uniqueKeys('code', 'code');
    return importCsv(tx, {
      file,
      requiredColumns: ['code', 'name', 'status', 'comuni', 'dataset'],
      onProgress,
      parseRow: (r, line) => {
        const code = required(r, 'code');
        if (!CODE.test(code))
          throw new RowError(
            'code',
            `"${code}" is not a kebab-case code (e.g. cer-crema-ex-olivetti)`,
            'INVALID_CODE',
          );
        const comuni = [
          ...new Set(
            required(r, 'comuni')
              .split(/[|\s]+/)
              .filter(Boolean),
          ),
        ].sort();
        const malformed = comuni.find((c) => !/^\d{6}$/.test(c));
        if (malformed)
          throw new RowError(
            'comuni',
            `"${malformed}" is not a 6-digit ISTAT code (separate codes with |)`,
            'INVALID_CODE',
          );
        const unknown = comuni.find((c) => !ref.comuni.has(c));
        if (unknown)
          throw new RowError(
            'comuni',
            `"${unknown}" is not the 6-digit ISTAT code of a comune (separate codes with |)`,
            'UNKNOWN_REFERENCE',
          );
        const row = {
          code,
          name: required(r, 'name'),
          site: cell(r, 'site') || null,
          status: enumCell(r, 'status', EnergyCommunityStatus),
          technology: enumCell(r, 'technology', EnergyTechnology, true),
          comune_istat_codes: `{${comuni.join(',')}}`,
          promoter_code: refCell(r, 'promoter_code', ref.orgs, 'organisation code', true),
          replication_area_code: refCell(
            r,
            'replication_area',
            ref.groupings,
            'territorial grouping code',
            true,
          ),
          aim: cell(r, 'aim') || null,
          description: cell(r, 'description') || null,
          dataset_id: refCell(r, 'dataset', ref.datasets, 'dataset'),
          source_note: cell(r, 'source_note') || null,
        };
        once(code, line);
        return row;
      },
      applyBatch: (em2, rows) => upsertRows(em2, 'energy_community', ['code'], rows),
    });
  });
}

/** `npm run import -- energy-communities <file.csv>` */
export const energyCommunitiesImporter: Importer = {
  description: `energy communities (CER), CSV columns ${COMMUNITY_COLUMNS.join(',')}; see docs/energy.md`,
  run: importEnergyCommunities,
};
