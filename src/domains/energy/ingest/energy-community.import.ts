import type { EntityManager } from '@mikro-orm/postgresql';
import {
  importCsv,
  type Importer,
  inTransaction,
  RowError,
  upsertRows,
} from '../../../common/importer.js';
import { EnergyCommunityStatus, EnergyTechnology } from '../model/enums.js';
import {
  cell,
  enumCell,
  preciseDateCells,
  refCell,
  required,
  uniqueKeys,
} from '../../../common/csv-cells.js';
import { refreshCommunityFlags } from '../hooks/quality.js';
import { readReferences } from './import-support.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { isIstatCode } from '../../../common/keys.js';

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
  'founded_on',
  'founded_precision',
  'founded_note',
  'legal_form',
  'gse_qualified',
  'gse_qualification_note',
  'possibly_related_code',
  'relation_note',
] as const;

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `true`, `false` or blank (unknown). */
function booleanCell(r: Record<string, string>, column: string): boolean | null {
  const v = cell(r, column).toLowerCase();
  if (!v) return null;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new RowError(column, `"${cell(r, column)}" is not true, false or blank (unknown)`);
}

/** The founding date, when given: a date with its precision, or both blank. */
function foundedCells(r: Record<string, string>) {
  if (!cell(r, 'founded_on')) {
    if (cell(r, 'founded_precision'))
      throw new RowError('founded_on', 'is empty while founded_precision is given');
    return { on: null, precision: null };
  }
  return preciseDateCells(r, 'founded_on', 'founded_precision');
}

/**
 * Imports energy communities from a CSV in the documented layout, in one transaction:
 * upserts by code (a re-run changes nothing), rejects bad rows with line and column.
 */
export async function importEnergyCommunities(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
) {
  return inTransaction(em, async (tx) => {
    const ref = await readReferences(tx);
    const once = uniqueKeys('code', 'code');
    const seen = new Set(ref.communities);
    const report = await importCsv(tx, {
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
        const malformed = comuni.find((c) => !isIstatCode(c));
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
        const founded = foundedCells(r);
        const related = cell(r, 'possibly_related_code');
        if (related && (!seen.has(related) || related === code))
          throw new RowError(
            'possibly_related_code',
            related === code
              ? 'a community cannot be related to itself'
              : `unknown energy community code "${related}" (give it on an earlier line or import it first)`,
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
          founded_on: founded.on,
          founded_precision: founded.precision,
          founded_note: cell(r, 'founded_note') || null,
          legal_form: cell(r, 'legal_form') || null,
          gse_qualified: booleanCell(r, 'gse_qualified'),
          gse_qualification_note: cell(r, 'gse_qualification_note') || null,
          possibly_related_to_code: related || null,
          relation_note: cell(r, 'relation_note') || null,
        };
        once(code, line);
        seen.add(code);
        return row;
      },
      applyBatch: (em2, rows) => upsertRows(em2, EnergyCommunity, ['code'], rows),
    });
    await refreshCommunityFlags(tx);
    return report;
  });
}

/** `npm run import -- energy-communities <file.csv>` */
export const energyCommunitiesImporter: Importer = {
  description: `energy communities (CER), CSV columns ${COMMUNITY_COLUMNS.join(',')}; see docs/energy.md`,
  run: importEnergyCommunities,
};
