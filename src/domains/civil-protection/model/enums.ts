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

/**
 * Kinds of hazard: the same values for a plan's risk scenarios and for the hazard profile
 * of a comune (ISPRA's flood and landslide indicators, DPC's seismic zone).
 */
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
  description:
    'Kind of hazard (tipologia di rischio): of a risk scenario of a plan and of the hazard profile of a comune (the same values in both).',
  valuesConfig: {
    FLOOD: {
      description:
        "Flooding by rivers and canals (rischio idraulico / alluvioni); in the hazard profile, ISPRA's flood hazard areas P3, P2, P1.",
    },
    HYDROGEOLOGICAL: {
      description:
        "Landslides and slope instability (rischio idrogeologico in Regione Lombardia's sense: frane); in the hazard profile, ISPRA's landslide hazard classes P4 to P1 and attention areas AA. Floods are FLOOD.",
    },
    SEISMIC: {
      description:
        "Earthquake (rischio sismico); in the hazard profile, the comune's seismic zone (zona sismica, Dipartimento della Protezione Civile).",
    },
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

/**
 * Hazard level (classe di pericolosità) of an area mapped by ISPRA. Flood levels are the
 * scenarios of D.Lgs. 49/2010 (P3 high, P2 medium, P1 low probability), which are nested:
 * a P3 area lies inside the P2 area, which lies inside the P1 area. Landslide levels are
 * the classes of the basin plans (PAI: P4 very high ... P1 moderate, AA attention areas),
 * which do not overlap.
 */
export enum HazardLevel {
  VERY_HIGH = 'VERY_HIGH',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  ATTENTION = 'ATTENTION',
}
registerEnumType(HazardLevel, {
  name: 'HazardLevel',
  description:
    'Hazard level (classe di pericolosità) of an area mapped by ISPRA. Flood levels are nested scenarios (a HIGH area lies inside the MEDIUM area, inside the LOW area): never add them up. Landslide levels do not overlap.',
  valuesConfig: {
    VERY_HIGH: { description: 'Very high (molto elevata): landslide class P4.' },
    HIGH: {
      description:
        'High (elevata): flood P3 (frequent floods, return period 20–50 years) or landslide class P3.',
    },
    MEDIUM: {
      description:
        'Medium (media): flood P2 (infrequent floods, return period 100–200 years) or landslide class P2.',
    },
    LOW: {
      description:
        'Low: flood P1 (bassa: rare floods or extreme events) or landslide class P1 (moderata).',
    },
    ATTENTION: {
      description:
        'Attention area (area di attenzione, AA): landslide area flagged in the basin plan whose hazard class is not yet assessed.',
    },
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

/** How `hazardSummary` groups its rows. */
export enum HazardGroupBy {
  COMUNE = 'COMUNE',
  GROUPING = 'GROUPING',
}
registerEnumType(HazardGroupBy, {
  name: 'HazardGroupBy',
  description: 'How a hazard summary groups its rows.',
  valuesConfig: {
    COMUNE: { description: 'One row per comune of the territory (ISTAT code).' },
    GROUPING: {
      description:
        'One row per territorial grouping with members in the territory, over those members.',
    },
  },
});
