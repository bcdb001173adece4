/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ComuneByCode($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    id\n    istatCode\n    name\n    cadastralCode\n    postalCodes\n    population {\n      legal2011\n      resident2021\n    }\n    areaKm2\n    centroid {\n      lat\n      lon\n    }\n    groupings {\n      code\n      name\n    }\n    source {\n      dataset\n      publisher\n      licence\n      retrievedOn\n      note\n    }\n  }\n}\n\nquery ComuneByName($name: String!) {\n  comune(name: $name) {\n    istatCode\n    name\n  }\n}\n\nquery ComuneBoundary($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    boundary\n  }\n}\n\nquery Comuni($filter: ComuneFilter, $orderBy: ComuneOrder, $first: Int, $after: String) {\n  comuni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        istatCode\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Groupings {\n  territorialGroupings {\n    code\n    name\n    kind\n    memberCount\n    membershipKnown\n    declaredMemberCount\n    source {\n      dataset\n      note\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    code\n    name\n    kind\n    website\n    source {\n      dataset\n    }\n  }\n}": typeof types.ComuneByCodeDocument,
};
const documents: Documents = {
    "query ComuneByCode($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    id\n    istatCode\n    name\n    cadastralCode\n    postalCodes\n    population {\n      legal2011\n      resident2021\n    }\n    areaKm2\n    centroid {\n      lat\n      lon\n    }\n    groupings {\n      code\n      name\n    }\n    source {\n      dataset\n      publisher\n      licence\n      retrievedOn\n      note\n    }\n  }\n}\n\nquery ComuneByName($name: String!) {\n  comune(name: $name) {\n    istatCode\n    name\n  }\n}\n\nquery ComuneBoundary($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    boundary\n  }\n}\n\nquery Comuni($filter: ComuneFilter, $orderBy: ComuneOrder, $first: Int, $after: String) {\n  comuni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        istatCode\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Groupings {\n  territorialGroupings {\n    code\n    name\n    kind\n    memberCount\n    membershipKnown\n    declaredMemberCount\n    source {\n      dataset\n      note\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    code\n    name\n    kind\n    website\n    source {\n      dataset\n    }\n  }\n}": types.ComuneByCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComuneByCode($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    id\n    istatCode\n    name\n    cadastralCode\n    postalCodes\n    population {\n      legal2011\n      resident2021\n    }\n    areaKm2\n    centroid {\n      lat\n      lon\n    }\n    groupings {\n      code\n      name\n    }\n    source {\n      dataset\n      publisher\n      licence\n      retrievedOn\n      note\n    }\n  }\n}\n\nquery ComuneByName($name: String!) {\n  comune(name: $name) {\n    istatCode\n    name\n  }\n}\n\nquery ComuneBoundary($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    boundary\n  }\n}\n\nquery Comuni($filter: ComuneFilter, $orderBy: ComuneOrder, $first: Int, $after: String) {\n  comuni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        istatCode\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Groupings {\n  territorialGroupings {\n    code\n    name\n    kind\n    memberCount\n    membershipKnown\n    declaredMemberCount\n    source {\n      dataset\n      note\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    code\n    name\n    kind\n    website\n    source {\n      dataset\n    }\n  }\n}"): (typeof documents)["query ComuneByCode($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    id\n    istatCode\n    name\n    cadastralCode\n    postalCodes\n    population {\n      legal2011\n      resident2021\n    }\n    areaKm2\n    centroid {\n      lat\n      lon\n    }\n    groupings {\n      code\n      name\n    }\n    source {\n      dataset\n      publisher\n      licence\n      retrievedOn\n      note\n    }\n  }\n}\n\nquery ComuneByName($name: String!) {\n  comune(name: $name) {\n    istatCode\n    name\n  }\n}\n\nquery ComuneBoundary($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    boundary\n  }\n}\n\nquery Comuni($filter: ComuneFilter, $orderBy: ComuneOrder, $first: Int, $after: String) {\n  comuni(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        istatCode\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Groupings {\n  territorialGroupings {\n    code\n    name\n    kind\n    memberCount\n    membershipKnown\n    declaredMemberCount\n    source {\n      dataset\n      note\n    }\n  }\n}\n\nquery Organizations {\n  organizations {\n    code\n    name\n    kind\n    website\n    source {\n      dataset\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;