/**
 * Every role of an API key, from the least to the most trusted: the one list of roles. The
 * GraphQL enum `ApiKeyRole` (src/access/model/enums.ts), the database enum `api_key_role` and
 * the rate-limit tiers (src/server/rate-limit.ts) are made from it.
 */
export const ROLES = ['PARTNER', 'ANALYST', 'EDITOR', 'ADMIN'] as const;

/** Roles of API keys; anonymous callers have no key. */
export type Role = (typeof ROLES)[number];

/** True when `value` is the name of a role (exactly as spelled in {@link ROLES}). */
export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/**
 * True for the roles whose keys are scoped to comuni and domains (EDITOR): their writes, their
 * personal data and their change log stop at that scope. Other keys carry no scope.
 */
export const isScopedRole = (role: Role): boolean => role === 'EDITOR';

/** Who is calling: anonymous, or the holder of an API key. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'key';
      keyId: number;
      label: string;
      role: Role;
      /** ISTAT codes an editor may write (empty for other roles). */
      comuni: string[];
      /** Domains an editor may write (empty means all domains for the role). */
      domains: string[];
    };

/** An actor holding a key. */
export type KeyActor = Extract<Actor, { kind: 'key' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The role of an actor, or null when anonymous. */
export const roleOf = (actor: Actor): Role | null => (actor.kind === 'key' ? actor.role : null);

/**
 * True when the actor may write `domain` data of `comune`: an ADMIN always, an EDITOR when
 * the comune is among its comuni and the domain among its domains (no domains = all).
 */
export function coversScope(actor: Actor, comune: string, domain: string): boolean {
  if (actor.kind !== 'key') return false;
  if (actor.role === 'ADMIN') return true;
  return (
    isScopedRole(actor.role) &&
    actor.comuni.includes(comune) &&
    (actor.domains.length === 0 || actor.domains.includes(domain))
  );
}
