import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { SampleRow } from './generate.js';

/** Civic numbers per INSERT statement. */
export const BATCH = 5000;

const RECORD = `code text, comune text, street_type text, street_name text, name_key text,
  number int, exponent text, postal_code text, lat float8, lon float8, units int,
  technology broadband_technology, down int, up int, plan broadband_plan, operator text,
  status coverage_status, status_on date, history json`;

/**
 * Inserts civic numbers with their coverage and status history in one statement (three
 * inserts over one materialised JSON parameter, keys drawn from the sequence up front so
 * that no insert has to join another's output): no ORM entities, no parameter limit.
 */
const INSERT = `
with src as materialized (
  select nextval('civic_address_pk_seq') as pk, x.*
  from json_to_recordset(?::json) as x(${RECORD})),
a as (
  insert into civic_address (pk, dataset_id, source_note, code, comune_istat_code, street_type,
    street_name, name_key, number, exponent, postal_code, lat, lon, units)
  select pk, ?, ?, code, comune, street_type, street_name, name_key, number, exponent,
    postal_code, lat, lon, units from src),
c as (
  insert into address_coverage (address_pk, dataset_id, source_note, technology,
    max_download_mbps, max_upload_mbps, plan, operator_code, status, status_on)
  select pk, ?, ?, technology, down, up, plan, operator, status, status_on from src)
insert into coverage_status_change (dataset_id, source_note, address_pk, status, changed_on)
select ?, ?, src.pk, (h->>0)::coverage_status, (h->>1)::date
from src cross join lateral json_array_elements(src.history) h`;

/** Writes one batch of sample rows under a dataset and note. */
export async function insertRows(
  em: EntityManager,
  rows: SampleRow[],
  dataset: string,
  note: string,
): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => ({
      code: r.code,
      comune: r.comune,
      street_type: r.streetType,
      street_name: r.streetName,
      name_key: r.nameKey,
      number: r.number,
      exponent: r.exponent,
      postal_code: r.postalCode,
      lat: r.lat,
      lon: r.lon,
      units: r.units,
      technology: r.technology,
      down: r.down,
      up: r.up,
      plan: r.plan,
      operator: r.operator,
      status: r.status,
      status_on: r.statusOn,
      history: r.history,
    })),
  );
  await rawQuery(em, INSERT, [json, dataset, note, dataset, note, dataset, note]);
}

/**
 * Runs SQL with real bind parameters on the entity manager's transaction (MikroORM's
 * `execute` would inline a megabyte of JSON into the statement text).
 */
export async function rawQuery(em: EntityManager, sql: string, bindings: unknown[]) {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  return knex.raw(sql, bindings as Knex.ValueDict[]);
}

/** Adds the distinct streets of a dataset's civic numbers to the street index. */
export async function indexStreets(em: EntityManager, where: string, params: unknown[]) {
  await em.execute(
    `insert into street (dataset_id, source_note, comune_istat_code, street_type, street_name, name_key)
     select distinct on (comune_istat_code, name_key, street_type)
            dataset_id, null, comune_istat_code, street_type, street_name, name_key
       from civic_address where ${where}
      order by comune_istat_code, name_key, street_type, pk
     on conflict (comune_istat_code, name_key, street_type) do nothing`,
    params,
  );
}
