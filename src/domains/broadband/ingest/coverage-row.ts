import { RowError } from '../../../common/importer.js';
import { foldName } from '../../../common/text.js';
import { basename } from 'node:path';
import { CoverageStatus, Plan, Technology } from '../model/enums.js';
import type { Box } from '../rules/geo.js';
import { istatCell } from '../../../common/csv-cells.js';

/** Dataset of imported per-address files. */
export const IMPORT_DATASET = 'broadband-coverage-import';

/** One parsed CSV row: the address, its coverage and its status history. */
export interface Row {
  address: Record<string, unknown>;
  coverage: Record<string, unknown>;
  history: [CoverageStatus, string][];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function int(v: string, column: string, lo: number, hi: number): number {
  if (!v) throw new RowError(column, `is empty; expected an integer from ${lo} to ${hi}`, 'EMPTY');
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < lo || n > hi)
    throw new RowError(
      column,
      `must be an integer from ${lo} to ${hi}, got "${v}"`,
      'INVALID_NUMBER',
    );
  return n;
}
function oneOf<T extends string>(v: string, column: string, values: Record<string, T>): T {
  const x = v.trim().toUpperCase();
  if (!x)
    throw new RowError(
      column,
      `is empty; expected one of ${Object.keys(values).join(', ')}`,
      'EMPTY',
    );
  if (!Object.hasOwn(values, x))
    throw new RowError(column, `must be one of ${Object.keys(values).join(', ')}, got "${v}"`);
  return values[x];
}

/** Parses and checks one record against the comuni and organisations of the hub. */
export function parser(
  file: string,
  comuni: Map<string, { postalCodes: string[]; box: Box; name: string }>,
  operators: Set<string>,
) {
  const seen = new Map<string, number>();
  const note = basename(file);
  return (r: Record<string, string>, line: number): Row => {
    const v = (c: string) => (r[c] ?? '').trim();
    const id = v('address_id');
    if (!id) throw new RowError('address_id', 'is empty', 'EMPTY');
    if (id.length > 64)
      throw new RowError('address_id', 'must be 1 to 64 characters', 'INVALID_CODE');
    if (seen.has(id))
      throw new RowError(
        'address_id',
        `"${id}" already given on line ${seen.get(id)}`,
        'DUPLICATE',
      );
    const istat = istatCell(r, 'istat_code');
    const comune = comuni.get(istat);
    if (!comune)
      throw new RowError(
        'istat_code',
        `"${istat}" is not the ISTAT code of a comune of the province`,
        'UNKNOWN_REFERENCE',
      );
    const streetType = v('street_type').toUpperCase();
    if (!streetType) throw new RowError('street_type', 'is empty', 'EMPTY');
    if (!/^\p{L}[\p{L}' ]{1,29}$/u.test(streetType))
      throw new RowError(
        'street_type',
        `must be a street type (DUG) such as VIA, got "${v('street_type')}"`,
      );
    const streetName = v('street_name').replace(/\s+/g, ' ');
    if (!foldName(streetName))
      throw new RowError('street_name', 'is empty (or has no letters or digits)', 'EMPTY');
    if (streetName.length > 120)
      throw new RowError('street_name', 'must be a street name of 1 to 120 characters');
    const exponent = v('exponent').replace(/^\//, '').toUpperCase();
    if (exponent && !/^[A-Z0-9]{1,5}$/.test(exponent))
      throw new RowError(
        'exponent',
        `must be up to 5 letters or digits (e.g. A, BIS), got "${v('exponent')}"`,
      );
    if (!v('postal_code')) throw new RowError('postal_code', 'is empty', 'EMPTY');
    if (!comune.postalCodes.includes(v('postal_code')))
      throw new RowError(
        'postal_code',
        `"${v('postal_code')}" is not a postal code of ${comune.name} (${comune.postalCodes.join(', ')})`,
        'INCONSISTENT',
      );
    for (const c of ['lat', 'lon']) {
      if (!v(c)) throw new RowError(c, 'is empty; expected WGS84 decimal degrees', 'EMPTY');
      if (!/^-?\d+(\.\d+)?$/.test(v(c)))
        throw new RowError(c, `"${v(c)}" is not a number in decimal degrees`, 'INVALID_NUMBER');
    }
    const [lat, lon] = [Number(v('lat')), Number(v('lon'))];
    const [x0, y0, x1, y1] = comune.box;
    if (!(lat >= y0 - 0.01 && lat <= y1 + 0.01 && lon >= x0 - 0.01 && lon <= x1 + 0.01))
      throw new RowError(
        'lat',
        `lat/lon (${v('lat')}, ${v('lon')}) is not within ${comune.name}`,
        'INCONSISTENT',
      );
    const status = oneOf(v('status'), 'status', CoverageStatus);
    const statusOn = v('status_on') || null;
    if (statusOn && !isDate(statusOn))
      throw new RowError(
        'status_on',
        `must be a date YYYY-MM-DD, got "${statusOn}"`,
        'INVALID_DATE',
      );
    const history: [CoverageStatus, string][] = [];
    for (const step of v('status_history')
      .split('|')
      .filter((s) => s.trim())) {
      const [s, on = ''] = step.split(':').map((x) => x.trim());
      if (!Object.hasOwn(CoverageStatus, s.toUpperCase()))
        throw new RowError('status_history', `"${step}" is not STATUS:YYYY-MM-DD`);
      if (!isDate(on))
        throw new RowError('status_history', `"${step}" is not STATUS:YYYY-MM-DD`, 'INVALID_DATE');
      history.push([s.toUpperCase() as CoverageStatus, on]);
    }
    if (statusOn && !history.some(([s, on]) => s === status && on === statusOn))
      history.push([status, statusOn]);
    const operator = v('operator') || null;
    if (operator && !operators.has(operator))
      throw new RowError(
        'operator',
        `"${operator}" is not an organisation code of the hub (see organizations)`,
        'UNKNOWN_REFERENCE',
      );
    const row: Row = {
      address: {
        code: id,
        dataset_id: IMPORT_DATASET,
        source_note: `${note} line ${line}`,
        comune_istat_code: v('istat_code'),
        street_type: streetType,
        street_name: streetName,
        name_key: foldName(streetName),
        number: int(v('number'), 'number', 1, 9999),
        exponent,
        postal_code: v('postal_code'),
        lat,
        lon,
        units: int(v('units'), 'units', 1, 9999),
      },
      coverage: {
        dataset_id: IMPORT_DATASET,
        source_note: `${note} line ${line}`,
        technology: oneOf(v('technology'), 'technology', Technology),
        max_download_mbps: int(v('max_download_mbps'), 'max_download_mbps', 1, 100000),
        max_upload_mbps: int(v('max_upload_mbps'), 'max_upload_mbps', 1, 100000),
        plan: oneOf(v('plan'), 'plan', Plan),
        operator_code: operator,
        status,
        status_on: statusOn,
      },
      history,
    };
    seen.set(id, line);
    return row;
  };
}
