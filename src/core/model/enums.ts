import { registerEnumType } from 'type-graphql';

/** How an import run ended (or that it has not ended yet). */
export enum ImportOutcome {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  REJECTED_ROWS = 'REJECTED_ROWS',
  FAILED = 'FAILED',
  ABORTED = 'ABORTED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportRunOutcome',
  description: 'How a run of an importer ended (esito).',
  valuesConfig: {
    RUNNING: { description: 'Not finished yet: its process is still importing.' },
    SUCCEEDED: { description: 'Every row was imported (or skipped on purpose); committed.' },
    REJECTED_ROWS: {
      description:
        'Finished with some rows rejected (listed in the report file); the good rows were committed.',
    },
    FAILED: {
      description:
        'Stopped by an error (file refused, missing column, database error): nothing was written. `message` says why.',
    },
    ABORTED: {
      description:
        'Its process ended before the run finished (killed, crashed, cut off from the database): nothing was written.',
    },
  },
});

/** Role of a member in a shared organisation. */
export enum OrganizationRole {
  LEAD = 'LEAD',
  STAFF = 'STAFF',
  SUPPORT = 'SUPPORT',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'Role of a member in a shared organisation (ufficio associato).',
  valuesConfig: {
    LEAD: { description: 'Leads it (ente capofila).' },
    STAFF: { description: 'Provides staff (personale).' },
    SUPPORT: { description: 'Supports it (supporto tecnico), e.g. Consorzio.IT.' },
    MEMBER: { description: 'Takes part, with no other role stated.' },
  },
});

/** Legal kind of an organisation. */
export enum OrganizationKind {
  IN_HOUSE_COMPANY = 'IN_HOUSE_COMPANY',
  COMPANY = 'COMPANY',
  PUBLIC_BODY = 'PUBLIC_BODY',
  FOUNDATION = 'FOUNDATION',
  SHARED_OFFICE = 'SHARED_OFFICE',
  SCHOOL = 'SCHOOL',
  UNIVERSITY = 'UNIVERSITY',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Kind of organisation (ente, società).',
  valuesConfig: {
    IN_HOUSE_COMPANY: { description: 'Company owned by public bodies (società in house).' },
    COMPANY: { description: 'Private or listed company (società).' },
    PUBLIC_BODY: { description: 'Public body (ente pubblico): comune, province, region...' },
    FOUNDATION: { description: 'Foundation (fondazione).' },
    SHARED_OFFICE: {
      description:
        'Office shared by several bodies (ufficio associato), e.g. the RTD territoriale; its members are in `members`.',
    },
    SCHOOL: { description: 'School (scuola, istituto scolastico).' },
    UNIVERSITY: { description: 'University or one of its seats (università, polo territoriale).' },
    ASSOCIATION: {
      description:
        'Association (associazione): trade, student, or a temporary association of purpose (ATS).',
    },
  },
});

/** Kind of initiative. */
export enum InitiativeKind {
  PROGRAMME = 'PROGRAMME',
  TRAINING = 'TRAINING',
  PROTOCOL = 'PROTOCOL',
  WORKING_GROUP = 'WORKING_GROUP',
  PLAN = 'PLAN',
  PROPOSAL = 'PROPOSAL',
}
registerEnumType(InitiativeKind, {
  name: 'InitiativeKind',
  description: 'Kind of initiative (iniziativa) of the organisations of the territory.',
  valuesConfig: {
    PROGRAMME: { description: 'A programme running over time (programma), e.g. a PNRR measure.' },
    TRAINING: { description: 'A training session or course (formazione).' },
    PROTOCOL: { description: 'An agreement between bodies (protocollo d’intesa).' },
    WORKING_GROUP: { description: 'A working table or worksite (tavolo, cantiere).' },
    PLAN: { description: 'A plan or intention announced by a body (progetto, intenzione).' },
    PROPOSAL: { description: 'A proposal made by a body (proposta).' },
  },
});

/** What kind of territorial grouping this is. */
export enum GroupingKind {
  PROVINCE = 'PROVINCE',
  AREA = 'AREA',
  MEMBERSHIP = 'MEMBERSHIP',
  PROGRAMME = 'PROGRAMME',
  LOT = 'LOT',
  PLAN_GROUP = 'PLAN_GROUP',
  OTHER = 'OTHER',
}
registerEnumType(GroupingKind, {
  name: 'GroupingKind',
  description: 'Kind of territorial grouping (raggruppamento territoriale).',
  valuesConfig: {
    PROVINCE: { description: 'A province (provincia).' },
    AREA: { description: 'A homogeneous area or social district (area omogenea, ambito).' },
    MEMBERSHIP: { description: 'The members (soci) of a company or body.' },
    PROGRAMME: { description: 'The participants of a programme.' },
    LOT: { description: 'A tender lot (lotto di gara).' },
    PLAN_GROUP: { description: 'Comuni applying together for a plan or grant.' },
    OTHER: { description: 'Any other grouping.' },
  },
});

/** Which of a comune's flags: its own, or those it inherits from its groupings. */
export enum QualityIssueOrigin {
  ALL = 'ALL',
  OWN = 'OWN',
  INHERITED = 'INHERITED',
}
registerEnumType(QualityIssueOrigin, {
  name: 'QualityIssueOrigin',
  description: "Which of a comune's data-quality flags: its own, or those of its groupings.",
  valuesConfig: {
    ALL: { description: 'Both: its own flags first, then the inherited ones.' },
    OWN: { description: 'Flags that concern the comune itself (their `comune` is it).' },
    INHERITED: {
      description:
        'Flags that concern a grouping the comune belongs to (their `territory`), e.g. a claim about the Cremasco or a lot of a programme it takes part in.',
    },
  },
});

/** Sort fields of the comuni list. */
export enum ComuneOrderField {
  NAME = 'NAME',
  ISTAT_CODE = 'ISTAT_CODE',
  POPULATION = 'POPULATION',
}
registerEnumType(ComuneOrderField, {
  name: 'ComuneOrderField',
  description: 'Sort field of the comuni list.',
  valuesConfig: {
    NAME: { description: 'By name.' },
    ISTAT_CODE: { description: 'By ISTAT code (the default).' },
    POPULATION: { description: 'By resident population 2021.' },
  },
});

/** Sort direction. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});
