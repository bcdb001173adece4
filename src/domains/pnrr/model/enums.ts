import { registerEnumType } from 'type-graphql';

/** Which bodies' grants count for a comune or a territory. */
export enum PnrrBodies {
  COMUNE = 'COMUNE',
  ALL = 'ALL',
}
registerEnumType(PnrrBodies, {
  name: 'PnrrBodies',
  description: 'Which bodies (enti) count: the comuni themselves, or every body located there.',
  valuesConfig: {
    COMUNE: { description: 'Only grants whose body is the comune itself (tipologia Comuni).' },
    ALL: {
      description:
        'Grants of every body located in the comune: the comune, its schools, other bodies (ASST, province, consortia...).',
    },
  },
});

/** How `pnrrSummary` groups its rows. */
export enum PnrrGroupBy {
  MEASURE = 'MEASURE',
  COMUNE = 'COMUNE',
  STATUS = 'STATUS',
  NOTICE = 'NOTICE',
  BODY_KIND = 'BODY_KIND',
  FUNDING_MONTH = 'FUNDING_MONTH',
}
registerEnumType(PnrrGroupBy, {
  name: 'PnrrGroupBy',
  description: 'Grouping of the PNRR summary rows.',
  valuesConfig: {
    MEASURE: { description: 'By measure: key = measure code ("1.4.1"), label = title.' },
    COMUNE: { description: 'By comune where the body is: key = ISTAT code, label = name.' },
    STATUS: { description: 'By current state: key = FUNDED, RENOUNCED or PAID.' },
    NOTICE: { description: 'By notice (avviso): key = label = notice title.' },
    BODY_KIND: { description: 'By kind of body: key = COMUNE, SCHOOL or OTHER.' },
    FUNDING_MONTH: { description: 'By month of the funding decree: key = label = "YYYY-MM".' },
  },
});

/** What a claim is about. */
export enum ClaimTopic {
  PNRR = 'PNRR',
}
registerEnumType(ClaimTopic, {
  name: 'ClaimTopic',
  description: 'Topic of a claim (dichiarazione) made in the press.',
  valuesConfig: { PNRR: { description: 'PNRR funds (fondi PNRR).' } },
});

/** How the press worded the figure. */
export enum ClaimWording {
  EXACT = 'EXACT',
  ROUNDED = 'ROUNDED',
  ALMOST = 'ALMOST',
  OVER = 'OVER',
}
registerEnumType(ClaimWording, {
  name: 'ClaimWording',
  description: 'How the figure was worded, which sets the range the hub reads into it.',
  valuesConfig: {
    EXACT: { description: 'An exact figure, e.g. 11,038,976.' },
    ROUNDED: { description: 'A rounded figure, e.g. 2,630,000.' },
    ALMOST: { description: '"Almost" (quasi) the figure: at most the value.' },
    OVER: { description: '"Over" (oltre) the figure: at least the value.' },
  },
});

/** What a claim is compared with. */
export enum ReconciliationBasis {
  AS_OF = 'AS_OF',
  PUBLISHED_SNAPSHOT = 'PUBLISHED_SNAPSHOT',
  APPLIED_BY = 'APPLIED_BY',
  CURRENT = 'CURRENT',
}
registerEnumType(ReconciliationBasis, {
  name: 'ReconciliationBasis',
  description: 'Which open-data figure a claim is compared with (always comuni as bodies).',
  valuesConfig: {
    AS_OF: {
      description:
        "Today's grant files read as of the claim's date: grants funded (decreed) on or before it and not renounced by then.",
    },
    PUBLISHED_SNAPSHOT: {
      description:
        "The grant file as it was published on the claim's date (the 2022-11-17 snapshot), renounced excluded.",
    },
    APPLIED_BY: {
      description:
        "Grants applied for on or before the claim's date and funded at any time, not renounced by that date.",
    },
    CURRENT: { description: "Today's grant files, renounced excluded, whatever the date." },
  },
});

/** Kind of public body that received a grant. */
export enum BodyKind {
  COMUNE = 'COMUNE',
  SCHOOL = 'SCHOOL',
  OTHER = 'OTHER',
}
registerEnumType(BodyKind, {
  name: 'PnrrBodyKind',
  description: 'Kind of body (tipologia ente) that applied for PA digitale 2026 funds.',
  valuesConfig: {
    COMUNE: { description: 'A comune (tipologia "Comune"/"Comuni").' },
    SCHOOL: { description: 'A school (tipologia "Scuole").' },
    OTHER: {
      description:
        'Any other body (tipologia "Altri Enti", "ASL"...): province, ASST, consortium...',
    },
  },
});

/** State of a grant (stato candidatura). */
export enum GrantStatus {
  FUNDED = 'FUNDED',
  RENOUNCED = 'RENOUNCED',
  PAID = 'PAID',
}
registerEnumType(GrantStatus, {
  name: 'PnrrGrantStatus',
  description: 'State of a funded application (stato candidatura).',
  valuesConfig: {
    FUNDED: { description: 'Funded, assigned by decree (A, finanziata).' },
    RENOUNCED: { description: 'Renounced by the body (R, rinunciata): not counted in totals.' },
    PAID: { description: 'Paid out after certification (E, erogata dopo asseverazione).' },
  },
});

/** How a comune runs its PNRR digital projects. */
export enum PnrrImplementationMode {
  DELEGATED_TO_CONSORZIO_IT = 'DELEGATED_TO_CONSORZIO_IT',
  SELF_WITH_SUPPORT = 'SELF_WITH_SUPPORT',
}
registerEnumType(PnrrImplementationMode, {
  name: 'PnrrImplementationMode',
  description: 'How a comune runs its PNRR digital projects (attuazione).',
  valuesConfig: {
    DELEGATED_TO_CONSORZIO_IT: {
      description:
        'The whole project is delegated to Consorzio.IT: application, execution, reporting.',
    },
    SELF_WITH_SUPPORT: {
      description: 'The comune runs it itself, with the support of Consorzio.IT.',
    },
  },
});

/** Kind of digital-facilitation session. */
export enum FacilitationMeetingKind {
  PUBLIC_MEETING = 'PUBLIC_MEETING',
  COURSE = 'COURSE',
  STAFF_TRAINING = 'STAFF_TRAINING',
}
registerEnumType(FacilitationMeetingKind, {
  name: 'FacilitationMeetingKind',
  description: 'Kind of digital-facilitation session (facilitazione digitale).',
  valuesConfig: {
    PUBLIC_MEETING: { description: 'A public meeting for citizens (incontro pubblico).' },
    COURSE: { description: 'A course (corso), e.g. on digital citizenship.' },
    STAFF_TRAINING: { description: "Training of an organisation's staff (formazione)." },
  },
});

/** Who a facilitation session is for. */
export enum FacilitationAudience {
  CITIZENS = 'CITIZENS',
  STUDENTS = 'STUDENTS',
  STAFF = 'STAFF',
}
registerEnumType(FacilitationAudience, {
  name: 'FacilitationAudience',
  description: 'Who a facilitation session is for (destinatari).',
  valuesConfig: {
    CITIZENS: { description: 'Citizens (cittadini): open to the public.' },
    STUDENTS: { description: 'Students (studenti).' },
    STAFF: { description: 'The staff of an organisation or of the comuni (personale).' },
  },
});

/** What the source says about a session having taken place. */
export enum FacilitationMeetingStatus {
  HELD = 'HELD',
  ANNOUNCED = 'ANNOUNCED',
}
registerEnumType(FacilitationMeetingStatus, {
  name: 'FacilitationMeetingStatus',
  description: 'What the source says about a session having taken place.',
  valuesConfig: {
    HELD: { description: 'Reported as held (svolto).' },
    ANNOUNCED: {
      description: 'Announced (in programma); whether it took place is not reported.',
    },
  },
});
