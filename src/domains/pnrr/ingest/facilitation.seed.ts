import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DatePrecision } from '../../../common/dates.js';
import { upsertRows } from '../../../common/importer.js';
import type { DomainSeed } from '../../../common/seed.js';
import { readSeedJson } from '../../../common/seed-files.js';
import { foldName } from '../../../common/text.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { Initiative } from '../../../core/model/initiative.entity.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { FacilitationMeeting, FacilitationTally } from '../model/meeting.entity.js';
import {
  type FacilitationAudience,
  type FacilitationMeetingKind,
  type FacilitationMeetingStatus,
} from '../model/enums.js';
import { referenceCodes } from '../../../core/data/references.js';

/** Shape of seeds/data/pnrr/facilitation.json. */
export interface FacilitationSeed {
  programme: string;
  tallies: {
    kind: FacilitationMeetingKind;
    status: FacilitationMeetingStatus;
    count: number;
    reportedOn: string;
    reportedPrecision: DatePrecision;
    area: string;
    note: string;
    source: string;
  }[];
  meetings: {
    code: string;
    kind: FacilitationMeetingKind;
    title: string;
    on: string;
    precision: DatePrecision;
    dateNote: string | null;
    startTime: string | null;
    venue: string | null;
    istatCode: string | null;
    comuneName: string | null;
    locationNote: string | null;
    audience: FacilitationAudience | null;
    audienceNote: string | null;
    participants: { count: number; approximate: boolean } | null;
    topics: string[] | null;
    organizations: string[];
    status: FacilitationMeetingStatus;
    statusNote: string | null;
    source: string;
  }[];
}

const FILE = 'seeds/data/pnrr/facilitation.json';
const PRESS = 'press-consorzio-it';
const arr = (xs: string[]) => `{${xs.map((x) => JSON.stringify(x)).join(',')}}`;

/**
 * Loads the facilitation sessions (upserted by code) and the counts reported without dates
 * (replaced per programme), checking comuni, organisations and the programme.
 */
export async function seedFacilitation(em: EntityManager): Promise<void> {
  const seed = readSeedJson<FacilitationSeed>('pnrr', 'facilitation.json');
  if (!(await em.count(Initiative, { code: seed.programme })))
    throw new Error(`${FILE}: programme ${seed.programme} is not an initiative of the hub`);
  const comuni = new Map((await em.find(Comune, {})).map((c) => [c.istatCode, c]));
  const orgs = await referenceCodes(em, Organization, 'code');
  const rows = seed.meetings.map((m) => {
    if (m.istatCode) {
      const c = comuni.get(m.istatCode);
      if (!c || foldName(c.name) !== foldName(m.comuneName ?? ''))
        throw new Error(`${FILE}: ${m.code}: ${m.istatCode} is not ${m.comuneName}`);
    } else if (!m.locationNote)
      throw new Error(`${FILE}: ${m.code}: no comune and no locationNote`);
    if (m.startTime && !/^\d{2}:\d{2}$/.test(m.startTime))
      throw new Error(`${FILE}: ${m.code}: startTime "${m.startTime}" is not HH:MM`);
    const unknown = m.organizations.find((o) => !orgs.has(o));
    if (unknown) throw new Error(`${FILE}: ${m.code}: unknown organisation ${unknown}`);
    return {
      code: m.code,
      programme_code: seed.programme,
      kind: m.kind,
      title: m.title,
      on: m.on,
      precision: m.precision,
      date_note: m.dateNote,
      start_time: m.startTime,
      venue: m.venue,
      comune_istat_code: m.istatCode,
      location_note: m.locationNote,
      audience: m.audience,
      audience_note: m.audienceNote,
      participant_count: m.participants?.count ?? null,
      participant_count_approximate: m.participants ? m.participants.approximate : null,
      topics: m.topics ? arr(m.topics) : null,
      organization_codes: arr(m.organizations),
      status: m.status,
      status_note: m.statusNote,
      dataset_id: PRESS,
      source_note: m.source,
    };
  });
  await upsertRows(em, FacilitationMeeting, ['code'], rows);
  await em.nativeDelete(FacilitationTally, { programme: seed.programme });
  for (const t of seed.tallies)
    em.create(FacilitationTally, {
      programme: ref(Initiative, seed.programme),
      kind: t.kind,
      status: t.status,
      count: t.count,
      reportedOn: t.reportedOn,
      reportedPrecision: t.reportedPrecision,
      area: t.area,
      note: t.note,
      dataset: ref(Dataset, PRESS),
      sourceNote: t.source,
    });
  await em.flush();
}

/** Runs until the facilitation sessions are stored (also on databases seeded before them). */
export const facilitationSeed: DomainSeed = {
  name: 'pnrr-facilitation',
  isSeeded: async (em) => (await em.count(FacilitationMeeting)) > 0,
  run: seedFacilitation,
};
