import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DatePrecision } from '../../../common/dates.js';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedCsv, readSeedJson } from '../../../common/seed-files.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { seedDatasets, upsertGroupings } from '../../../core/ingest/seed.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { replaceQualityFlags } from '../../../core/ingest/quality-flags.js';
import { DOMAIN, PlanPlatform, PlanStatus } from '../model/enums.js';
import { hazardsSeeded, seedHazards } from './hazard.seed.js';
import { CivilProtectionOfficer } from '../model/plan-content.entity.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';
import { PlanPlatformInfo } from '../model/platform.entity.js';
import { GroupingKind } from '../../../core/model/enums.js';

/** The facts common to the plans of the joint application (application.json). */
export interface Application {
  grouping: {
    code: string;
    name: string;
    description: string;
    declaredMemberCount: number;
    membershipKnown: boolean;
  };
  sourceNote: string;
  platform: PlanPlatform;
  platformInfo: {
    name: string;
    operator: string;
    planningReorganisedIn: { on: string; precision: DatePrecision };
    description: string;
    guidelines: string;
  };
  status: PlanStatus;
  statusAsOf: string;
  statusNote: string;
  grant: { funder: string; description: string; amount: string | null };
  leadComune: string;
  coordinator: string;
  coordinatorOffice: string;
  kickOff: string;
  dueBy: { on: string; precision: DatePrecision };
  leadNote: string;
  memberNote: string;
  officerRole: string;
  officerNote: string;
  /** Why the lists a plan holds are unknown until the comune's editors enter them. */
  unknown: { scenarios: string; crisisUnit: string; emergencyAreas: string };
}

export const readApplication = () => readSeedJson<Application>(DOMAIN, 'application.json');
const PRESS = 'press-consorzio-it';

/**
 * Creates the plan of one comune from the application's facts, with its officer (role
 * only). `draftingFirm` is an organisation code or null. Used by the seed and by tests that
 * need a plan of their own.
 */
export function createPlan(
  em: EntityManager,
  app: Application,
  istatCode: string,
  opts: { draftingFirm?: string | null; planGroup?: string | null; notes?: string | null } = {},
): CivilProtectionPlan {
  const dataset = ref(Dataset, PRESS);
  const plan = em.create(CivilProtectionPlan, {
    comune: ref(Comune, istatCode),
    platform: app.platform,
    status: app.status,
    statusAsOfOn: app.statusAsOf,
    statusAsOfPrecision: DatePrecision.DAY,
    statusNote: app.statusNote,
    grantFunder: ref(Organization, app.grant.funder),
    grantDescription: app.grant.description,
    grantAmount: app.grant.amount,
    leadComune: ref(Comune, app.leadComune),
    coordinator: ref(Organization, app.coordinator),
    coordinatorOffice: app.coordinatorOffice,
    draftingFirm: opts.draftingFirm ? ref(Organization, opts.draftingFirm) : null,
    planGroup: opts.planGroup ? ref(TerritorialGrouping, opts.planGroup) : null,
    kickOffOn: app.kickOff,
    kickOffPrecision: DatePrecision.DAY,
    dueByOn: app.dueBy.on,
    dueByPrecision: app.dueBy.precision,
    notes: opts.notes ?? null,
    scenariosUnknownReason: app.unknown.scenarios,
    crisisUnitUnknownReason: app.unknown.crisisUnit,
    emergencyAreasUnknownReason: app.unknown.emergencyAreas,
    dataset,
    sourceNote: app.sourceNote,
  });
  em.create(CivilProtectionOfficer, {
    plan: ref(plan),
    role: app.officerRole,
    dataset,
    sourceNote: app.officerNote,
  });
  return plan;
}

/** Loads the platform record (PPC online) with the regional framework it belongs to. */
async function seedPlatform(em: EntityManager, app: Application): Promise<void> {
  const info = app.platformInfo;
  em.create(PlanPlatformInfo, {
    platform: app.platform,
    name: info.name,
    operator: ref(Organization, info.operator),
    reorganisedOn: info.planningReorganisedIn.on,
    reorganisedPrecision: info.planningReorganisedIn.precision,
    description: info.description,
    guidelines: info.guidelines,
    dataset: ref(Dataset, PRESS),
    sourceNote: app.sourceNote,
  });
  await em.flush();
}

/**
 * Loads the 22 plans and their plan group: 23 declared, 22 named, so the membership is not
 * fully known, and the count-mismatch flag reaches each of the 22 comuni through the group.
 */
async function seedPlans(em: EntityManager, app: Application): Promise<void> {
  const rows = readSeedCsv(DOMAIN, 'plans.csv');
  const comuni = await em.find(Comune, { istatCode: { $in: rows.map((r) => r.istat_code) } });
  for (const r of rows)
    if (comuni.find((c) => c.istatCode === r.istat_code)?.name !== r.name)
      throw new Error(`seeds/data/civil-protection/plans.csv: ${r.istat_code} is not ${r.name}`);
  const { code, ...grouping } = app.grouping;
  await upsertGroupings(em, [
    [
      {
        code,
        ...grouping,
        kind: GroupingKind.PLAN_GROUP,
        dataset: ref(Dataset, PRESS),
        sourceNote: app.sourceNote,
      },
      rows.map((r) => r.istat_code),
    ],
  ]);
  for (const r of rows) {
    const lead = r.role_in_application === 'LEAD';
    createPlan(em, app, r.istat_code, {
      draftingFirm: r.drafting_firm || null,
      planGroup: code,
      notes: lead ? app.leadNote : app.memberNote,
    });
  }
  await em.flush();
  await replaceQualityFlags(
    em,
    DOMAIN,
    [
      {
        code: 'DECLARED_COUNT_MISMATCH',
        message: `The source says ${grouping.declaredMemberCount} comuni applied for the civil-protection plans grant but names ${rows.length} distinct comuni (Casaletto Ceredano is listed twice); the missing comune is unknown.`,
        entity: `TerritorialGrouping:${code}`,
        territory: code,
        dataset: PRESS,
        sourceNote: app.sourceNote,
      },
    ],
    ['DECLARED_COUNT_MISMATCH'],
  );
}

/** Loads what is not loaded yet: the platform, the plans, the hazards of every comune. */
export async function seedCivilProtection(em: EntityManager): Promise<void> {
  await seedDatasets(em, DOMAIN);
  const app = readApplication();
  if (!(await em.count(PlanPlatformInfo))) await seedPlatform(em, app);
  if (!(await em.count(CivilProtectionPlan))) await seedPlans(em, app);
  await seedHazards(em);
}

/** The domain's seed: runs while any of its parts is missing (each part loads once). */
export const civilProtectionSeed: DomainSeed = {
  name: DOMAIN,
  isSeeded: async (em) =>
    (await em.count(CivilProtectionPlan)) > 0 &&
    (await em.count(PlanPlatformInfo)) > 0 &&
    (await hazardsSeeded(em)),
  run: seedCivilProtection,
};
