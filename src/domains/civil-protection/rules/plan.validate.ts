import { badInput } from '../../../common/errors.js';
import type {
  CrisisUnitMemberInput,
  EmergencyAreaInput,
  OfficerInput,
  RiskScenarioInput,
  UpdateCivilProtectionPlanInput,
} from '../api/plan.inputs.js';
import { checkPoint } from '../../../core/rules/geo.js';

const PHONE = /^\+?[0-9][0-9 ()./-]{4,18}[0-9]$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real check.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** Trims a text; empty or blank becomes null. Checks the length when present. */
function text(path: string, value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  const t = value.trim();
  if (t.length > max) throw badInput(path, `must be at most ${max} characters, got ${t.length}`);
  return t || null;
}

/** A required text of 1 to `max` characters. */
function required(path: string, value: string | null | undefined, max: number): string {
  const t = text(path, value, max);
  if (!t) throw badInput(path, `is required: a text of 1 to ${max} characters`);
  return t;
}

function phone(path: string, value: string | null | undefined): string | null {
  const t = text(path, value, 20);
  if (t && !PHONE.test(t))
    throw badInput(
      path,
      `"${t}" is not a phone number: digits, spaces and + ( ) . / -, e.g. "+39 0373 123456"`,
    );
  return t;
}

function email(path: string, value: string | null | undefined): string | null {
  const t = text(path, value, 254);
  if (t && !EMAIL.test(t))
    throw badInput(path, `"${t}" is not an e-mail address like name@comune.it`);
  return t;
}

/** Longest description and procedures of a risk scenario, in characters. */
export const MAX_DESCRIPTION = 5000;
export const MAX_PROCEDURES = 20000;
/** Most members of a crisis unit, risk scenarios and emergency areas of a plan. */
export const MAX_CRISIS_UNIT = 50;
export const MAX_SCENARIOS = 50;
export const MAX_AREAS = 200;
/** Most affected areas of one risk scenario. */
export const MAX_AFFECTED_AREAS = 100;

function list<T>(path: string, items: T[], max: number): T[] {
  if (items.length > max) throw badInput(path, `at most ${max} items, got ${items.length}`);
  return items;
}

/** The officer fields given (undefined = keep), normalised. */
export function checkOfficer(o: OfficerInput, path = 'input.officer') {
  const out: { role?: string; name?: string | null; phone?: string | null; email?: string | null } =
    {};
  if (o.role !== undefined) out.role = required(`${path}.role`, o.role, 200);
  if (o.name !== undefined) out.name = text(`${path}.name`, o.name, 200);
  if (o.phone !== undefined) out.phone = phone(`${path}.phone`, o.phone);
  if (o.email !== undefined) out.email = email(`${path}.email`, o.email);
  return out;
}

export const checkCrisisUnit = (members: CrisisUnitMemberInput[], path = 'input.crisisUnit') =>
  list(path, members, MAX_CRISIS_UNIT).map((m, i) => ({
    role: required(`${path}[${i}].role`, m.role, 200),
    name: text(`${path}[${i}].name`, m.name, 200),
    phone: phone(`${path}[${i}].phone`, m.phone),
  }));

export const checkScenarios = (items: RiskScenarioInput[], path = 'input.scenarios') =>
  list(path, items, MAX_SCENARIOS).map((s, i) => ({
    hazard: s.hazard,
    title: required(`${path}[${i}].title`, s.title, 200),
    description: text(`${path}[${i}].description`, s.description, MAX_DESCRIPTION),
    affectedAreas: list(
      `${path}[${i}].affectedAreas`,
      s.affectedAreas ?? [],
      MAX_AFFECTED_AREAS,
    ).map((a, j) => required(`${path}[${i}].affectedAreas[${j}]`, a, 200)),
    procedures: text(`${path}[${i}].procedures`, s.procedures, MAX_PROCEDURES),
  }));

export function checkAreas(items: EmergencyAreaInput[], path = 'input.emergencyAreas') {
  return list(path, items, MAX_AREAS).map((a, i) => {
    const p = `${path}[${i}]`;
    const loc = a.location;
    if (loc) checkPoint(loc.lat, loc.lon, `${p}.location.lat`, `${p}.location.lon`);
    if (a.capacity != null && (a.capacity < 0 || a.capacity > 100000))
      throw badInput(`${p}.capacity`, `must be from 0 to 100000 people, got ${a.capacity}`);
    return {
      kind: a.kind,
      name: required(`${p}.name`, a.name, 200),
      address: text(`${p}.address`, a.address, 300),
      lat: loc?.lat ?? null,
      lon: loc?.lon ?? null,
      capacity: a.capacity ?? null,
    };
  });
}

/** Validates a whole update before any write; errors name the field. */
export function checkUpdate(input: UpdateCivilProtectionPlanInput) {
  if (input.status === null) throw badInput('input.status', 'cannot be null; omit it to keep it');
  return {
    status: input.status ?? undefined,
    officer: input.officer == null ? undefined : checkOfficer(input.officer),
    crisisUnit: input.crisisUnit == null ? undefined : checkCrisisUnit(input.crisisUnit),
    scenarios: input.scenarios == null ? undefined : checkScenarios(input.scenarios),
    emergencyAreas: input.emergencyAreas == null ? undefined : checkAreas(input.emergencyAreas),
  };
}

/** A validated update. */
export type CheckedUpdate = ReturnType<typeof checkUpdate>;
