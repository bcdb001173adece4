/* eslint-disable */
import * as types from './graphql.js';



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
    "query ComuneDossier($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    istatCode\n    name\n    population {\n      resident2021\n    }\n    areaKm2\n    groupings {\n      code\n      name\n    }\n    broadband {\n      fibreInPlan\n      fwaInPlan\n      gaps {\n        listedCount\n        byCategory {\n          category\n          count\n        }\n        shareOfAnncsu\n        shareNote\n        mapping {\n          name\n        }\n      }\n    }\n    pnrr {\n      total\n      grantCount\n      byMeasure {\n        measure {\n          code\n          englishTitle\n        }\n        amount\n        grantCount\n      }\n    }\n    collectionCentres {\n      kind\n      name\n    }\n    energyCommunities {\n      name\n      status\n    }\n    civilProtectionPlan {\n      status\n      statusAsOf {\n        on\n        precision\n      }\n    }\n    timeline(first: 5) {\n      on\n      precision\n      domain\n      title\n    }\n    qualityIssues {\n      code\n      message\n    }\n    sources {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}": typeof types.ComuneDossierDocument,
    "query CoverageCheck($address: String!) {\n  civicCoverage(address: $address) {\n    address\n    result\n    listed\n    streetInList\n    categories\n    matchedStreet\n    answer\n    caveats\n    comune {\n      istatCode\n      name\n    }\n    civics {\n      streetLine\n      civicNumber\n      observation {\n        category\n        categoryMeaning\n      }\n    }\n    mapping {\n      name\n      published {\n        label\n      }\n      horizonYear\n      thresholdMbps\n    }\n    source {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}": typeof types.CoverageCheckDocument,
};
const documents: Documents = {
    "query ComuneDossier($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    istatCode\n    name\n    population {\n      resident2021\n    }\n    areaKm2\n    groupings {\n      code\n      name\n    }\n    broadband {\n      fibreInPlan\n      fwaInPlan\n      gaps {\n        listedCount\n        byCategory {\n          category\n          count\n        }\n        shareOfAnncsu\n        shareNote\n        mapping {\n          name\n        }\n      }\n    }\n    pnrr {\n      total\n      grantCount\n      byMeasure {\n        measure {\n          code\n          englishTitle\n        }\n        amount\n        grantCount\n      }\n    }\n    collectionCentres {\n      kind\n      name\n    }\n    energyCommunities {\n      name\n      status\n    }\n    civilProtectionPlan {\n      status\n      statusAsOf {\n        on\n        precision\n      }\n    }\n    timeline(first: 5) {\n      on\n      precision\n      domain\n      title\n    }\n    qualityIssues {\n      code\n      message\n    }\n    sources {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}": types.ComuneDossierDocument,
    "query CoverageCheck($address: String!) {\n  civicCoverage(address: $address) {\n    address\n    result\n    listed\n    streetInList\n    categories\n    matchedStreet\n    answer\n    caveats\n    comune {\n      istatCode\n      name\n    }\n    civics {\n      streetLine\n      civicNumber\n      observation {\n        category\n        categoryMeaning\n      }\n    }\n    mapping {\n      name\n      published {\n        label\n      }\n      horizonYear\n      thresholdMbps\n    }\n    source {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}": types.CoverageCheckDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComuneDossier($istatCode: String!) {\n  comune(istatCode: $istatCode) {\n    istatCode\n    name\n    population {\n      resident2021\n    }\n    areaKm2\n    groupings {\n      code\n      name\n    }\n    broadband {\n      fibreInPlan\n      fwaInPlan\n      gaps {\n        listedCount\n        byCategory {\n          category\n          count\n        }\n        shareOfAnncsu\n        shareNote\n        mapping {\n          name\n        }\n      }\n    }\n    pnrr {\n      total\n      grantCount\n      byMeasure {\n        measure {\n          code\n          englishTitle\n        }\n        amount\n        grantCount\n      }\n    }\n    collectionCentres {\n      kind\n      name\n    }\n    energyCommunities {\n      name\n      status\n    }\n    civilProtectionPlan {\n      status\n      statusAsOf {\n        on\n        precision\n      }\n    }\n    timeline(first: 5) {\n      on\n      precision\n      domain\n      title\n    }\n    qualityIssues {\n      code\n      message\n    }\n    sources {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}"): typeof import('./graphql.js').ComuneDossierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoverageCheck($address: String!) {\n  civicCoverage(address: $address) {\n    address\n    result\n    listed\n    streetInList\n    categories\n    matchedStreet\n    answer\n    caveats\n    comune {\n      istatCode\n      name\n    }\n    civics {\n      streetLine\n      civicNumber\n      observation {\n        category\n        categoryMeaning\n      }\n    }\n    mapping {\n      name\n      published {\n        label\n      }\n      horizonYear\n      thresholdMbps\n    }\n    source {\n      dataset\n      licence\n      synthetic\n    }\n  }\n}"): typeof import('./graphql.js').CoverageCheckDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
