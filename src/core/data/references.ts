import type { EntityManager, EntityName } from '@mikro-orm/postgresql';

/**
 * The codes of every row of a reference table (comuni, organisations, datasets, measures…),
 * read once so that seeded or imported rows check their references without one query per row.
 * Inside an import, pass the transaction's EntityManager: the read joins it.
 */
export async function referenceCodes<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string,
): Promise<Set<string>> {
  return new Set((await em.find(entity, {})).map((row) => String(row[key])));
}
