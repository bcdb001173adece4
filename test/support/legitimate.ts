import { readFileSync, readdirSync } from 'node:fs';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** A question users legitimately ask, as a request. */
export interface LegitimateOperation {
  /** Where it comes from, e.g. "README #3" or "test/operations/hub.graphql Comuni". */
  name: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** Who asks: some operations need a key (the logs: ADMIN; the mutation: an EDITOR). */
  as?: 'ADMIN' | 'EDITOR';
}

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The comune whose plan the mutation edits (a plan of the caller's own: see ownPlans). */
export const MUTATED_COMUNE = '019113';

/**
 * Values of the variables of test/operations, by name. Page sizes are the largest the API
 * allows (500): a legitimate question may ask for a full page.
 */
const VALUES: Record<string, unknown> = {
  istatCode: '019035',
  name: 'spino d adda',
  grouping: 'consorzio-it',
  territory: 'consorzio-it',
  first: 500,
  text: 'crema',
  lat: 45.3637,
  lon: 9.6826,
  asOf: '2022-11-17',
  bodies: 'ALL',
  includeRenounced: true,
  groupBy: 'COMUNE',
  maxDistanceMeters: 10000,
};

/** Per-operation values (the mutation edits its own plan; ids are global ids). */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  UpdatePlan: {
    istatCode: MUTATED_COMUNE,
    expectedVersion: 1,
    input: {
      status: 'DRAFTING',
      officer: { role: 'Referente', name: 'Legit Officer', phone: '+39 0373 000001' },
      crisisUnit: [{ role: 'Sindaco', name: 'Legit Mayor', phone: '0373 000002' }],
      scenarios: [
        {
          hazard: 'FLOOD',
          title: 'Piena del Serio',
          description: 'x'.repeat(5000),
          affectedAreas: ['Centro', 'Ombriano'],
          procedures: 'y'.repeat(20000),
        },
      ],
      emergencyAreas: [
        { kind: 'WAITING', name: 'Piazza Duomo', location: { lat: 45.36, lon: 9.68 } },
      ],
    },
  },
  BroadbandSearch: { first: 50, text: 'via mazzini 12 crema' },
  // As in the README and the bench: the 52 consortium comuni in one page.
  DossierMany: { first: 100 },
  PlanNode: { id: Buffer.from('CivilProtectionPlan:019035').toString('base64url') },
  EnergyNode: { id: Buffer.from('Comune:019035').toString('base64url') },
  InfrastructureNode: { id: Buffer.from('Comune:019035').toString('base64url') },
  BroadbandObservations: { id: Buffer.from('CivicAddress:1').toString('base64url') },
  SeismicNode: { id: Buffer.from('SeismicClassification:019035').toString('base64url') },
  InitiativeNode: { id: Buffer.from('Initiative:regis-training-2022-12-14').toString('base64url') },
  CivicCoverage: { address: "cascina Ca' de' Tocchi 1 Acquanegra" },
  CerFounded: { from: '2024-01-01' },
  QualityFlagsByCode: { code: 'MEMBERSHIP_INFERRED' },
  PlanGroupFacts: { code: 'ppc-2023-casaletto-ceredano' },
  OrganizationFacts: { code: 'rtd-territoriale' },
  // Pages of 100, as the dossier: nested lists of comuni count at their cap (150).
  DossierWithHazards: { first: 100 },
  Initiatives: { first: 100 },
  // The whole province (113 comuni) in one page, as the province dossier asks it.
  WideTableApi: { first: 200 },
};

const NEEDS_KEY: Record<string, 'ADMIN' | 'EDITOR'> = {
  Changes: 'ADMIN',
  ChangesPublicFields: 'ADMIN',
  AccessLog: 'ADMIN',
  PlansWithPeople: 'ADMIN',
  ImportRuns: 'ADMIN',
  UpdatePlan: 'EDITOR',
};

/** Every fragment a definition spreads, transitively. */
function fragmentsOf(
  def: DefinitionNode,
  all: Map<string, FragmentDefinitionNode>,
  into = new Set<string>(),
) {
  visit(def, {
    FragmentSpread(node) {
      if (into.has(node.name.value)) return;
      into.add(node.name.value);
      const f = all.get(node.name.value);
      if (f) fragmentsOf(f, all, into);
    },
  });
  return into;
}

/** The fragments a document defines, by name. */
const fragmentsIn = (text: string) =>
  new Map(
    parse(text)
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );

/**
 * Splits a document into one request per operation, each with the fragments it uses (its
 * own, or `shared` ones: the operation files share their fragments, as codegen reads them).
 */
function operationsOf(text: string, shared = new Map<string, FragmentDefinitionNode>()) {
  const doc = parse(text);
  const fragments = new Map([...shared, ...fragmentsIn(text)]);
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({
      op,
      query: [op, ...[...fragmentsOf(op, fragments)].map((n) => fragments.get(n)!)]
        .map((d) => print(d))
        .join('\n'),
    }));
}

/** The README's GraphQL examples: every operation of every ```graphql block. */
export function readmeOperations(): LegitimateOperation[] {
  const blocks = [...read('README.md').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((block, b) =>
    operationsOf(block).map(({ query }, i) => ({
      name: `README block ${b + 1} #${i + 1}`,
      query,
      // The audit logs and the import log are for admins (the README says so beside them).
      as: /\b(importRuns|changes|accessLog)\s*[({]/.test(query) ? ('ADMIN' as const) : undefined,
    })),
  );
}

/** Every operation of test/operations/*.graphql, with values for its variables. */
export function testOperations(): LegitimateOperation[] {
  const dir = new URL('test/operations/', root);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const shared = new Map(files.flatMap((f) => [...fragmentsIn(read(`test/operations/${f}`))]));
  return files.flatMap((file) =>
    operationsOf(read(`test/operations/${file}`), shared).map(({ op, query }) => {
      const name = op.name!.value;
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        const key = v.variable.name.value;
        const value = OVERRIDES[name]?.[key] ?? VALUES[key];
        if (value !== undefined) variables[key] = value;
      }
      return {
        name: `test/operations/${file} ${name}`,
        query,
        operationName: name,
        variables,
        as: NEEDS_KEY[name],
      };
    }),
  );
}

/** The bench's wide dossier (W5): the dossier fragment for the 52 consortium comuni. */
export function benchDossier(): LegitimateOperation {
  const fragment = read('test/operations/dossier.graphql').split(/\n(?=query )/)[0];
  return {
    name: 'bench W5: dossier of the 52 consortium comuni',
    query: `${fragment}\nquery W5($g: String!) { comuni(filter: { grouping: $g }, first: 100) { edges { node { ...Dossier } } } }`,
    variables: { g: 'consorzio-it' },
  };
}

/** The dossier of every comune of the province (113) in one page of 200. */
export function provinceDossier(): LegitimateOperation {
  const fragment = read('test/operations/dossier.graphql').split(/\n(?=query )/)[0];
  return {
    name: 'dossier of every comune of the province, first: 200',
    query: `${fragment}\nquery Province { comuni(first: 200) { edges { node { ...Dossier } } } }`,
  };
}

/** A page of 200 civic addresses of Crema with every scalar field, `source` and coverage. */
export function addressPage(): LegitimateOperation {
  return {
    name: '200 addresses of Crema, every scalar field and source',
    query: `query Addresses($first: Int!) {
      comune(istatCode: "019035") { broadband { addresses(first: $first) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node {
          id code streetType streetName number exponent streetLine postalCode label units
          location { lat lon }
          comune { istatCode name }
          source { dataset datasetId publisher licence url retrievedOn synthetic note }
          coverage { id technology plan status statusOn maxDownloadMbps maxUploadMbps
            operator { code name } history { status on }
            source { dataset datasetId publisher licence url retrievedOn synthetic note } }
        } } } } } }`,
    variables: { first: 200 },
  };
}

/** The largest map layer the API serves: 10,000 civic addresses of the province. */
export function largestLayer(): LegitimateOperation {
  return {
    name: 'featureCollection of 10,000 addresses of the province',
    query: '{ featureCollection(territory: "province-cr", layer: ADDRESSES, first: 10000) }',
  };
}

/** Every legitimate question the defaults must let through. */
export function legitimateOperations(): LegitimateOperation[] {
  return [
    ...readmeOperations(),
    ...testOperations(),
    benchDossier(),
    provinceDossier(),
    addressPage(),
    largestLayer(),
  ];
}
