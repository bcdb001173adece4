import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeyActor } from '../common/actor.js';
import { Comune } from '../core/model/comune.entity.js';
import { ChangeLogEntry } from './model/change-log.entity.js';

/** One field of one record as it was and as it is. */
export interface FieldChange {
  entity: string;
  field: string;
  before: unknown;
  after: unknown;
  /** The values are personal data. */
  personal?: boolean;
}

/** JSON with keys sorted, so that equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Writes the fields that really changed to the change log, with one INSERT, in the caller's
 * transaction (so a rolled-back write leaves no entry). Returns the entries written.
 */
export async function recordChanges(
  em: EntityManager,
  who: { actor: KeyActor; requestId: string; clientRequestId?: string | null },
  scope: { comune: string; domain: string },
  changes: FieldChange[],
): Promise<FieldChange[]> {
  const real = changes.filter((c) => canonicalJson(c.before) !== canonicalJson(c.after));
  if (!real.length) return real;
  await em.insertMany(
    ChangeLogEntry,
    real.map((c) => ({
      keyId: who.actor.keyId,
      actorLabel: who.actor.label,
      actorRole: who.actor.role,
      comune: ref(Comune, scope.comune),
      domain: scope.domain,
      entity: c.entity,
      field: c.field,
      before: c.before ?? null,
      after: c.after ?? null,
      personal: Boolean(c.personal),
      requestId: who.requestId,
      clientRequestId: who.clientRequestId ?? null,
    })),
  );
  return real;
}
