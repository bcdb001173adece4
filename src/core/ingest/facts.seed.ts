import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DatePrecision } from '../../common/dates.js';
import type { DomainSeed } from '../../common/seed.js';
import { readSeedCsv, readSeedJson } from '../../common/seed-files.js';
import { foldName } from '../../common/text.js';
import { Comune } from '../model/comune.entity.js';
import { Dataset } from '../model/dataset.entity.js';
import { GroupingMember } from '../model/grouping.entity.js';
import { seedBaseGroupings, seedDatasets, seedOrganizations } from './seed.js';
import { Initiative, InitiativeComune, InitiativeParticipant } from '../model/initiative.entity.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { OrganizationName } from '../model/organization-name.entity.js';
import { Organization } from '../model/organization.entity.js';
import { replaceQualityFlags, type QualityFlag } from './quality-flags.js';
import { OrganizationRole, InitiativeKind } from '../model/enums.js';
import { referenceCodes } from '../data/references.js';

/** Flag code: a comune's membership of a grouping is inferred, not from an official list. */
export const MEMBERSHIP_INFERRED = 'MEMBERSHIP_INFERRED';
/** Flag code: the sources name or expand an organisation differently. */
export const CONFLICTING_NAMES = 'CONFLICTING_NAMES';

const PRESS = 'press-consorzio-it';

interface MemberSeed {
  organization: string;
  istatCode?: string;
  comuneName?: string;
  memberOrganization?: string;
  role: OrganizationRole;
  roleNote: string | null;
  source: string;
}
interface NameSeed {
  organization: string;
  name: string;
  meaning: string | null;
  source: string;
}
interface InitiativeSeed {
  code: string;
  kind: InitiativeKind;
  title: string;
  summary: string;
  on: string | null;
  precision: DatePrecision | null;
  dateNote: string | null;
  venue: string | null;
  domain: string | null;
  participants: { count: number; approximate: boolean } | null;
  organizations: { code: string; role: string }[];
  comuni: { territory?: string; istatCode?: string; basis: string }[];
  concernsNote: string;
  source: string;
}

const bad = (file: string, message: string): never => {
  throw new Error(`seeds/data/hub/${file}: ${message}`);
};

/** One MEMBERSHIP_INFERRED flag on every member of each grouping whose membership is inferred. */
async function refreshMembershipFlags(em: EntityManager): Promise<void> {
  const basis = new Map(
    readSeedCsv('hub', 'cremasco_comuni.csv').map((r) => [r.com_istat_code, r.basis]),
  );
  const members = await em.find(
    GroupingMember,
    { grouping: { membershipInferred: true } },
    { populate: ['grouping', 'comune'], orderBy: { grouping: { code: 'asc' }, comune: 'asc' } },
  );
  const flags: QualityFlag[] = members.map((m) => {
    const g = m.grouping.getEntity();
    const c = m.comune.getEntity();
    const why = g.code === 'consorzio-it' ? basis.get(c.istatCode) : null;
    return {
      code: MEMBERSHIP_INFERRED,
      entity: `TerritorialGrouping:${g.code}`,
      comune: c.istatCode,
      message: `${c.name}'s membership of "${g.name}" is inferred by the hub, not taken from an official member list${why ? ` (basis: ${why})` : ''}. The grouping's source note gives the evidence.`,
      dataset: g.dataset.id,
      sourceNote: g.sourceNote ?? null,
    };
  });
  await replaceQualityFlags(em, 'hub', flags, [MEMBERSHIP_INFERRED]);
}

/** The members (roles only) of the shared organisations, replaced as a whole per organisation. */
async function seedMembers(em: EntityManager, comuni: Map<string, Comune>): Promise<void> {
  const file = 'organization_members.json';
  const rows = readSeedJson<MemberSeed[]>('hub', file);
  await em.nativeDelete(OrganizationMember, {
    organization: { $in: [...new Set(rows.map((r) => r.organization))] },
  });
  for (const r of rows) {
    let comune: Comune | null = null;
    if (r.istatCode) {
      comune = comuni.get(r.istatCode) ?? bad(file, `unknown ISTAT code ${r.istatCode}`);
      if (foldName(comune.name) !== foldName(r.comuneName ?? ''))
        bad(file, `${r.istatCode} is ${comune.name}, not ${r.comuneName}`);
    }
    em.create(OrganizationMember, {
      organization: ref(Organization, r.organization),
      comune,
      memberOrganization: r.memberOrganization ? ref(Organization, r.memberOrganization) : null,
      role: r.role,
      roleNote: r.roleNote,
      dataset: ref(Dataset, PRESS),
      sourceNote: r.source,
    });
  }
  await em.flush();
}

/** Names and expansions of organisations; a CONFLICTING_NAMES flag where they disagree. */
async function seedNames(em: EntityManager): Promise<void> {
  const rows = readSeedJson<NameSeed[]>('hub', 'organization_names.json');
  await em.nativeDelete(OrganizationName, {
    organization: { $in: [...new Set(rows.map((r) => r.organization))] },
  });
  for (const r of rows)
    em.create(OrganizationName, {
      organization: ref(Organization, r.organization),
      name: r.name,
      meaning: r.meaning,
      dataset: ref(Dataset, PRESS),
      sourceNote: r.source,
    });
  await em.flush();
  const byOrg = new Map<string, NameSeed[]>();
  for (const r of rows) byOrg.set(r.organization, [...(byOrg.get(r.organization) ?? []), r]);
  const flags: QualityFlag[] = [...byOrg]
    .filter(([, names]) => names.length > 1)
    .map(([org, names]) => ({
      code: CONFLICTING_NAMES,
      entity: `Organization:${org}`,
      message: `The sources name or expand "${org}" differently: ${names
        .map((n) => `"${n.name}" (${n.source})`)
        .join(
          '; ',
        )}. All are kept with their sources: whether one body was renamed, two bodies share the acronym or a source is wrong is not known.`,
      dataset: PRESS,
      sourceNote: names.map((n) => n.source).join(' | '),
    }));
  await replaceQualityFlags(em, 'hub', flags, [CONFLICTING_NAMES]);
}

/** The initiatives with their participants and comuni, replaced as a whole per initiative. */
async function seedInitiatives(em: EntityManager, comuni: Map<string, Comune>): Promise<void> {
  const file = 'initiatives.json';
  const rows = readSeedJson<InitiativeSeed[]>('hub', file);
  const orgs = await referenceCodes(em, Organization, 'code');
  const codes = rows.map((r) => r.code);
  await em.nativeDelete(InitiativeParticipant, { initiative: { $in: codes } });
  await em.nativeDelete(InitiativeComune, { initiative: { $in: codes } });
  for (const r of rows) {
    if ((r.on == null) !== (r.precision == null))
      bad(file, `${r.code}: give both "on" and "precision", or neither`);
    await em.upsert(Initiative, {
      code: r.code,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      on: r.on,
      precision: r.precision,
      dateNote: r.dateNote,
      venue: r.venue,
      domain: r.domain,
      participantCount: r.participants?.count ?? null,
      participantCountApproximate: r.participants ? r.participants.approximate : null,
      concernsNote: r.concernsNote,
      dataset: ref(Dataset, PRESS),
      sourceNote: r.source,
    });
    r.organizations.forEach((o, position) => {
      if (!orgs.has(o.code)) bad(file, `${r.code}: unknown organisation ${o.code}`);
      em.create(InitiativeParticipant, {
        initiative: ref(Initiative, r.code),
        organization: ref(Organization, o.code),
        role: o.role,
        position,
      });
    });
    const concerned = new Map<string, string>();
    for (const c of r.comuni) {
      const members = c.territory
        ? (await em.find(GroupingMember, { grouping: c.territory })).map(
            (m) => m.comune.unwrap().istatCode,
          )
        : [c.istatCode ?? bad(file, `${r.code}: a comune needs territory or istatCode`)];
      if (!members.length) bad(file, `${r.code}: territory ${c.territory} has no members`);
      for (const m of members) {
        if (!comuni.has(m)) bad(file, `${r.code}: unknown ISTAT code ${m}`);
        if (!concerned.has(m)) concerned.set(m, c.basis);
      }
    }
    for (const [istat, basis] of concerned)
      em.create(InitiativeComune, {
        initiative: ref(Initiative, r.code),
        comune: ref(Comune, istat),
        basis,
        dataset: ref(Dataset, PRESS),
        sourceNote: r.source,
      });
  }
  await em.flush();
}

/**
 * The hub's curated facts added after its first release: organisations (updated), the base
 * groupings (the evidence for Consorzio.IT's inferred membership), the members and names of
 * organisations, the initiatives, and the hub's own flags. Every step creates or replaces its
 * rows, so a database seeded by an earlier release gets them too.
 */
export async function seedHubFacts(em: EntityManager): Promise<void> {
  // A fresh database runs the first hub seed in the same transaction: forget its entities,
  // or re-creating a grouping's members would meet them in the identity map.
  em.clear();
  await seedDatasets(em, 'hub');
  await seedOrganizations(em);
  await seedBaseGroupings(em);
  const comuni = new Map((await em.find(Comune, {})).map((c) => [c.istatCode, c]));
  await seedMembers(em, comuni);
  await seedNames(em);
  await seedInitiatives(em, comuni);
  await refreshMembershipFlags(em);
}

/** Runs until the initiatives are stored. */
export const hubFactsSeed: DomainSeed = {
  name: 'hub-facts',
  isSeeded: async (em) => (await em.count(Initiative)) > 0,
  run: seedHubFacts,
};
