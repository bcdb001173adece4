import 'reflect-metadata';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSchema } from '../schema.js';

/**
 * Emits schema/schema.graphql (sorted SDL with descriptions), or with `--check` fails
 * when the committed file differs from what the code builds.
 */
const path = 'schema/schema.graphql';
const sdl = printSchema(lexicographicSortSchema(await createSchema())) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== sdl) {
    console.error(`${path} is stale: run "npm run schema" and commit it`);
    process.exit(1);
  }
  console.log(`${path} is up to date`);
} else {
  mkdirSync('schema', { recursive: true });
  writeFileSync(path, sdl);
  console.log(`written ${path}`);
}
