import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CommonJS ("main") and ESM ("module") builds; Vite would pick the ESM one
  // for our sources while Node loads the CommonJS one for type-graphql, and scalars built
  // with `new GraphQLScalarType` (Money) would belong to the other copy. One copy only.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
