import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetSql, type Page } from '../../../common/pagination.js';
import { PnrrProject } from '../model/project.entity.js';
import { comuniParam } from '../../../common/keys.js';

/** Conditions of `pnrrProjects`. */
export interface ProjectQuery {
  comuni: string[] | null;
  measure: string | null;
  text: string | null;
}

/**
 * One page of projects by local code (size + 1 rows, in the page's direction), and the
 * total as a function, run only when asked for.
 */
export async function findProjects(
  em: EntityManager,
  q: ProjectQuery,
  page: Page,
): Promise<{ rows: PnrrProject[]; count: () => Promise<number> }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.comuni) {
    where.push(
      `exists (select 1 from pnrr_project_location l where l.project_local_code = p.local_code and l.comune_istat_code = any(?::text[]))`,
    );
    params.push(comuniParam(q.comuni));
  }
  if (q.measure) {
    where.push('p.measure_code = ?');
    params.push(q.measure);
  }
  if (q.text) {
    where.push(`(p.title ilike ? or p.summary ilike ? or p.implementing_body ilike ?)`);
    const like = `%${q.text.replace(/[%_\\]/g, '\\$&')}%`;
    params.push(like, like, like);
  }
  const cond = where.length ? where.join(' and ') : 'true';

  const ks = keysetSql(['p.local_code'], page);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select p.* from pnrr_project p where ${[cond, ...ks.conditions].join(' and ')}
      order by ${ks.orderBy} limit ?`,
    [...params, ...ks.params, ks.limit],
  );
  const count = async () => {
    const [c] = await em.execute<{ n: string }[]>(
      `select count(*) as n from pnrr_project p where ${cond}`,
      params,
    );
    return Number(c.n);
  };
  return { rows: rows.map((r) => em.map(PnrrProject, r)), count };
}
