import { registerEnumType } from 'type-graphql';

/** Stage of a renewable energy community. */
export enum EnergyCommunityStatus {
  FEASIBILITY_STUDY = 'FEASIBILITY_STUDY',
  CONSTITUTED = 'CONSTITUTED',
  OPERATIONAL = 'OPERATIONAL',
}
registerEnumType(EnergyCommunityStatus, {
  name: 'EnergyCommunityStatus',
  description: 'Stage of a renewable energy community (comunità energetica rinnovabile, CER).',
  valuesConfig: {
    FEASIBILITY_STUDY: { description: 'Feasibility study (studio di fattibilità) under way.' },
    CONSTITUTED: { description: 'Legally constituted (costituita), not yet producing.' },
    OPERATIONAL: { description: 'Operational (operativa): sharing energy.' },
  },
});

/** Generation technology of an energy community. */
export enum EnergyTechnology {
  SOLAR = 'SOLAR',
  WIND = 'WIND',
  HYDRO = 'HYDRO',
  BIOMASS = 'BIOMASS',
  MIXED = 'MIXED',
}
registerEnumType(EnergyTechnology, {
  name: 'EnergyTechnology',
  description: 'Renewable generation technology (tecnologia).',
  valuesConfig: {
    SOLAR: { description: 'Solar photovoltaic (fotovoltaico).' },
    WIND: { description: 'Wind (eolico).' },
    HYDRO: { description: 'Hydroelectric (idroelettrico).' },
    BIOMASS: { description: 'Biomass or biogas (biomasse).' },
    MIXED: { description: 'More than one technology.' },
  },
});

/** Who receives a funding. */
export enum FundingRecipientKind {
  ORGANIZATION = 'ORGANIZATION',
  COMUNE = 'COMUNE',
}
registerEnumType(FundingRecipientKind, {
  name: 'FundingRecipientKind',
  description: 'Kind of funding recipient (beneficiario).',
  valuesConfig: {
    ORGANIZATION: { description: 'An organisation (see organizations).' },
    COMUNE: { description: 'A comune.' },
  },
});

/** Kind of energy-community event. */
export enum EnergyEventKind {
  LETTER_TO_CITIZENS = 'LETTER_TO_CITIZENS',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  PUBLIC_MEETING = 'PUBLIC_MEETING',
  OTHER = 'OTHER',
}
registerEnumType(EnergyEventKind, {
  name: 'EnergyEventKind',
  description: 'Kind of event about energy communities in a comune.',
  valuesConfig: {
    LETTER_TO_CITIZENS: { description: 'A letter to the citizens (lettera ai cittadini).' },
    ANNOUNCEMENT: { description: 'A public announcement (comunicato).' },
    PUBLIC_MEETING: { description: 'A public meeting (incontro pubblico).' },
    OTHER: { description: 'Any other event.' },
  },
});

/** Kind of founding member of an energy community. */
export enum EnergyCommunityFounderKind {
  COMUNE = 'COMUNE',
  PARISH = 'PARISH',
}
registerEnumType(EnergyCommunityFounderKind, {
  name: 'EnergyCommunityFounderKind',
  description: 'Kind of founding member (socio fondatore) of an energy community.',
  valuesConfig: {
    COMUNE: { description: 'A comune (municipality), in the province of Cremona or outside it.' },
    PARISH: { description: 'A parish (parrocchia); `comune` is the comune it belongs to.' },
  },
});
