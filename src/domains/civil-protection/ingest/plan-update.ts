import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeyActor } from '../../../common/actor.js';
import { clearLoaders, type HubContext } from '../../../common/context.js';
import { DatePrecision } from '../../../common/dates.js';
import { badInput, conflict, notFound } from '../../../common/errors.js';
import { canonicalJson, recordChanges, type FieldChange } from '../../../access/change-log.js';
import { requireEditor } from '../../../access/guard.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { checkIstatCode } from '../../../core/data/territory.js';
import { DOMAIN } from '../model/enums.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from '../model/plan-content.entity.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';
import type { UpdateCivilProtectionPlanInput } from '../api/plan.inputs.js';
import { checkUpdate, type CheckedUpdate } from '../rules/plan.validate.js';

/** Dataset of the content entered by the comuni's editors through the hub. */
export const EDITS_DATASET = 'civil-protection-edits';

const PERSONAL_FIELDS = new Set(['name', 'phone', 'email']);
type ListEntity = typeof CrisisUnitMember | typeof RiskScenario | typeof EmergencyArea;

/**
 * Applies an update to a plan: scope check, validation, then one transaction on its own
 * fork that locks the plan row (SELECT ... FOR UPDATE), compares `expectedVersion`, writes
 * the changed fields and their change-log entries, and bumps the version (MikroORM's
 * versioned UPDATE ... WHERE version = ? is a second guard). No lost update: a concurrent
 * writer with the same expected version waits for the lock, then gets CONFLICT.
 */
export async function updatePlan(
  ctx: HubContext,
  istatCode: string,
  expectedVersion: number,
  input: UpdateCivilProtectionPlanInput,
) {
  const comune = checkIstatCode(istatCode);
  const actor = requireEditor(ctx, comune, DOMAIN, 'updateCivilProtectionPlan');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput(
      'expectedVersion',
      `must be the plan's version (1 or more), got ${expectedVersion}`,
    );
  const checked = checkUpdate(input);
  const result = await ctx.em.fork().transactional(async (em) => {
    const plan = await em.findOne(
      CivilProtectionPlan,
      { comune },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!plan) throw notFound(`The hub holds no civil-protection plan for comune ${comune}.`);
    if (plan.version !== expectedVersion)
      throw conflict(
        `Plan ${comune} is at version ${plan.version}, not ${expectedVersion}: it changed since you read it. Read it again, reapply your change, and send the new version.`,
        { currentVersion: plan.version },
      );
    const changes = await applyUpdate(em, plan, checked, actor);
    const real = await recordChanges(
      em,
      { actor, requestId: ctx.requestId, clientRequestId: ctx.clientRequestId },
      { comune, domain: DOMAIN },
      changes,
    );
    if (real.length) plan.lastUpdate = new Date();
    await em.flush();
    return { plan, changedFields: real.map((c) => `${c.entity}.${c.field}`) };
  });
  // What this request read before the write is stale now.
  clearLoaders(ctx);
  ctx.em.clear();
  return result;
}

/** Where edited rows come from: the editors' dataset, with the key and the day. */
const editSource = (actor: KeyActor, today: string) => ({
  dataset: ref(Dataset, EDITS_DATASET),
  sourceNote: `entered through the hub with key "${actor.label}", ${today}`,
});
type Source = ReturnType<typeof editSource>;

/** Writes the requested changes on the transaction's fork; returns the fields as before/after. */
async function applyUpdate(
  em: EntityManager,
  plan: CivilProtectionPlan,
  u: CheckedUpdate,
  actor: KeyActor,
): Promise<FieldChange[]> {
  const entity = `CivilProtectionPlan:${plan.istatCode}`;
  const today = new Date().toISOString().slice(0, 10);
  const source = editSource(actor, today);
  const changes: FieldChange[] = [];
  if (u.status && u.status !== plan.status) {
    changes.push({ entity, field: 'status', before: plan.status, after: u.status });
    plan.status = u.status;
    plan.statusAsOfOn = today;
    plan.statusAsOfPrecision = DatePrecision.DAY;
    plan.statusNote = `Set through the hub by key "${actor.label}".`;
  }
  if (u.officer) changes.push(...(await applyOfficer(em, plan, u.officer, source)));
  const lists = [
    [CrisisUnitMember, 'crisisUnit', u.crisisUnit, ['role', 'name', 'phone']],
    [
      RiskScenario,
      'scenarios',
      u.scenarios,
      ['hazard', 'title', 'description', 'affectedAreas', 'procedures'],
    ],
    [
      EmergencyArea,
      'emergencyAreas',
      u.emergencyAreas,
      ['kind', 'name', 'address', 'lat', 'lon', 'capacity'],
    ],
  ] as const;
  for (const [type, field, items, keys] of lists) {
    if (!items) continue;
    // A list not known yet becomes known: even an empty one is a change (unknown -> none).
    const reason = `${field}UnknownReason` as const;
    const unknown = plan[reason] != null;
    const before = await replaceList(em, plan, type, keys, items, source, unknown);
    plan[reason] = null;
    changes.push({
      entity,
      field,
      before: unknown ? null : before,
      after: items,
      personal: type === CrisisUnitMember,
    });
  }
  return changes;
}

/** Sets the officer fields given (creating the officer if needed); returns the changes. */
async function applyOfficer(
  em: EntityManager,
  plan: CivilProtectionPlan,
  given: NonNullable<CheckedUpdate['officer']>,
  source: Source,
): Promise<FieldChange[]> {
  const code = plan.istatCode;
  let officer = await em.findOne(CivilProtectionOfficer, { plan: code });
  if (!officer) {
    if (!given.role)
      throw badInput('input.officer.role', 'is required: the plan has no officer yet');
    officer = em.create(CivilProtectionOfficer, { plan: ref(plan), role: given.role, ...source });
  }
  const changes: FieldChange[] = [];
  for (const [field, after] of Object.entries(given) as [keyof typeof given, string | null][]) {
    const before = officer[field] ?? null;
    if (before === after) continue;
    const personal = PERSONAL_FIELDS.has(field);
    changes.push({ entity: `CivilProtectionOfficer:${code}`, field, before, after, personal });
    officer[field] = after as string;
  }
  if (changes.length) Object.assign(officer, source);
  return changes;
}

/**
 * Replaces one list of the plan (crisis unit, scenarios, areas) when it differs or was not
 * known (`force`); returns the list as it was, in the input's shape, for the change log.
 */
async function replaceList(
  em: EntityManager,
  plan: CivilProtectionPlan,
  type: ListEntity,
  keys: readonly string[],
  items: readonly object[],
  source: Source,
  force: boolean,
): Promise<Record<string, unknown>[]> {
  const code = plan.istatCode;
  const rows = await em.find(
    type as typeof RiskScenario,
    { plan: code },
    { orderBy: { position: 'asc' } },
  );
  const before = rows.map((r) =>
    Object.fromEntries(keys.map((k) => [k, (r as unknown as Record<string, unknown>)[k] ?? null])),
  );
  if (!force && canonicalJson(before) === canonicalJson(items)) return before;
  await em.nativeDelete(type, { plan: code });
  items.forEach((item, position) =>
    em.create(
      type as typeof RiskScenario,
      { ...item, plan: ref(plan), position, ...source } as never,
    ),
  );
  return before;
}
