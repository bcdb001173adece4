/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What the coverage check of a civic number found in the current mapping. */
export type CivicCoverageResult =
  /** The civic number is listed: not expected to be reached above the mapping’s speed by its horizon year. */
  | 'LISTED'
  /** Not listed, on a street the list knows (other civics of it are listed): expected to be reached above the speed by the horizon year. */
  | 'NOT_LISTED_STREET_IN_LIST'
  /** Not listed, and the list has no civic on a street of that name in the comune: if the address exists, it is expected to be reached above the speed by the horizon year (the hub holds no complete street list to confirm that it exists). */
  | 'NOT_LISTED_STREET_NOT_IN_LIST';

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

/** Category (caratteristica) of a civic number listed by Infratel’s mapping as not expected above 300 Mbit/s by 2028, as explained by the nemorfol/infratel-2028 viewer (not checked against Infratel’s own wording). */
export type GapCategory =
  /** The civic number’s coordinate is of poor quality (coordinata di scarsa qualità). */
  | 'A'
  /** The civic number lies within 50 m of a network able to deliver more than 300 Mbit/s. */
  | 'B'
  /** The civic number lies more than 50 m from any network able to deliver more than 300 Mbit/s. */
  | 'C';

export type ComuneDossierQueryVariables = Exact<{
  istatCode: string;
}>;


export type ComuneDossierQuery = { comune: { istatCode: string, name: string, areaKm2: number | null, population: { resident2021: number | null }, groupings: Array<{ code: string, name: string }>, broadband: { fibreInPlan: boolean | null, fwaInPlan: boolean | null, gaps: { listedCount: number, shareOfAnncsu: number | null, shareNote: string | null, byCategory: Array<{ category: GapCategory, count: number }>, mapping: { name: string } } | null }, pnrr: { total: string, grantCount: number, byMeasure: Array<{ amount: string, grantCount: number, measure: { code: string, englishTitle: string } }> }, collectionCentres: Array<{ kind: CollectionCentreKind, name: string }>, energyCommunities: Array<{ name: string, status: EnergyCommunityStatus }>, civilProtectionPlan: { status: CivilProtectionPlanStatus, statusAsOf: { on: string, precision: DatePrecision } } | null, timeline: Array<{ on: string, precision: DatePrecision, domain: string, title: string }>, qualityIssues: Array<{ code: string, message: string }>, sources: Array<{ dataset: string, licence: string | null, synthetic: boolean }> } | null };

export type CoverageCheckQueryVariables = Exact<{
  address: string;
}>;


export type CoverageCheckQuery = { civicCoverage: { address: string, result: CivicCoverageResult, listed: boolean, streetInList: boolean, categories: Array<GapCategory>, matchedStreet: string | null, answer: string, caveats: Array<string>, comune: { istatCode: string, name: string }, civics: Array<{ streetLine: string, civicNumber: string, observation: { category: GapCategory, categoryMeaning: string } | null }>, mapping: { name: string, horizonYear: number | null, thresholdMbps: number, published: { label: string } | null }, source: { dataset: string, licence: string | null, synthetic: boolean } } };

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
      fibreInPlan
      fwaInPlan
      gaps {
        listedCount
        byCategory {
          category
          count
        }
        shareOfAnncsu
        shareNote
        mapping {
          name
        }
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
    query CoverageCheck($address: String!) {
  civicCoverage(address: $address) {
    address
    result
    listed
    streetInList
    categories
    matchedStreet
    answer
    caveats
    comune {
      istatCode
      name
    }
    civics {
      streetLine
      civicNumber
      observation {
        category
        categoryMeaning
      }
    }
    mapping {
      name
      published {
        label
      }
      horizonYear
      thresholdMbps
    }
    source {
      dataset
      licence
      synthetic
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageCheckQuery, CoverageCheckQueryVariables>;