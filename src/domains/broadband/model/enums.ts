import { registerEnumType } from 'type-graphql';

/** Access technology of a coverage. */
export enum Technology {
  FTTH = 'FTTH',
  FTTC = 'FTTC',
  FWA = 'FWA',
  ADSL = 'ADSL',
}
registerEnumType(Technology, {
  name: 'BroadbandTechnology',
  description: 'Access technology (tecnologia di accesso).',
  valuesConfig: {
    FTTH: { description: 'Fibre to the home (fibra fino a casa).' },
    FTTC: {
      description: 'Fibre to the cabinet, copper to the home (fibra fino all’armadio, VDSL).',
    },
    FWA: { description: 'Fixed wireless access (accesso fisso senza fili).' },
    ADSL: { description: 'Copper line from the exchange (ADSL).' },
  },
});

/** Public plan or market that brings the coverage. */
export enum Plan {
  WHITE_AREAS_BUL = 'WHITE_AREAS_BUL',
  GREY_AREAS_1GIGA = 'GREY_AREAS_1GIGA',
  COMMERCIAL = 'COMMERCIAL',
}
registerEnumType(Plan, {
  name: 'BroadbandPlan',
  description: 'Plan that brings the coverage (piano).',
  valuesConfig: {
    WHITE_AREAS_BUL: {
      description:
        'Public FTTH network of the white areas (aree bianche, Piano Banda Ultra Larga), run by Open Fiber under concession.',
    },
    GREY_AREAS_1GIGA: {
      description: 'PNRR grey areas, plan "Italia a 1 Giga" (aree grigie).',
    },
    COMMERCIAL: { description: 'Networks built by operators on the market (commerciale).' },
  },
});

/** Progress of a coverage. */
export enum CoverageStatus {
  PLANNED = 'PLANNED',
  DESIGNED = 'DESIGNED',
  IN_WORKS = 'IN_WORKS',
  ACTIVATABLE = 'ACTIVATABLE',
}
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  description: 'Progress of a coverage (stato).',
  valuesConfig: {
    PLANNED: { description: 'Planned (in programmazione).' },
    DESIGNED: { description: 'Designed (in progettazione).' },
    IN_WORKS: { description: 'Works under way (in esecuzione).' },
    ACTIVATABLE: { description: 'A service can be bought (attivabile).' },
  },
});

/** Street types (DUG, denominazione urbanistica generica) in their label form. */
export const DUG_LABEL: Record<string, string> = {
  VIA: 'Via',
  VIALE: 'Viale',
  PIAZZA: 'Piazza',
  PIAZZALE: 'Piazzale',
  CORSO: 'Corso',
  VICOLO: 'Vicolo',
  STRADA: 'Strada',
  LARGO: 'Largo',
  LOCALITÀ: 'Località',
  CASCINA: 'Cascina',
};

/** Category of a civic number in Infratel's list of civics left below 300 Mbit/s. */
export enum GapCategory {
  A = 'A',
  B = 'B',
  C = 'C',
}
/** What each category means, in words (the viewer's reading; see docs/broadband.md). */
export const GAP_CATEGORY_MEANING: Record<GapCategory, string> = {
  A: 'The civic number\u2019s coordinate is of poor quality (coordinata di scarsa qualità).',
  B: 'The civic number lies within 50 m of a network able to deliver more than 300 Mbit/s.',
  C: 'The civic number lies more than 50 m from any network able to deliver more than 300 Mbit/s.',
};
registerEnumType(GapCategory, {
  name: 'GapCategory',
  description:
    'Category (caratteristica) of a civic number listed by Infratel\u2019s mapping as not expected above 300 Mbit/s by 2028, as explained by the nemorfol/infratel-2028 viewer (not checked against Infratel\u2019s own wording).',
  valuesConfig: {
    A: { description: GAP_CATEGORY_MEANING.A },
    B: { description: GAP_CATEGORY_MEANING.B },
    C: { description: GAP_CATEGORY_MEANING.C },
  },
});

/** State of works of a technology in a comune, in the white-areas plan (stato lavori). */
export enum PlanWorkState {
  PROGRAMMED = 'PROGRAMMED',
  FINAL_DESIGN = 'FINAL_DESIGN',
  EXECUTIVE_DESIGN = 'EXECUTIVE_DESIGN',
  IN_WORKS = 'IN_WORKS',
  TESTING = 'TESTING',
  WORKS_CLOSED = 'WORKS_CLOSED',
  COMPLETED = 'COMPLETED',
}
/** The plan file's Italian wording of each state. */
export const PLAN_STATE_WORDS: Record<string, PlanWorkState> = {
  'in programmazione': PlanWorkState.PROGRAMMED,
  'in progettazione definitiva': PlanWorkState.FINAL_DESIGN,
  'in progettazione esecutiva': PlanWorkState.EXECUTIVE_DESIGN,
  'in esecuzione': PlanWorkState.IN_WORKS,
  'in collaudo': PlanWorkState.TESTING,
  'lavori chiusi': PlanWorkState.WORKS_CLOSED,
  terminato: PlanWorkState.COMPLETED,
};
registerEnumType(PlanWorkState, {
  name: 'PlanWorkState',
  description:
    'State of works (stato lavori) of a technology in a comune in the white-areas plan (Piano BUL), as the BUL file words it.',
  valuesConfig: {
    PROGRAMMED: { description: 'in programmazione (programmed).' },
    FINAL_DESIGN: { description: 'in progettazione definitiva (final design).' },
    EXECUTIVE_DESIGN: { description: 'in progettazione esecutiva (executive design).' },
    IN_WORKS: { description: 'in esecuzione (works under way).' },
    TESTING: { description: 'in collaudo (acceptance testing).' },
    WORKS_CLOSED: { description: 'lavori chiusi (works closed).' },
    COMPLETED: { description: 'terminato (finished).' },
  },
});

/** What the figure of a broadband claim counts. */
export enum ClaimUnit {
  COMUNI = 'COMUNI',
  REAL_ESTATE_UNITS = 'REAL_ESTATE_UNITS',
  CIVIC_NUMBERS = 'CIVIC_NUMBERS',
  KILOMETRES = 'KILOMETRES',
  MBPS = 'MBPS',
  LOTS = 'LOTS',
  TENDERS = 'TENDERS',
  REGIONS = 'REGIONS',
  YEARS = 'YEARS',
}
registerEnumType(ClaimUnit, {
  name: 'BroadbandClaimUnit',
  description: 'What the figure of a broadband claim counts.',
  valuesConfig: {
    COMUNI: { description: 'Comuni.' },
    REAL_ESTATE_UNITS: { description: 'Real-estate units (unità immobiliari).' },
    CIVIC_NUMBERS: { description: 'Civic numbers (numeri civici).' },
    KILOMETRES: { description: 'Kilometres of network.' },
    MBPS: { description: 'Download speed, Mbit/s.' },
    LOTS: { description: 'Tender lots.' },
    TENDERS: { description: 'Tenders.' },
    REGIONS: { description: 'Regions of Italy.' },
    YEARS: { description: 'Years (e.g. of a concession).' },
  },
});

/** How the press worded a broadband figure. */
export enum BroadbandClaimWording {
  EXACT = 'EXACT',
  ABOUT = 'ABOUT',
  UP_TO = 'UP_TO',
}
registerEnumType(BroadbandClaimWording, {
  name: 'BroadbandClaimWording',
  description: 'How the press worded a broadband figure.',
  valuesConfig: {
    EXACT: { description: 'A plain figure, e.g. "40 of the 52 comuni".' },
    ABOUT: { description: '"About" (circa) the figure.' },
    UP_TO: { description: '"Up to" (fino a) the figure.' },
  },
});

/** What the coverage check found. */
export enum CivicCoverageResult {
  LISTED = 'LISTED',
  NOT_LISTED_STREET_IN_LIST = 'NOT_LISTED_STREET_IN_LIST',
  NOT_LISTED_STREET_NOT_IN_LIST = 'NOT_LISTED_STREET_NOT_IN_LIST',
}
registerEnumType(CivicCoverageResult, {
  name: 'CivicCoverageResult',
  description: 'What the coverage check of a civic number found in the current mapping.',
  valuesConfig: {
    LISTED: {
      description:
        'The civic number is listed: not expected to be reached above the mapping\u2019s speed by its horizon year.',
    },
    NOT_LISTED_STREET_IN_LIST: {
      description:
        'Not listed, on a street the list knows (other civics of it are listed): expected to be reached above the speed by the horizon year.',
    },
    NOT_LISTED_STREET_NOT_IN_LIST: {
      description:
        'Not listed, and the list has no civic on a street of that name in the comune: if the address exists, it is expected to be reached above the speed by the horizon year (the hub holds no complete street list to confirm that it exists).',
    },
  },
});

/** How the typed street was matched to a street of the list. */
export enum StreetMatch {
  EXACT = 'EXACT',
  WORDS = 'WORDS',
  SIMILAR = 'SIMILAR',
}
registerEnumType(StreetMatch, {
  name: 'StreetMatch',
  description: 'How a typed street was matched to a street of the list.',
  valuesConfig: {
    EXACT: { description: 'The same name (ignoring case, accents, punctuation, "di/della"...).' },
    WORDS: {
      description:
        'Every typed word is in the listed name ("via Garibaldi" for "VIA GIUSEPPE GARIBALDI").',
    },
    SIMILAR: { description: 'The same words but for a typo or two.' },
  },
});

/** How `broadbandSummary` groups its rows. */
export enum BroadbandGroupBy {
  COMUNE = 'COMUNE',
  PLAN = 'PLAN',
  TECHNOLOGY = 'TECHNOLOGY',
  STATUS = 'STATUS',
  GROUPING = 'GROUPING',
}
registerEnumType(BroadbandGroupBy, {
  name: 'BroadbandGroupBy',
  description: 'How a broadband summary groups its rows.',
  valuesConfig: {
    COMUNE: { description: 'One row per comune of the territory (ISTAT code).' },
    PLAN: { description: 'One row per plan.' },
    TECHNOLOGY: { description: 'One row per technology.' },
    STATUS: { description: 'One row per coverage status.' },
    GROUPING: {
      description:
        'One row per territorial grouping with members in the territory, over those members.',
    },
  },
});
