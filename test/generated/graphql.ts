/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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


export const ComuneByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istatCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cadastralCode"}},{"kind":"Field","name":{"kind":"Name","value":"postalCodes"}},{"kind":"Field","name":{"kind":"Name","value":"population"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legal2011"}},{"kind":"Field","name":{"kind":"Name","value":"resident2021"}}]}},{"kind":"Field","name":{"kind":"Name","value":"areaKm2"}},{"kind":"Field","name":{"kind":"Name","value":"centroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"retrievedOn"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<ComuneByCodeQuery, ComuneByCodeQueryVariables>;
export const ComuneByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ComuneByNameQuery, ComuneByNameQueryVariables>;
export const ComuneBoundaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneBoundary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istatCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istatCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boundary"}}]}}]}}]} as unknown as DocumentNode<ComuneBoundaryQuery, ComuneBoundaryQueryVariables>;
export const ComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Comuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComuneFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComuneOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istatCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ComuniQuery, ComuniQueryVariables>;
export const GroupingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Groupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territorialGroupings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"membershipKnown"}},{"kind":"Field","name":{"kind":"Name","value":"declaredMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<GroupingsQuery, GroupingsQueryVariables>;
export const OrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsQuery, OrganizationsQueryVariables>;