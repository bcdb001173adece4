import type { Actor, Role } from '../common/actor.js';
import type { ExportDefinition } from '../common/domain.js';
import { forbidden, unauthenticated, type HubError } from '../common/errors.js';
import { licenceOf } from '../core/rules/licences.js';

/** The roles whose keys may download an export that is not open (bulk export). */
export const EXPORT_ROLES: readonly Role[] = ['ANALYST', 'ADMIN'];

/** Who may download an export, and why. */
export interface ExportAccess {
  /** OPEN: anyone, no key (rate-limited per client); KEY: an ANALYST or ADMIN key. */
  access: 'OPEN' | 'KEY';
  /** Why a key is needed (empty when open). */
  reasons: string[];
}

/** What the access decision needs to know of a dataset that contributed rows to an export. */
export interface ExportSource {
  id: string;
  /** SPDX identifier; null when the source states no licence. */
  licence: string | null;
}

/**
 * An export is open when every dataset that contributed rows is under an open licence
 * (src/core/rules/licences.ts) and none of its columns holds personal data; otherwise it needs a key.
 * A source that states no licence is not open: unknown is never taken for permission.
 */
export function accessOf(def: ExportDefinition, sources: readonly ExportSource[]): ExportAccess {
  const reasons: string[] = [];
  const personal = def.columns.filter((c) => c.personal).map((c) => c.name);
  if (personal.length) reasons.push(`personal data in column(s) ${personal.join(', ')}`);
  const unlicensed = sources.filter((s) => !s.licence).map((s) => s.id);
  if (unlicensed.length) reasons.push(`no licence stated by ${unlicensed.join(', ')}`);
  const closed = sources
    .filter((s) => s.licence && !licenceOf(s.licence)?.open)
    .map((s) => `${s.id} (${s.licence})`);
  if (closed.length) reasons.push(`not an open licence: ${closed.join(', ')}`);
  return { access: reasons.length ? 'KEY' : 'OPEN', reasons };
}

/**
 * May this actor download export `name`? Null when it may: the export is open (anyone,
 * anonymous included), or the actor holds a key of {@link EXPORT_ROLES}. Otherwise the
 * refusal: UNAUTHENTICATED without a key, FORBIDDEN for a key of another role (PARTNER,
 * EDITOR), each saying why the export needs a key.
 */
export function exportRefusal(actor: Actor, name: string, access: ExportAccess): HubError | null {
  if (access.access === 'OPEN') return null;
  const needs = `Export "${name}" needs an ${EXPORT_ROLES.join(' or ')} key (Authorization: Bearer <key>): ${access.reasons.join('; ')}. Exports made only of open-licence data need none (see GET /export).`;
  if (actor.kind !== 'key') return unauthenticated(needs);
  if (!EXPORT_ROLES.includes(actor.role)) return forbidden(`${needs} This key is ${actor.role}.`);
  return null;
}
