import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the test operations, generated from the committed schema. */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/*.graphql'],
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        scalars: { Money: 'string', Date: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
