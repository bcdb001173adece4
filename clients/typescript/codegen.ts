import type { CodegenConfig } from '@graphql-codegen/cli';
import { fileURLToPath } from 'node:url';

/** A path inside this package, wherever codegen runs from. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Typed documents for the operations in `operations/`, generated from the hub's contract:
 * the committed SDL of the repository by default, or a running hub's
 * `HUB_SCHEMA=http://127.0.0.1:4000/schema.graphql`.
 */
const config: CodegenConfig = {
  schema: process.env.HUB_SCHEMA ?? here('../../schema/schema.graphql'),
  documents: [here('operations/*.graphql')],
  // Node's ES modules need the ".js" of relative imports.
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  generates: {
    [here('src/generated/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents are strings: the client needs no GraphQL library at run time.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // Every custom scalar of the hub, as it travels in JSON; a new one fails the
        // generation until it is mapped here.
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Money: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
