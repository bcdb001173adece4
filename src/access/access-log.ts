import { ref } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { perRequest, type HubContext } from '../common/context.js';
import { Comune } from '../core/model/comune.entity.js';
import { AccessLogEntry } from './model/access-log.entity.js';
import { canReadPersonalData, personalDataForbidden } from './guard.js';

/** A read of one personal field. */
export interface PersonalRead {
  comune: string;
  domain: string;
  entity: string;
  field: string;
}

/**
 * The request's access-log writer: reads made in the same tick (sibling fields, the items of
 * a list) are written with one INSERT. Each read waits for its row, so no personal value
 * leaves the hub before its read is on record.
 */
function createAccessLogWriter(ctx: HubContext) {
  return new DataLoader<PersonalRead, true, PersonalRead>(
    async (reads) => {
      const actor = ctx.actor;
      if (actor.kind !== 'key') throw new Error('personal data read without a key');
      await ctx.em.insertMany(
        AccessLogEntry,
        reads.map((r) => ({
          keyId: actor.keyId,
          actorLabel: actor.label,
          actorRole: actor.role,
          comune: ref(Comune, r.comune),
          domain: r.domain,
          entity: r.entity,
          field: r.field,
          requestId: ctx.requestId,
          clientRequestId: ctx.clientRequestId ?? null,
        })),
      );
      return reads.map(() => true as const);
    },
    { cache: false },
  );
}

/** Records a read of personal data (batched per tick); resolves once it is written. */
export async function logPersonalRead(ctx: HubContext, read: PersonalRead): Promise<void> {
  await perRequest(ctx, createAccessLogWriter).load(read);
}

/**
 * Resolves a personal field: the value for an editor of the comune or an admin (after
 * logging the read), otherwise a FORBIDDEN error on this field only (it becomes null; the
 * rest of the answer is intact).
 */
export async function readPersonal<T>(
  ctx: HubContext,
  read: PersonalRead,
  value: T | null | undefined,
): Promise<T | null> {
  if (!canReadPersonalData(ctx.actor, read.comune, read.domain))
    throw personalDataForbidden(read.field, read.comune, read.domain);
  await logPersonalRead(ctx, read);
  return value ?? null;
}
