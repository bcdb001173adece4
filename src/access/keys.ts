import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { isRole, isScopedRole, ROLES, type KeyActor } from '../common/actor.js';
import { isIstatCode } from '../common/keys.js';
import { Comune } from '../core/model/comune.entity.js';
import { ApiKey } from './model/api-key.entity.js';

/**
 * The domains an EDITOR key can be scoped to: the registered domains, set once by src/schema.ts
 * (the composition root) so that a new domain needs no edit here.
 */
let scopeDomains: readonly string[] = [];

/** Sets the names of the domains an EDITOR key can be scoped to (src/schema.ts). */
export function setScopeDomains(names: readonly string[]): void {
  scopeDomains = [...names];
}

/** A refused key request; the message says what is wrong and what is accepted. */
export class KeyRequestError extends Error {}

/** What `keys create` asks for. */
export interface KeyRequest {
  role: string;
  label: string;
  comuni?: string[];
  domains?: string[];
}

/** Prefix of every key, so that leaked keys are easy to recognise (secret scanners). */
export const KEY_PREFIX = 'cdh_';

/** SHA-256 (hex) of a key: what the database stores and looks up. */
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The actor a stored key stands for. */
export const toActor = (k: ApiKey): KeyActor => ({
  kind: 'key',
  keyId: k.id,
  label: k.label,
  role: k.role,
  comuni: [...k.comuni],
  domains: [...k.domains],
});

/**
 * Checks a key request's shape (role, label, ISTAT codes, domains, EDITOR scope) without
 * the database, so that the CLI refuses bad arguments at once.
 */
export function checkKeyRequest(req: KeyRequest) {
  const role = req.role?.toUpperCase();
  if (!isRole(role))
    throw new KeyRequestError(`unknown role "${req.role}"; expected one of ${ROLES.join(', ')}`);
  const label = req.label?.trim();
  if (!label || label.length > 100)
    throw new KeyRequestError('--label is required: a text of 1 to 100 characters');
  const comuni = [...new Set(req.comuni ?? [])].sort();
  const domains = [...new Set(req.domains ?? [])].sort();
  for (const c of comuni)
    if (!isIstatCode(c))
      throw new KeyRequestError(`--comune "${c}": expected a 6-digit ISTAT code such as 019035`);
  for (const d of domains)
    if (!scopeDomains.includes(d))
      throw new KeyRequestError(`--domain "${d}": expected one of ${scopeDomains.join(', ')}`);
  if (isScopedRole(role) && comuni.length === 0)
    throw new KeyRequestError('an EDITOR key needs at least one --comune ISTAT code');
  if (!isScopedRole(role) && comuni.length + domains.length > 0)
    throw new KeyRequestError(`only EDITOR keys take --comune and --domain (role ${role})`);
  return { role, label, comuni, domains };
}

/** Checks a key request against the comuni and the keys of the database too. */
async function checkRequest(em: EntityManager, req: KeyRequest) {
  const checked = checkKeyRequest(req);
  const { comuni, label } = checked;
  const known = await em.find(Comune, { istatCode: { $in: comuni } }, { fields: ['istatCode'] });
  const missing = comuni.filter((c) => !known.some((k) => k.istatCode === c));
  if (missing.length)
    throw new KeyRequestError(`--comune: no comune with ISTAT code ${missing.join(', ')}`);
  if (await em.count(ApiKey, { label }))
    throw new KeyRequestError(`a key labelled "${label}" already exists; labels are unique`);
  return checked;
}

/**
 * Creates a key and returns it with its secret, the only time the secret exists outside
 * the caller's hands: only its hash is stored. Used by `npm run keys -- create` and tests.
 */
export async function createApiKey(em: EntityManager, req: KeyRequest) {
  const checked = await checkRequest(em, req);
  const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
  const key = em.create(ApiKey, { ...checked, secretHash: hashKey(secret) });
  await em.flush();
  return { key, secret, actor: toActor(key) };
}

/** Every key, newest last, without secrets. */
export const listApiKeys = (em: EntityManager) =>
  em.find(
    ApiKey,
    {},
    {
      orderBy: { id: 'asc' },
      fields: ['id', 'label', 'role', 'comuni', 'domains', 'createdAt', 'revokedAt'],
    },
  );

/** Revokes a key by id or label; returns it. Revoking twice keeps the first date. */
export async function revokeApiKey(em: EntityManager, idOrLabel: string): Promise<ApiKey> {
  const key = await em.findOne(
    ApiKey,
    /^\d+$/.test(idOrLabel) ? { id: Number(idOrLabel) } : { label: idOrLabel },
  );
  if (!key) throw new KeyRequestError(`no key with id or label "${idOrLabel}"`);
  key.revokedAt ??= new Date();
  await em.flush();
  return key;
}

/** The actor of a presented key, or null when the key is unknown or revoked. */
export async function findActorByKey(em: EntityManager, secret: string): Promise<KeyActor | null> {
  const key = await em.findOne(ApiKey, { secretHash: hashKey(secret) });
  return key && !key.revokedAt ? toActor(key) : null;
}
