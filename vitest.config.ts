import { configDefaults, defineConfig } from 'vitest/config';

/*
 * Two projects in one run (`npm test` runs both):
 * - `unit`: test/unit/**, pure code only (parsers, dates, money, paging keys...), no database
 *   and no global setup: `npm run test:unit` runs it in seconds, without DATABASE_URL;
 * - `integration`: every other test, through the real Apollo pipeline on a real PostgreSQL
 *   database that test/support/global-setup.ts creates, migrates and seeds once per run.
 */
export default defineConfig({
  // graphql 16 ships CommonJS ("main") and ESM ("module") builds; Vite would pick the ESM one
  // for our sources while Node loads the CommonJS one for type-graphql, and scalars built
  // with `new GraphQLScalarType` (Money) would belong to the other copy. One copy only.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Pure code: one worker process shares the loaded modules between files (no isolation
        // needed, nothing global is changed), so a run takes seconds.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
