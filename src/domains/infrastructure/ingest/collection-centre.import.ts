import type { EntityManager } from '@mikro-orm/postgresql';
import { cell, istatCell, uniqueKeys } from '../../../common/csv-cells.js';
import {
  importCsv,
  type Importer,
  inTransaction,
  RowError,
  upsertRows,
} from '../../../common/importer.js';
import { foldName } from '../../../common/text.js';
import { CollectionCentreKind } from '../model/enums.js';
import { refreshCentreFlags } from '../hooks/quality.js';
import { CollectionCentre } from '../model/collection-centre.entity.js';

/** Columns of the collection-centres layout (docs/infrastructure.md). */
export const CENTRE_COLUMNS = [
  'istat_code',
  'comune_name',
  'kind',
  'name',
  'name_is_official',
  'owner_code',
  'operator_code',
  'address',
  'lat',
  'lon',
  'description',
  'dataset',
  'source_note',
] as const;

const REQUIRED = ['istat_code', 'kind', 'name', 'dataset'];

/** Kinds by folded spelling: the enum value or the Italian term. */
const KINDS = new Map<string, CollectionCentreKind>([
  [foldName('MUNICIPAL_COLLECTION_CENTRE'), CollectionCentreKind.MUNICIPAL_COLLECTION_CENTRE],
  ['centro di raccolta', CollectionCentreKind.MUNICIPAL_COLLECTION_CENTRE],
  [foldName('SUPRA_MUNICIPAL_PLATFORM'), CollectionCentreKind.SUPRA_MUNICIPAL_PLATFORM],
  ['piattaforma sovracomunale', CollectionCentreKind.SUPRA_MUNICIPAL_PLATFORM],
]);

const BOOLEANS = new Map([
  ['true', true],
  ['yes', true],
  ['si', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/** Codes the rows may refer to, read once per import. */
async function referenceData(em: EntityManager) {
  // One after the other: inside a transaction the statements share one connection.
  const comuni = await em.execute<{ istat_code: string; name: string }[]>(
    'select istat_code, name from comune',
  );
  const orgs = await em.execute<{ code: string }[]>('select code from organization');
  const datasets = await em.execute<{ id: string }[]>('select id from dataset');
  return {
    comuni: new Map(comuni.map((c) => [c.istat_code, c.name])),
    orgs: new Set(orgs.map((o) => o.code)),
    datasets: new Set(datasets.map((d) => d.id)),
  };
}

/** Parses a coordinate pair: both empty (unknown) or both numbers inside Italy. */
function coordinates(r: Record<string, string>): [number | null, number | null] {
  const [lat, lon] = [cell(r, 'lat'), cell(r, 'lon')];
  if (!lat && !lon) return [null, null];
  if (!lat || !lon)
    throw new RowError(lat ? 'lon' : 'lat', 'give both lat and lon, or neither', 'INCONSISTENT');
  const [y, x] = [Number(lat), Number(lon)];
  if (!Number.isFinite(y) || y < 35 || y > 48)
    throw new RowError(
      'lat',
      `"${lat}" is not a latitude in Italy (decimal degrees, 35 to 48)`,
      'INVALID_NUMBER',
    );
  if (!Number.isFinite(x) || x < 6 || x > 19)
    throw new RowError(
      'lon',
      `"${lon}" is not a longitude in Italy (decimal degrees, 6 to 19)`,
      'INVALID_NUMBER',
    );
  return [y, x];
}

/**
 * Imports collection centres from a CSV in the documented layout, in one transaction:
 * upserts by comune + kind + folded name (a re-run changes nothing), rejects bad rows with
 * line and column, keeps the good ones, then refreshes the location data-quality flag.
 */
export async function importCollectionCentres(
  em: EntityManager,
  file: string,
  onProgress?: (lines: number) => void,
) {
  return inTransaction(em, async (tx) => {
    const ref = await referenceData(tx);
    const unique = uniqueKeys('name', 'comune, kind and name');
    const org = (r: Record<string, string>, column: 'owner_code' | 'operator_code') => {
      const code = cell(r, column);
      if (code && !ref.orgs.has(code))
        throw new RowError(
          column,
          `unknown organisation code "${code}" (see organizations)`,
          'UNKNOWN_REFERENCE',
        );
      return code || null;
    };
    const report = await importCsv(tx, {
      file,
      requiredColumns: REQUIRED,
      onProgress,
      parseRow: (r, line) => {
        const istat = istatCell(r, 'istat_code');
        const comune = ref.comuni.get(istat);
        if (!comune)
          throw new RowError(
            'istat_code',
            `"${istat}" is not the 6-digit ISTAT code of a comune`,
            'UNKNOWN_REFERENCE',
          );
        const comuneName = cell(r, 'comune_name');
        if (comuneName && foldName(comuneName) !== foldName(comune))
          throw new RowError(
            'comune_name',
            `"${comuneName}" is not the name of ${istat} (${comune})`,
            'INCONSISTENT',
          );
        if (!cell(r, 'kind')) throw new RowError('kind', 'is empty', 'EMPTY');
        const kind = KINDS.get(foldName(cell(r, 'kind')));
        if (!kind)
          throw new RowError(
            'kind',
            `"${cell(r, 'kind')}" is not MUNICIPAL_COLLECTION_CENTRE ("centro di raccolta") or SUPRA_MUNICIPAL_PLATFORM ("piattaforma sovracomunale")`,
          );
        const name = cell(r, 'name').replace(/\s+/g, ' ');
        if (!foldName(name)) throw new RowError('name', 'is empty', 'EMPTY');
        const official = cell(r, 'name_is_official').toLowerCase();
        const nameIsOfficial = official ? BOOLEANS.get(official) : true;
        if (nameIsOfficial === undefined)
          throw new RowError('name_is_official', `"${official}" is not true or false`);
        const dataset = cell(r, 'dataset');
        if (!dataset) throw new RowError('dataset', 'is empty', 'EMPTY');
        if (!ref.datasets.has(dataset))
          throw new RowError(
            'dataset',
            `unknown dataset "${dataset}" (see datasets)`,
            'UNKNOWN_REFERENCE',
          );
        const [lat, lon] = coordinates(r);
        const row = {
          comune_istat_code: istat,
          kind,
          name_key: foldName(name),
          name,
          name_is_official: nameIsOfficial,
          owner_code: org(r, 'owner_code'),
          operator_code: org(r, 'operator_code'),
          address: cell(r, 'address') || null,
          lat,
          lon,
          description: cell(r, 'description') || null,
          dataset_id: dataset,
          source_note: cell(r, 'source_note') || null,
        };
        const key = `${istat}|${kind}|${row.name_key}`;
        unique(key, line);
        return row;
      },
      applyBatch: (em2, rows) =>
        upsertRows(em2, CollectionCentre, ['comune_istat_code', 'kind', 'name_key'], rows),
    });
    await refreshCentreFlags(tx);
    return report;
  });
}

/** `npm run import -- collection-centres <file.csv>` */
export const collectionCentresImporter: Importer = {
  description: `collection centres (centri di raccolta), CSV columns ${CENTRE_COLUMNS.join(',')}; see docs/infrastructure.md`,
  run: importCollectionCentres,
};
