import {
  coversScope,
  isScopedRole,
  type Actor,
  type KeyActor,
  type Role,
} from '../common/actor.js';
import type { HubContext } from '../common/context.js';
import { forbidden, unauthenticated } from '../common/errors.js';

/**
 * The rules of access, in one place (see README "Access control"):
 * - anonymous: public read; anything that needs a key is UNAUTHENTICATED;
 * - PARTNER, ANALYST: public read (ANALYST also bulk export); other keyed actions FORBIDDEN;
 * - EDITOR: writes, personal data and change log of its comuni and domains;
 * - ADMIN: everything, including the access log.
 */

/** Throws UNAUTHENTICATED for anonymous callers; returns the keyed actor. */
export function requireKey(ctx: HubContext, what: string): KeyActor {
  if (ctx.actor.kind !== 'key')
    throw unauthenticated(
      `${what} needs an API key: send "Authorization: Bearer <key>" (keys: npm run keys).`,
    );
  return ctx.actor;
}

/** Throws unless the caller holds one of the roles (UNAUTHENTICATED when anonymous). */
export function requireRole(ctx: HubContext, what: string, ...roles: Role[]): KeyActor {
  const actor = requireKey(ctx, what);
  if (!roles.includes(actor.role))
    throw forbidden(
      `${what} needs a key with role ${roles.join(' or ')}; this key is ${actor.role}.`,
    );
  return actor;
}

/**
 * Throws unless the caller may write `domain` data of `comune`: UNAUTHENTICATED when
 * anonymous, FORBIDDEN for other roles and for editors outside their comuni or domains.
 */
export function requireEditor(
  ctx: HubContext,
  comune: string,
  domain: string,
  what = 'This change',
): KeyActor {
  const actor = requireRole(ctx, what, 'EDITOR', 'ADMIN');
  if (coversScope(actor, comune, domain)) return actor;
  if (!actor.comuni.includes(comune))
    throw forbidden(
      `${what}: key "${actor.label}" may edit comuni ${actor.comuni.join(', ') || '(none)'}, not ${comune}.`,
    );
  throw forbidden(
    `${what}: key "${actor.label}" may edit domains ${actor.domains.join(', ')}, not ${domain}.`,
  );
}

/** Where a key is confined: its comuni and domains (no domains = all). */
export interface KeyScope {
  comuni: string[];
  domains: string[];
}

/** The scope a keyed actor is confined to, or null when its role is not scoped (ADMIN...). */
export const scopeOf = (actor: KeyActor): KeyScope | null =>
  isScopedRole(actor.role) ? { comuni: actor.comuni, domains: actor.domains } : null;

/**
 * True when the actor may read personal data of `domain` records of `comune`: an ADMIN, or
 * an EDITOR scoped to that comune and domain.
 */
export const canReadPersonalData = (actor: Actor, comune: string, domain: string): boolean =>
  coversScope(actor, comune, domain);

/** The FORBIDDEN error of a personal field the caller may not read. */
export function personalDataForbidden(field: string, comune: string, domain: string) {
  return forbidden(
    `Field "${field}" is personal data (dati personali): readable only with an EDITOR key for comune ${comune} and domain ${domain}, or an ADMIN key.`,
  );
}
