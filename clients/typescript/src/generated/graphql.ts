/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Plan that brings the coverage (piano). */
export type BroadbandPlan =
  /** Networks built by operators on the market (commerciale). */
  | 'COMMERCIAL'
  /** PNRR grey areas, plan "Italia a 1 Giga" (aree grigie). */
  | 'GREY_AREAS_1GIGA'
  /** Public FTTH network of the white areas (aree bianche, Piano Banda Ultra Larga), run by Open Fiber under concession. */
  | 'WHITE_AREAS_BUL';

/** Access technology (tecnologia di accesso). */
export type BroadbandTechnology =
  /** Copper line from the exchange (ADSL). */
  | 'ADSL'
  /** Fibre to the cabinet, copper to the home (fibra fino all’armadio, VDSL). */
  | 'FTTC'
  /** Fibre to the home (fibra fino a casa). */
  | 'FTTH'
  /** Fixed wireless access (accesso fisso senza fili). */
  | 'FWA';

/** Status (stato) of a municipal civil-protection plan. */
export type CivilProtectionPlanStatus =
  /** Plan approved by the municipal council (approvato). */
  | 'APPROVED'
  /** Content being entered on the platform (in redazione). */
  | 'DRAFTING'
  /** Not started (non avviato). */
  | 'NOT_STARTED'
  /** Content entered and submitted (inviato). */
  | 'SUBMITTED'
  /** Content validated by the municipal officer (validato). */
  | 'VALIDATED';

/** Kind of waste collection centre (centro di raccolta rifiuti, piazzola). */
export type CollectionCentreKind =
  /** Municipal collection centre (centro di raccolta comunale), serving one comune. */
  | 'MUNICIPAL_COLLECTION_CENTRE'
  /** Supra-municipal platform (piattaforma sovracomunale), serving several comuni; the 7 of the Cremasco are owned by Consorzio.IT. */
  | 'SUPRA_MUNICIPAL_PLATFORM';

/** Progress of a coverage (stato). */
export type CoverageStatus =
  /** A service can be bought (attivabile). */
  | 'ACTIVATABLE'
  /** Designed (in progettazione). */
  | 'DESIGNED'
  /** Works under way (in esecuzione). */
  | 'IN_WORKS'
  /** Planned (in programmazione). */
  | 'PLANNED';

/** How precisely a date is known. */
export type DatePrecision =
  /** Known to the day. */
  | 'DAY'
  /** Known to the half-year: `on` is 1 January or 1 July. */
  | 'HALF_YEAR'
  /** Known to the month: `on` is the first day of that month. */
  | 'MONTH'
  /** Known to the year: `on` is 1 January. */
  | 'YEAR';

/** Stage of a renewable energy community (comunità energetica rinnovabile, CER). */
export type EnergyCommunityStatus =
  /** Legally constituted (costituita), not yet producing. */
  | 'CONSTITUTED'
  /** Feasibility study (studio di fattibilità) under way. */
  | 'FEASIBILITY_STUDY'
  /** Operational (operativa): sharing energy. */
  | 'OPERATIONAL';

export type ComuneDossierQueryVariables = Exact<{
  istatCode: string;
}>;


export type ComuneDossierQuery = { comune: { istatCode: string, name: string, areaKm2: number | null, population: { resident2021: number | null }, groupings: Array<{ code: string, name: string }>, broadband: { addressCount: number, unitCount: number, coverage: { gigabitShare: number | null, ftthShare: number | null } }, pnrr: { total: string, grantCount: number, byMeasure: Array<{ amount: string, grantCount: number, measure: { code: string, englishTitle: string } }> }, collectionCentres: Array<{ kind: CollectionCentreKind, name: string }>, energyCommunities: Array<{ name: string, status: EnergyCommunityStatus }>, civilProtectionPlan: { status: CivilProtectionPlanStatus, statusAsOf: { on: string, precision: DatePrecision } } | null, timeline: Array<{ on: string, precision: DatePrecision, domain: string, title: string }>, qualityIssues: Array<{ code: string, message: string }>, sources: Array<{ dataset: string, licence: string | null, synthetic: boolean }> } | null };

export type CoverageCheckQueryVariables = Exact<{
  text: string;
}>;


export type CoverageCheckQuery = { addressSearch: Array<{ score: number, address: { id: string, label: string, comune: { istatCode: string, name: string }, coverage: { technology: BroadbandTechnology, maxDownloadMbps: number, maxUploadMbps: number, plan: BroadbandPlan, status: CoverageStatus, statusOn: string | null, operator: { name: string } | null, source: { dataset: string, licence: string | null, synthetic: boolean } } | null } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ComuneDossierDocument = new TypedDocumentString(`
    query ComuneDossier($istatCode: String!) {
  comune(istatCode: $istatCode) {
    istatCode
    name
    population {
      resident2021
    }
    areaKm2
    groupings {
      code
      name
    }
    broadband {
      addressCount
      unitCount
      coverage {
        gigabitShare
        ftthShare
      }
    }
    pnrr {
      total
      grantCount
      byMeasure {
        measure {
          code
          englishTitle
        }
        amount
        grantCount
      }
    }
    collectionCentres {
      kind
      name
    }
    energyCommunities {
      name
      status
    }
    civilProtectionPlan {
      status
      statusAsOf {
        on
        precision
      }
    }
    timeline(first: 5) {
      on
      precision
      domain
      title
    }
    qualityIssues {
      code
      message
    }
    sources {
      dataset
      licence
      synthetic
    }
  }
}
    `) as unknown as TypedDocumentString<ComuneDossierQuery, ComuneDossierQueryVariables>;
export const CoverageCheckDocument = new TypedDocumentString(`
    query CoverageCheck($text: String!) {
  addressSearch(text: $text, first: 1) {
    score
    address {
      id
      label
      comune {
        istatCode
        name
      }
      coverage {
        technology
        maxDownloadMbps
        maxUploadMbps
        plan
        status
        statusOn
        operator {
          name
        }
        source {
          dataset
          licence
          synthetic
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageCheckQuery, CoverageCheckQueryVariables>;