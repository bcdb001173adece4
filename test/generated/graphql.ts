/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the figure was worded, which sets the range the hub reads into it. */
export type ClaimWording =
  /** "Almost" (quasi) the figure: at most the value. */
  | 'ALMOST'
  /** An exact figure, e.g. 11,038,976. */
  | 'EXACT'
  /** "Over" (oltre) the figure: at least the value. */
  | 'OVER'
  /** A rounded figure, e.g. 2,630,000. */
  | 'ROUNDED';

/** Filter of the comuni list; all given conditions must hold. */
export type ComuneFilter = {
  /** Only members of this territory (a grouping code or an ISTAT code). */
  grouping?: string | null | undefined;
  /** Name contains this text, ignoring case, accents, apostrophes and spacing. */
  nameContains?: string | null | undefined;
};

/** Order of the comuni list (ties broken by ISTAT code). */
export type ComuneOrder = {
  /** Direction. */
  direction?: OrderDirection;
  /** Sort field. */
  field: ComuneOrderField;
};

/** Sort field of the comuni list. */
export type ComuneOrderField =
  /** By ISTAT code (the default). */
  | 'ISTAT_CODE'
  /** By name. */
  | 'NAME'
  /** By resident population 2021. */
  | 'POPULATION';

/** Kind of territorial grouping (raggruppamento territoriale). */
export type GroupingKind =
  /** A homogeneous area or social district (area omogenea, ambito). */
  | 'AREA'
  /** A tender lot (lotto di gara). */
  | 'LOT'
  /** The members (soci) of a company or body. */
  | 'MEMBERSHIP'
  /** Any other grouping. */
  | 'OTHER'
  /** Comuni applying together for a plan or grant. */
  | 'PLAN_GROUP'
  /** The participants of a programme. */
  | 'PROGRAMME'
  /** A province (provincia). */
  | 'PROVINCE';

/** Sort direction. */
export type OrderDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** Kind of organisation (ente, società). */
export type OrganizationKind =
  /** Private or listed company (società). */
  | 'COMPANY'
  /** Foundation (fondazione). */
  | 'FOUNDATION'
  /** Company owned by public bodies (società in house). */
  | 'IN_HOUSE_COMPANY'
  /** Public body (ente pubblico): comune, province, region... */
  | 'PUBLIC_BODY';

/** Which bodies (enti) count: the comuni themselves, or every body located there. */
export type PnrrBodies =
  /** Grants of every body located in the comune: the comune, its schools, other bodies (ASST, province, consortia...). */
  | 'ALL'
  /** Only grants whose body is the comune itself (tipologia Comuni). */
  | 'COMUNE';

/** Kind of body (tipologia ente) that applied for PA digitale 2026 funds. */
export type PnrrBodyKind =
  /** A comune (tipologia "Comune"/"Comuni"). */
  | 'COMUNE'
  /** Any other body (tipologia "Altri Enti", "ASL"...): province, ASST, consortium... */
  | 'OTHER'
  /** A school (tipologia "Scuole"). */
  | 'SCHOOL';

/** State of a funded application (stato candidatura). */
export type PnrrGrantStatus =
  /** Funded, assigned by decree (A, finanziata). */
  | 'FUNDED'
  /** Paid out after certification (E, erogata dopo asseverazione). */
  | 'PAID'
  /** Renounced by the body (R, rinunciata): not counted in totals. */
  | 'RENOUNCED';

/** Grouping of the PNRR summary rows. */
export type PnrrGroupBy =
  /** By kind of body: key = COMUNE, SCHOOL or OTHER. */
  | 'BODY_KIND'
  /** By comune where the body is: key = ISTAT code, label = name. */
  | 'COMUNE'
  /** By month of the funding decree: key = label = "YYYY-MM". */
  | 'FUNDING_MONTH'
  /** By measure: key = measure code ("1.4.1"), label = title. */
  | 'MEASURE'
  /** By notice (avviso): key = label = notice title. */
  | 'NOTICE'
  /** By current state: key = FUNDED, RENOUNCED or PAID. */
  | 'STATUS';

/** Filter of PNRR projects; all given conditions must hold. */
export type PnrrProjectFilter = {
  /** Only projects located in this comune (ISTAT code). */
  comune?: string | null | undefined;
  /** Only projects of this PA digitale 2026 measure, e.g. "1.4.3". */
  measure?: string | null | undefined;
  /** Only projects located in this territory (grouping code or ISTAT code). */
  territory?: string | null | undefined;
  /** Title, summary or implementing body contains this text (case-insensitive). */
  text?: string | null | undefined;
};

/** Which open-data figure a claim is compared with (always comuni as bodies). */
export type ReconciliationBasis =
  /** Grants applied for on or before the claim's date and funded at any time, not renounced by that date. */
  | 'APPLIED_BY'
  /** Today's grant files read as of the claim's date: grants funded (decreed) on or before it and not renounced by then. */
  | 'AS_OF'
  /** Today's grant files, renounced excluded, whatever the date. */
  | 'CURRENT'
  /** The grant file as it was published on the claim's date (the 2022-11-17 snapshot), renounced excluded. */
  | 'PUBLISHED_SNAPSHOT';

export type ComuneByCodeQueryVariables = Exact<{
  istatCode: string;
}>;


export type ComuneByCodeQuery = { comune: { id: string, istatCode: string, name: string, cadastralCode: string, postalCodes: Array<string>, areaKm2: number | null, population: { legal2011: number | null, resident2021: number | null }, centroid: { lat: number, lon: number } | null, groupings: Array<{ code: string, name: string }>, source: { dataset: string, publisher: string, licence: string | null, retrievedOn: string | null, note: string | null } } | null };

export type ComuneByNameQueryVariables = Exact<{
  name: string;
}>;


export type ComuneByNameQuery = { comune: { istatCode: string, name: string } | null };

export type ComuneBoundaryQueryVariables = Exact<{
  istatCode: string;
}>;


export type ComuneBoundaryQuery = { comune: { boundary: Record<string, unknown> | null } | null };

export type ComuniQueryVariables = Exact<{
  filter?: ComuneFilter | null | undefined;
  orderBy?: ComuneOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ComuniQuery = { comuni: { totalCount: number, edges: Array<{ cursor: string, node: { istatCode: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GroupingsQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupingsQuery = { territorialGroupings: Array<{ code: string, name: string, kind: GroupingKind, memberCount: number, membershipKnown: boolean, declaredMemberCount: number | null, source: { dataset: string, note: string | null } }> };

export type OrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationsQuery = { organizations: Array<{ code: string, name: string, kind: OrganizationKind, website: string | null, source: { dataset: string } }> };

export type PnrrComuneQueryVariables = Exact<{
  istatCode: string;
  bodies?: PnrrBodies | null | undefined;
  includeRenounced?: boolean | null | undefined;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PnrrComuneQuery = { comune: { istatCode: string, pnrr: { total: string, grantCount: number, publishedTotal: string | null, byMeasure: Array<{ amount: string, grantCount: number, measure: { code: string, title: string } }>, grants: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, cup: string, amount: string, status: PnrrGrantStatus, statusDate: string | null, fundedOn: string, appliedOn: string | null, window: number | null, decree: string | null, notice: { title: string }, measure: { code: string }, body: { ipaCode: string, name: string, kind: PnrrBodyKind }, source: { dataset: string, datasetId: string, licence: string | null } } }> } } } | null };

export type PnrrComuniTotalsQueryVariables = Exact<{
  grouping: string;
}>;


export type PnrrComuniTotalsQuery = { comuni: { edges: Array<{ node: { istatCode: string, pnrr: { total: string, byMeasure: Array<{ amount: string }> } } }> } };

export type PnrrComuniFullQueryVariables = Exact<{
  grouping: string;
  asOf?: string | null | undefined;
}>;


export type PnrrComuniFullQuery = { comuni: { edges: Array<{ node: { istatCode: string, pnrr: { total: string, grantCount: number, byMeasure: Array<{ amount: string, grantCount: number, measure: { code: string } }>, grants: { totalCount: number, edges: Array<{ node: { cup: string, body: { name: string }, notice: { title: string } } }> }, projects: { totalCount: number, edges: Array<{ node: { cup: string } }> } } } }> } };

export type PnrrSummaryQueryVariables = Exact<{
  territory: string;
  groupBy?: PnrrGroupBy | null | undefined;
  asOf?: string | null | undefined;
  bodies?: PnrrBodies | null | undefined;
  includeRenounced?: boolean | null | undefined;
}>;


export type PnrrSummaryQuery = { pnrrSummary: { territory: string, comuneCount: number, total: string, grantCount: number, rows: Array<{ key: string, label: string, amount: string, grantCount: number }> } };

export type PnrrProjectsQueryVariables = Exact<{
  filter?: PnrrProjectFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PnrrProjectsQuery = { pnrrProjects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { localCode: string, cup: string, title: string, pnrrFunding: string, totalFunding: string, implementingBody: string, measure: { code: string } | null, locations: Array<{ wholeProvince: boolean, comune: { istatCode: string, name: string } | null }>, source: { dataset: string, licence: string | null } } }> } };

export type PnrrClaimsQueryVariables = Exact<{ [key: string]: never; }>;


export type PnrrClaimsQuery = { claims: Array<{ code: string, statement: string, value: string, wording: ClaimWording, low: string, high: string, territory: string, asOf: string, measure: { code: string } | null, source: { dataset: string, datasetId: string, note: string | null }, reconciliation: { territory: string, computed: string, difference: string, consistent: boolean, contradicted: boolean, note: string, comparisons: Array<{ basis: ReconciliationBasis, territory: string, comuneCount: number, computed: string | null, difference: string | null, grantCount: number, consistent: boolean | null }> } }> };

export type PnrrMeasuresNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type PnrrMeasuresNoticesQuery = { measures: Array<{ code: string, title: string, englishTitle: string, source: { licence: string | null } }>, notices: Array<{ title: string, opensOn: string | null, closesOn: string | null, allocatedAmount: string | null, targetBodies: Array<string>, measure: { code: string } }> };

export type PnrrFlagsQueryVariables = Exact<{ [key: string]: never; }>;


export type PnrrFlagsQuery = { dataQualityIssues: Array<{ code: string, message: string, entity: string, comune: { istatCode: string } | null }> };


export const ComuneByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istatCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cadastralCode"}},{"kind":"Field","name":{"kind":"Name","value":"postalCodes"}},{"kind":"Field","name":{"kind":"Name","value":"population"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legal2011"}},{"kind":"Field","name":{"kind":"Name","value":"resident2021"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areaKm2"}},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"retrievedOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<ComuneByCodeQuery, ComuneByCodeQueryVariables>;
export const ComuneByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ComuneByNameQuery, ComuneByNameQueryVariables>;
export const ComuneBoundaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneBoundary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istatCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]} as unknown as DocumentNode<ComuneBoundaryQuery, ComuneBoundaryQueryVariables>;
export const ComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Comuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComuneFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComuneOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ComuniQuery, ComuniQueryVariables>;
export const GroupingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Groupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territorialGroupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"membershipKnown"}},{"kind":"Field","name":{"kind":"Name","value":"declaredMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<GroupingsQuery, GroupingsQueryVariables>;
export const OrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsQuery, OrganizationsQueryVariables>;
export const PnrrComuneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrComune"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bodies"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PnrrBodies"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRenounced"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istatCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"pnrr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bodies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bodies"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRenounced"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRenounced"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"publishedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"byMeasure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cup"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDate"}},{"kind":"Field","name":{"kind":"Name","value":"fundedOn"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"decree"}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ipaCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PnrrComuneQuery, PnrrComuneQueryVariables>;
export const PnrrComuniTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrComuniTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"pnrr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byMeasure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PnrrComuniTotalsQuery, PnrrComuniTotalsQueryVariables>;
export const PnrrComuniFullDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrComuniFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"pnrr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bodies"},"value":{"kind":"EnumValue","value":"ALL"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"byMeasure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cup"}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cup"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PnrrComuniFullQuery, PnrrComuniFullQueryVariables>;
export const PnrrSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territory"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PnrrGroupBy"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bodies"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PnrrBodies"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRenounced"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pnrrSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territory"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"bodies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bodies"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRenounced"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRenounced"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"comuneCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}}]}}]}}]}}]} as unknown as DocumentNode<PnrrSummaryQuery, PnrrSummaryQueryVariables>;
export const PnrrProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrProjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PnrrProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pnrrProjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localCode"}},{"kind":"Field","name":{"kind":"Name","value":"cup"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pnrrFunding"}},{"kind":"Field","name":{"kind":"Name","value":"totalFunding"}},{"kind":"Field","name":{"kind":"Name","value":"implementingBody"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wholeProvince"}},{"kind":"Field","name":{"kind":"Name","value":"comune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PnrrProjectsQuery, PnrrProjectsQueryVariables>;
export const PnrrClaimsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"topic"},"value":{"kind":"EnumValue","value":"PNRR"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"wording"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciliation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"computed"}},{"kind":"Field","name":{"kind":"Name","value":"difference"}},{"kind":"Field","name":{"kind":"Name","value":"consistent"}},{"kind":"Field","name":{"kind":"Name","value":"contradicted"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"comparisons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"comuneCount"}},{"kind":"Field","name":{"kind":"Name","value":"computed"}},{"kind":"Field","name":{"kind":"Name","value":"difference"}},{"kind":"Field","name":{"kind":"Name","value":"grantCount"}},{"kind":"Field","name":{"kind":"Name","value":"consistent"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PnrrClaimsQuery, PnrrClaimsQueryVariables>;
export const PnrrMeasuresNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrMeasuresNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"englishTitle"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licence"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"notices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"opensOn"}},{"kind":"Field","name":{"kind":"Name","value":"closesOn"}},{"kind":"Field","name":{"kind":"Name","value":"allocatedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"targetBodies"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PnrrMeasuresNoticesQuery, PnrrMeasuresNoticesQueryVariables>;
export const PnrrFlagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PnrrFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataQualityIssues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domain"},"value":{"kind":"StringValue","value":"pnrr","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"comune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}}]}}]}}]}}]} as unknown as DocumentNode<PnrrFlagsQuery, PnrrFlagsQueryVariables>;