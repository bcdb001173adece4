import type { EntityManager } from '@mikro-orm/postgresql';
import { importCsv, upsertRows, type Importer } from '../../../common/importer.js';
import { refreshBroadbandStats } from '../data/stats.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { toShape } from '../rules/geo.js';
import { IMPORT_DATASET, parser, type Row } from './coverage-row.js';
import { CivicAddress } from '../model/address.entity.js';
import { Coverage } from '../model/coverage.entity.js';
import { referenceCodes } from '../../../core/data/references.js';

export { IMPORT_DATASET };

/** The columns of the layout (docs/broadband.md); the last four may be empty. */
export const COLUMNS = [
  'address_id',
  'istat_code',
  'street_type',
  'street_name',
  'number',
  'exponent',
  'postal_code',
  'lat',
  'lon',
  'units',
  'technology',
  'max_download_mbps',
  'max_upload_mbps',
  'plan',
  'operator',
  'status',
  'status_on',
  'status_history',
];

/** A fingerprint of what the hub holds for each civic number of a batch. */
async function fingerprints(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
  const rows = await em.execute<{ code: string; h: string }[]>(
    `select a.code, md5(row(a.comune_istat_code, a.street_type, a.street_name, a.number, a.exponent,
              a.postal_code, a.lat, a.lon, a.units, c.technology, c.max_download_mbps,
              c.max_upload_mbps, c.plan, c.operator_code, c.status, c.status_on,
              (select string_agg(h.status || '@' || h.changed_on, ',' order by h.changed_on, h.status)
                 from coverage_status_change h where h.address_pk = a.pk))::text) as h
       from civic_address a left join address_coverage c on c.address_pk = a.pk
      where a.code in (select json_array_elements_text(?::json))`,
    [JSON.stringify(codes)],
  );
  return new Map(rows.map((r) => [r.code, r.h]));
}

/** Writes a batch: addresses, coverages, status histories, streets; counts by fingerprint. */
async function applyBatch(em: EntityManager, rows: Row[]) {
  const codes = rows.map((r) => r.address.code as string);
  const before = await fingerprints(em, codes);
  await upsertRows(
    em,
    CivicAddress,
    ['code'],
    rows.map((r) => r.address),
  );
  const pks = new Map(
    (
      await em.execute<{ pk: number; code: string }[]>(
        'select pk, code from civic_address where code in (select json_array_elements_text(?::json))',
        [JSON.stringify(codes)],
      )
    ).map((r) => [r.code, r.pk]),
  );
  await upsertRows(
    em,
    Coverage,
    ['address_pk'],
    rows.map((r) => ({ address_pk: pks.get(r.address.code as string), ...r.coverage })),
  );
  const steps = JSON.stringify(
    rows.flatMap((r) =>
      r.history.map(([status, on]) => ({
        pk: pks.get(r.address.code as string),
        status,
        on,
        note: r.address.source_note,
      })),
    ),
  );
  const all = JSON.stringify([...pks.values()]);
  await em.execute(
    `delete from coverage_status_change h
      where h.address_pk in (select json_array_elements_text(?::json)::int)
        and not exists (select 1 from json_to_recordset(?::json) as x(pk int, status coverage_status, "on" date)
                         where x.pk = h.address_pk and x.status = h.status and x."on" = h.changed_on)`,
    [all, steps],
  );
  await em.execute(
    `insert into coverage_status_change (dataset_id, source_note, address_pk, status, changed_on)
     select ?, x.note, x.pk, x.status, x."on"
       from json_to_recordset(?::json) as x(pk int, status coverage_status, "on" date, note text)
     on conflict (address_pk, status, changed_on) do nothing`,
    [IMPORT_DATASET, steps],
  );
  await em.execute(
    `insert into street (dataset_id, source_note, comune_istat_code, street_type, street_name, name_key)
     select distinct on (comune_istat_code, name_key, street_type)
            dataset_id, null, comune_istat_code, street_type, street_name, name_key
       from civic_address where pk in (select json_array_elements_text(?::json)::int)
      order by comune_istat_code, name_key, street_type, pk
     on conflict (comune_istat_code, name_key, street_type) do nothing`,
    [all],
  );
  const after = await fingerprints(em, codes);
  let inserted = 0,
    updated = 0;
  for (const c of codes)
    if (!before.has(c)) inserted++;
    else if (before.get(c) !== after.get(c)) updated++;
  return { inserted, updated, unchanged: codes.length - inserted - updated };
}

/** `npm run import -- broadband-coverage <file>`: one row per civic address with its coverage. */
export const broadbandImporter: Importer = {
  description: 'broadband coverage per civic address (layout: docs/broadband.md)',
  async run(em, file, onProgress) {
    const comuni = await em.find(Comune, {}, { populate: ['boundary'] });
    const byCode = new Map(
      comuni.map((c) => [
        c.istatCode,
        { postalCodes: c.postalCodes, name: c.name, box: toShape(c.boundary as never).box },
      ]),
    );
    const operators = await referenceCodes(em, Organization, 'code');
    const report = await importCsv(em, {
      file,
      requiredColumns: COLUMNS.slice(0, 16),
      parseRow: parser(file, byCode, operators),
      applyBatch,
      batchSize: 1000,
      onProgress,
    });
    await refreshBroadbandStats(em);
    return report;
  },
};
