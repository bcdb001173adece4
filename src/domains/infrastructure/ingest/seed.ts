import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DatePrecision } from '../../../common/dates.js';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedJson, seedPath } from '../../../common/seed-files.js';
import { foldName } from '../../../common/text.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { seedDatasets, upsertGroupings } from '../../../core/ingest/seed.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { importCollectionCentres } from './collection-centre.import.js';
import type {
  AmountQualifier,
  DateQualifier,
  LotStatus,
  MilestoneKind,
  MilestoneStatus,
} from '../model/enums.js';
import { refreshLotFlags } from '../hooks/quality.js';
import { ProgrammeLot } from '../model/lot.entity.js';
import { ProgrammeMilestone } from '../model/milestone.entity.js';
import { UpgradeProgramme } from '../model/programme.entity.js';
import { GroupingKind } from '../../../core/model/enums.js';

/** The dataset of the curated press facts (declared by the hub). */
export const PRESS = 'press-consorzio-it';

interface GroupingSeed {
  code: string;
  name: string;
  description: string;
  declaredMemberCount: number;
  source: string;
  comuni: { istatCode: string; name: string }[];
}

/** Shape of seeds/data/infrastructure/upgrade_programme.json. */
export interface ProgrammeSeed {
  programme: Omit<UpgradeProgramme, 'investor' | 'feePayer' | 'participants' | 'excluded'> & {
    investmentQualifier: AmountQualifier;
    investor: string;
    feePayer: string;
    source: string;
  };
  groupings: { participants: GroupingSeed; platforms: GroupingSeed };
  lots: (Pick<ProgrammeLot, 'number' | 'code' | 'name' | 'statusNote' | 'durationMonths'> & {
    status: LotStatus;
    groupingName: string;
    groupingDescription: string;
    source: string;
  })[];
  milestones: {
    kind: MilestoneKind;
    on: string;
    precision: DatePrecision;
    qualifier: DateQualifier;
    status: MilestoneStatus;
    description: string;
    source: string;
  }[];
}

/** Checks that every listed comune exists under the name the seed file gives. */
async function checkNames(em: EntityManager, groups: GroupingSeed[]): Promise<void> {
  const listed = groups.flatMap((g) => g.comuni);
  const found = await em.find(Comune, { istatCode: { $in: listed.map((c) => c.istatCode) } });
  const names = new Map(found.map((c) => [c.istatCode, c.name]));
  for (const c of listed)
    if (foldName(names.get(c.istatCode) ?? '') !== foldName(c.name))
      throw new Error(`seeds/data/infrastructure: ${c.istatCode} is not ${c.name}`);
}

/** Loads the programme, its groupings, lots and milestones, then the collection centres. */
export async function seedInfrastructure(em: EntityManager): Promise<void> {
  await seedDatasets(em, 'infrastructure');
  const data = readSeedJson<ProgrammeSeed>('infrastructure', 'upgrade_programme.json');
  const press = ref(Dataset, PRESS);
  const { participants, platforms } = data.groupings;
  await checkNames(em, [participants, platforms]);
  const group = (g: GroupingSeed, kind: GroupingKind): Partial<TerritorialGrouping> => ({
    code: g.code,
    name: g.name,
    kind,
    description: g.description,
    declaredMemberCount: g.declaredMemberCount,
    membershipKnown: true,
    dataset: press,
    sourceNote: g.source,
  });
  await upsertGroupings(em, [
    [group(participants, GroupingKind.PROGRAMME), participants.comuni.map((c) => c.istatCode)],
    [group(platforms, GroupingKind.OTHER), platforms.comuni.map((c) => c.istatCode)],
    ...data.lots.map((l): [Partial<TerritorialGrouping>, string[]] => [
      {
        code: l.code,
        name: l.groupingName,
        kind: GroupingKind.LOT,
        description: l.groupingDescription,
        membershipKnown: false,
        declaredMemberCount: null,
        dataset: press,
        sourceNote: l.source,
      },
      [],
    ]),
  ]);

  const { source, investor, feePayer, ...p } = data.programme;
  const programme = em.create(UpgradeProgramme, {
    ...p,
    investor: ref(Organization, investor),
    feePayer: ref(Organization, feePayer),
    participants: ref(TerritorialGrouping, participants.code),
    excluded: ref(TerritorialGrouping, platforms.code),
    dataset: press,
    sourceNote: source,
  });
  for (const l of data.lots)
    em.create(ProgrammeLot, {
      code: l.code,
      number: l.number,
      name: l.name,
      status: l.status,
      statusNote: l.statusNote,
      durationMonths: l.durationMonths,
      programme,
      grouping: ref(TerritorialGrouping, l.code),
      dataset: press,
      sourceNote: l.source,
    });
  for (const { source: note, ...m } of data.milestones)
    em.create(ProgrammeMilestone, { ...m, programme, dataset: press, sourceNote: note });
  await em.flush();
  await refreshLotFlags(em);

  const report = await importCollectionCentres(
    em,
    seedPath('infrastructure', 'collection_centres.csv'),
  );
  if (report.rejected.length)
    throw new Error(
      `seeds/data/infrastructure/collection_centres.csv: line ${report.rejected[0].line}: ${report.rejected[0].reason}`,
    );
}

/** The infrastructure seed: runs when no upgrade programme is stored. */
export const infrastructureSeed: DomainSeed = {
  name: 'infrastructure',
  isSeeded: async (em) => (await em.count(UpgradeProgramme)) > 0,
  run: seedInfrastructure,
};
