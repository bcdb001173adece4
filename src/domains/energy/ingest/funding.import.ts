import type { EntityManager } from '@mikro-orm/postgresql';
import {
  importCsv,
  type Importer,
  inTransaction,
  RowError,
  upsertRows,
} from '../../../common/importer.js';
import { formatMoney } from '../../../common/money.js';
import { refreshFundingFlags } from '../hooks/quality.js';
import {
  cell,
  preciseDateCells,
  refCell,
  required,
  uniqueKeys,
} from '../../../common/csv-cells.js';
import { readReferences } from './import-support.js';
import { Funding } from '../model/funding.entity.js';

/** Columns of the energy-fundings layout (docs/energy.md). */
export const FUNDING_COLUMNS = [
  'community_code',
  'funder_code',
  'recipient_org_code',
  'recipient_istat_code',
  'recipient_note',
  'amount',
  'announced_on',
  'announced_precision',
  'purpose',
  'dataset',
  'source_note',
] as const;

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * Imports fundings of energy communities from a CSV in the documented layout, in one
 * transaction: upserts by community + funder + announcement date, rejects bad rows with
 * line and column, then refreshes the unknown-recipient flags. The communities must exist
 * (import them first).
 */
export async function importFundings(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
) {
  return inTransaction(em, async (tx) => {
    const ref = await readReferences(tx);
    const once = uniqueKeys('announced_on', 'community_code, funder_code and announced_on');
    const report = await importCsv(tx, {
      file,
      requiredColumns: [
        'community_code',
        'funder_code',
        'amount',
        'announced_on',
        'purpose',
        'dataset',
      ],
      onProgress,
      parseRow: (r, line) => {
        const community = refCell(r, 'community_code', ref.communities, 'energy community code')!;
        const funder = refCell(r, 'funder_code', ref.orgs, 'organisation code')!;
        const org = refCell(r, 'recipient_org_code', ref.orgs, 'organisation code', true);
        const comune = refCell(r, 'recipient_istat_code', ref.comuni, 'ISTAT code', true);
        if (org && comune)
          throw new RowError(
            'recipient_istat_code',
            'give recipient_org_code or recipient_istat_code, not both',
            'INCONSISTENT',
          );
        const amount = required(r, 'amount');
        if (!AMOUNT.test(amount))
          throw new RowError(
            'amount',
            `"${amount}" is not an amount in EUR such as 103000 or 103000.00 (dot for decimals, no thousands separator)`,
            'INVALID_NUMBER',
          );
        const announced = preciseDateCells(r, 'announced_on', 'announced_precision');
        const row = {
          community_code: community,
          funder_code: funder,
          recipient_organization_code: org,
          recipient_comune_istat_code: comune,
          recipient_note: cell(r, 'recipient_note') || null,
          amount: formatMoney(amount),
          announced_on: announced.on,
          announced_precision: announced.precision,
          purpose: required(r, 'purpose'),
          dataset_id: refCell(r, 'dataset', ref.datasets, 'dataset'),
          source_note: cell(r, 'source_note') || null,
        };
        once(`${community}|${funder}|${announced.on}`, line);
        return row;
      },
      applyBatch: (em2, rows) =>
        upsertRows(em2, Funding, ['community_code', 'funder_code', 'announced_on'], rows),
    });
    await refreshFundingFlags(tx);
    return report;
  });
}

/** `npm run import -- energy-fundings <file.csv>` */
export const fundingsImporter: Importer = {
  description: `fundings of energy communities, CSV columns ${FUNDING_COLUMNS.join(',')}; see docs/energy.md`,
  run: importFundings,
};
