import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { ANONYMOUS, type Actor } from '../common/actor.js';

/**
 * Who is calling. Until API keys exist every caller is anonymous (public read);
 * the access-control work replaces this with key lookup.
 */
export async function resolveActor(_req: Request, _em: EntityManager): Promise<Actor> {
  return ANONYMOUS;
}
