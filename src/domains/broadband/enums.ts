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
