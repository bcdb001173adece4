import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor } from '../../common/pagination.js';
import { codeList } from './pnrr.sql.js';
import { PnrrProject } from './project.entity.js';

/** Conditions of `pnrrProjects`. */
export interface ProjectQuery {
  comuni: string[] | null;
  measure: string | null;
  text: string | null;
  first: number;
  after: string | null;
}

/** One page of projects (first + 1 rows) and the total, in two statements. */
export async function findProjects(
  em: EntityManager,
  q: ProjectQuery,
): Promise<{ rows: PnrrProject[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.comuni) {
    where.push(
      `exists (select 1 from pnrr_project_location l where l.project_local_code = p.local_code and l.comune_istat_code = any(string_to_array(?, ',')))`,
    );
    params.push(codeList(q.comuni));
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

  const [count] = await em.execute<{ n: string }[]>(
    `select count(*) as n from pnrr_project p where ${cond}`,
    params,
  );
  const pos = q.after ? decodeCursor(q.after) : null;
  const rows = await em.execute<Record<string, unknown>[]>(
    `select p.* from pnrr_project p where ${cond} ${pos ? 'and p.local_code > ?' : ''}
      order by p.local_code limit ?`,
    [...params, ...(pos ?? []), q.first + 1],
  );
  return { rows: rows.map((r) => em.map(PnrrProject, r)), total: Number(count.n) };
}
