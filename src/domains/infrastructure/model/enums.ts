import { registerEnumType } from 'type-graphql';

/** Kind of waste collection centre. */
export enum CollectionCentreKind {
  MUNICIPAL_COLLECTION_CENTRE = 'MUNICIPAL_COLLECTION_CENTRE',
  SUPRA_MUNICIPAL_PLATFORM = 'SUPRA_MUNICIPAL_PLATFORM',
}
registerEnumType(CollectionCentreKind, {
  name: 'CollectionCentreKind',
  description: 'Kind of waste collection centre (centro di raccolta rifiuti, piazzola).',
  valuesConfig: {
    MUNICIPAL_COLLECTION_CENTRE: {
      description: 'Municipal collection centre (centro di raccolta comunale), serving one comune.',
    },
    SUPRA_MUNICIPAL_PLATFORM: {
      description:
        'Supra-municipal platform (piattaforma sovracomunale), serving several comuni; the 7 of the Cremasco are owned by Consorzio.IT.',
    },
  },
});

/** How an amount relates to the figure stated by the source. */
export enum AmountQualifier {
  EXACT = 'EXACT',
  MORE_THAN = 'MORE_THAN',
  AT_LEAST = 'AT_LEAST',
  ABOUT = 'ABOUT',
  AT_MOST = 'AT_MOST',
}
registerEnumType(AmountQualifier, {
  name: 'AmountQualifier',
  description: 'How the stated amount bounds the real one (e.g. "oltre 2 milioni").',
  valuesConfig: {
    EXACT: { description: 'The amount is exact.' },
    MORE_THAN: { description: 'The real amount is more than this (oltre).' },
    AT_LEAST: { description: 'The real amount is at least this (almeno).' },
    ABOUT: { description: 'The real amount is about this (circa).' },
    AT_MOST: { description: 'The real amount is at most this (fino a).' },
  },
});

/** Where a tender lot stands, as last reported. */
export enum LotStatus {
  PLANNED = 'PLANNED',
  TENDER_PUBLISHED = 'TENDER_PUBLISHED',
  WORKS_IN_PROGRESS = 'WORKS_IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(LotStatus, {
  name: 'LotStatus',
  description: 'Status of a tender lot (lotto di gara) as last reported by the source.',
  valuesConfig: {
    PLANNED: { description: 'Planned, tender not yet published.' },
    TENDER_PUBLISHED: { description: 'Tender published (bando pubblicato).' },
    WORKS_IN_PROGRESS: { description: 'Works started (verbale di inizio lavori signed).' },
    COMPLETED: { description: 'Works completed.' },
  },
});

/** What a programme milestone marks. */
export enum MilestoneKind {
  COUNCIL_RESOLUTIONS = 'COUNCIL_RESOLUTIONS',
  TENDERS_PUBLISHED = 'TENDERS_PUBLISHED',
  WORKS_START = 'WORKS_START',
  WORKS_COMPLETION = 'WORKS_COMPLETION',
}
registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: 'What a programme milestone (scadenza, tappa) marks.',
  valuesConfig: {
    COUNCIL_RESOLUTIONS: { description: 'Council resolutions of the joining comuni (delibere).' },
    TENDERS_PUBLISHED: { description: 'Publication of the tenders (pubblicazione dei bandi).' },
    WORKS_START: { description: 'Start of works (inizio lavori).' },
    WORKS_COMPLETION: { description: 'Completion of all works (fine lavori).' },
  },
});

/** Whether a milestone is a plan or a reported fact. */
export enum MilestoneStatus {
  EXPECTED = 'EXPECTED',
  HAPPENED = 'HAPPENED',
}
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'Whether the milestone is expected (previsto) or reported as happened (avvenuto).',
  valuesConfig: {
    EXPECTED: { description: 'Expected: a plan or forecast stated by the source.' },
    HAPPENED: { description: 'Reported by the source as happened.' },
  },
});

/** How a milestone relates to its date. */
export enum DateQualifier {
  ON = 'ON',
  BY = 'BY',
  MID = 'MID',
  WITHIN = 'WITHIN',
}
registerEnumType(DateQualifier, {
  name: 'DateQualifier',
  description: 'How the milestone relates to its date, as the source words it.',
  valuesConfig: {
    ON: { description: 'On that date (il).' },
    BY: { description: 'By that date or period at the latest (entro).' },
    MID: { description: 'Around the middle of that period (a metà).' },
    WITHIN: { description: 'At some point within that period (nel corso di).' },
  },
});
