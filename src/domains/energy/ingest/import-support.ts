import type { EntityManager } from '@mikro-orm/postgresql';

/** Codes that imported rows may refer to, read once per import. */
export interface References {
  comuni: Set<string>;
  orgs: Set<string>;
  datasets: Set<string>;
  groupings: Set<string>;
  communities: Set<string>;
}

/** Reads the reference codes inside the import's transaction (`em.execute` joins it). */
export async function readReferences(em: EntityManager): Promise<References> {
  const codes = async (sql: string) =>
    new Set((await em.execute<{ code: string }[]>(sql)).map((r) => r.code));
  // One after the other: inside a transaction the statements share one connection.
  const comuni = await codes('select istat_code as code from comune');
  const orgs = await codes('select code from organization');
  const datasets = await codes('select id as code from dataset');
  const groupings = await codes('select code from territorial_grouping');
  const communities = await codes('select code from energy_community');
  return { comuni, orgs, datasets, groupings, communities };
}
