import { registerEnumType } from 'type-graphql';

/** The platform a plan is written on. */
export enum PlanPlatform {
  PPC_ONLINE = 'PPC_ONLINE',
}
registerEnumType(PlanPlatform, {
  name: 'CivilProtectionPlatform',
  description: 'Platform a civil-protection plan is written on.',
  valuesConfig: {
    PPC_ONLINE: {
      description: "Regione Lombardia's PPC online (Piano di Protezione Civile online).",
    },
  },
});

/** Where a plan stands. */
export enum PlanStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFTING = 'DRAFTING',
  SUBMITTED = 'SUBMITTED',
  VALIDATED = 'VALIDATED',
  APPROVED = 'APPROVED',
}
registerEnumType(PlanStatus, {
  name: 'CivilProtectionPlanStatus',
  description: 'Status (stato) of a municipal civil-protection plan.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (non avviato).' },
    DRAFTING: { description: 'Content being entered on the platform (in redazione).' },
    SUBMITTED: { description: 'Content entered and submitted (inviato).' },
    VALIDATED: { description: 'Content validated by the municipal officer (validato).' },
    APPROVED: { description: 'Plan approved by the municipal council (approvato).' },
  },
});

/** Kinds of hazard a plan has scenarios for. */
export enum Hazard {
  FLOOD = 'FLOOD',
  HYDROGEOLOGICAL = 'HYDROGEOLOGICAL',
  SEISMIC = 'SEISMIC',
  WILDFIRE = 'WILDFIRE',
  INDUSTRIAL = 'INDUSTRIAL',
  EXTREME_WEATHER = 'EXTREME_WEATHER',
  HAZMAT_TRANSPORT = 'HAZMAT_TRANSPORT',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}
registerEnumType(Hazard, {
  name: 'Hazard',
  description: 'Kind of hazard (tipologia di rischio) of a risk scenario.',
  valuesConfig: {
    FLOOD: { description: 'Flooding by rivers and canals (rischio idraulico / alluvione).' },
    HYDROGEOLOGICAL: { description: 'Landslides and hydrogeological instability (idrogeologico).' },
    SEISMIC: { description: 'Earthquake (rischio sismico).' },
    WILDFIRE: { description: 'Forest and vegetation fires (incendi boschivi).' },
    INDUSTRIAL: { description: 'Major industrial accidents (rischio industriale).' },
    EXTREME_WEATHER: {
      description: 'Extreme weather: storms, wind, snow, heat (eventi meteorologici estremi).',
    },
    HAZMAT_TRANSPORT: {
      description: 'Transport of dangerous goods (trasporto di sostanze pericolose).',
    },
    HEALTH: { description: 'Health emergencies (rischio sanitario).' },
    OTHER: { description: 'Any other hazard (altro rischio).' },
  },
});

/** Kinds of emergency area. */
export enum EmergencyAreaKind {
  WAITING = 'WAITING',
  RECEPTION = 'RECEPTION',
  STAGING = 'STAGING',
}
registerEnumType(EmergencyAreaKind, {
  name: 'EmergencyAreaKind',
  description: 'Kind of emergency area (area di emergenza).',
  valuesConfig: {
    WAITING: { description: 'Waiting area for the population (area di attesa).' },
    RECEPTION: { description: 'Reception / shelter area (area di accoglienza o ricovero).' },
    STAGING: {
      description: 'Staging area for rescuers and resources (area di ammassamento).',
    },
  },
});

/** The domain name of this domain, as used by keys, logs and flags. */
export const DOMAIN = 'civil-protection';
