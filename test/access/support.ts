import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { AccessLogEntry } from '../../src/access/model/access-log.entity.js';
import { ChangeLogEntry } from '../../src/access/model/change-log.entity.js';
import { createApiKey, type KeyRequest } from '../../src/access/keys.js';
import { createPlan, readApplication } from '../../src/domains/civil-protection/ingest/seed.js';
import { CivilProtectionPlan } from '../../src/domains/civil-protection/model/plan.entity.js';

/**
 * Creates an API key through the same code as `npm run keys -- create`, with a unique
 * label (test files run in parallel on one database).
 */
export async function newKey(orm: MikroORM, req: Omit<KeyRequest, 'label'> & { label?: string }) {
  const label = `${req.label ?? req.role.toLowerCase()}-${randomUUID()}`;
  return createApiKey(orm.em.fork(), { ...req, label });
}

/**
 * Gives a test file plans of its own, for comuni outside the seeded 22 (created with the
 * seed's own code), and removes them with their change and access logs afterwards.
 */
export async function ownPlans(orm: MikroORM, codes: string[]) {
  const em = orm.em.fork();
  await dropPlans(orm, codes);
  const app = readApplication();
  for (const code of codes) createPlan(em, app, code, { notes: 'test plan' });
  await em.flush();
  return () => dropPlans(orm, codes);
}

async function dropPlans(orm: MikroORM, codes: string[]) {
  const em = orm.em.fork();
  await em.nativeDelete(CivilProtectionPlan, { comune: { $in: codes } });
  await em.nativeDelete(ChangeLogEntry, { comune: { $in: codes } });
  await em.nativeDelete(AccessLogEntry, { comune: { $in: codes } });
}
