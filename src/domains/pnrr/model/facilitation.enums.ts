import { registerEnumType } from 'type-graphql';

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
