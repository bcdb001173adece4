import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../../common/actor.js';

/**
 * Role of an API key, as a GraphQL and database enum: made from {@link ROLES} (same values,
 * same order), so that a role is spelled and listed once, in src/common/actor.ts.
 */
export const ApiKeyRole = Object.freeze(
  Object.fromEntries(ROLES.map((role) => [role, role])) as { readonly [R in Role]: R },
);
/** Role of an API key (the TypeScript `Role` of `common/actor.ts`). */
export type ApiKeyRole = Role;

/** What each role may do, as the schema describes it (one entry per role of {@link ROLES}). */
const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PARTNER: 'Partner app: public read with higher rate limits.',
  ANALYST: 'Analyst (ufficio statistica): public read and bulk export.',
  EDITOR:
    'Editor of some comuni and domains: writes there, and reads personal data of those comuni.',
  ADMIN: 'Administrator: everything, including the access log.',
};

registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: 'Role of an API key (chiave API).',
  valuesConfig: Object.fromEntries(
    ROLES.map((role) => [role, { description: ROLE_DESCRIPTIONS[role] }]),
  ) as Record<Role, { description: string }>,
});
