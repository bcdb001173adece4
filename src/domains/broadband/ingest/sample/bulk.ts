import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery } from './writer.js';

interface Def {
  tbl: string;
  name: string;
  def: string;
}

/**
 * Loads empty tables the way pg_restore does: drops their foreign keys and secondary
 * indexes (not primary keys or unique constraints), runs `work`, then recreates them from
 * the definitions PostgreSQL itself reports, so each is built or validated once, set-based,
 * instead of row by row. All inside the caller's transaction: a failure restores everything.
 */
export async function bulkLoad<T>(
  em: EntityManager,
  tables: string[],
  work: () => Promise<T>,
): Promise<T> {
  const fks = (await rawQuery(
    em,
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and conrelid = any(?::regclass[]) order by conname`,
    [tables],
  )) as { rows: Def[] };
  const indexes = (await rawQuery(
    em,
    `select i.tablename as tbl, i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(?)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname
                         and c.contype in ('p', 'u')) order by i.indexname`,
    [tables],
  )) as { rows: Def[] };
  for (const f of fks.rows)
    await rawQuery(em, `alter table "${f.tbl}" drop constraint "${f.name}"`, []);
  for (const i of indexes.rows) await rawQuery(em, `drop index "${i.name}"`, []);
  const result = await work();
  for (const i of indexes.rows) await rawQuery(em, i.def, []);
  for (const f of fks.rows)
    await rawQuery(em, `alter table "${f.tbl}" add constraint "${f.name}" ${f.def}`, []);
  return result;
}
