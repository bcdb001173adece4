// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The domains are the folders of src/domains: a new one is guarded without editing this file. */
const domains = readdirSync(fileURLToPath(new globalThis.URL('./src/domains/', import.meta.url)), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * Which way imports go: each room lists the rooms it must not import (src/schema.ts, the
 * composition root, and src/server/ may import anything).
 */
const forbidden = {
  common: ['core', 'access', 'composition', 'domains', 'server'],
  core: ['composition', 'domains', 'server'],
  access: ['composition', 'domains', 'server'],
  composition: ['domains', 'server'],
  domains: ['composition', 'server'],
};
const inward = Object.entries(forbidden).map(([room, others]) => ({
  files: [`src/${room}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...others.map((other) => ({
            group: [`**/${other}/**`, `**/${other}.js`],
            message: `src/${room} must not import src/${other} (see docs/architecture.md, "The house in one picture").`,
          })),
        ],
      },
    ],
  },
}));

/**
 * Reads go through data/: outside a room's data/ (and ingest/, which writes), no raw SQL, no
 * connection, no query builder and no EntityManager read. Hooks and resolvers that must read
 * call a function or a loader of their room's data/.
 */
const READ_METHODS = 'find|findOne|findOneOrFail|findAll|findAndCount|findByCursor|count';
const readsThroughData = {
  files: [
    'src/domains/*/{api,hooks,model,rules}/**/*.ts',
    'src/core/{api,hooks,model,rules}/**/*.ts',
    'src/composition/**/*.ts',
    'src/access/api/**/*.ts',
  ],
  ignores: ['src/composition/data/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...['execute', 'readRows', 'getConnection', 'getKnex', 'createQueryBuilder', 'qb'].flatMap(
        (name) => [
          {
            selector: `CallExpression[callee.name='${name}']`,
            message: `${name}() reads outside data/: move the query into a function or loader of the room's data/ (docs/architecture.md).`,
          },
          {
            selector: `CallExpression[callee.property.name='${name}']`,
            message: `.${name}() reads outside data/: move the query into a function or loader of the room's data/ (docs/architecture.md).`,
          },
        ],
      ),
      {
        selector: `CallExpression[callee.object.name='em'][callee.property.name=/^(${READ_METHODS})$/]`,
        message:
          "EntityManager reads (em.find*, em.count) outside data/: move the query into a function or loader of the room's data/ (docs/architecture.md).",
      },
      {
        selector: `CallExpression[callee.object.property.name='em'][callee.property.name=/^(${READ_METHODS})$/]`,
        message:
          "EntityManager reads (ctx.em.find*, ctx.em.count) outside data/: move the query into a function or loader of the room's data/ (docs/architecture.md).",
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      '.data',
      'test/generated',
      'clients/typescript/src/generated',
      'clients/typescript/dist',
      'bench/.work',
      'bench/node22',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...inward,
  // Domains never import each other: src/schema.ts is the only place that knows them all.
  // (Listed after the room rules, so for files of a domain these patterns take over: they
  // repeat the room's.)
  ...domains.map((domain) => ({
    files: [`src/domains/${domain}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.domains.map((other) => ({
              group: [`**/${other}/**`, `**/${other}.js`],
              message: `src/domains must not import src/${other}.`,
            })),
            ...domains
              .filter((other) => other !== domain)
              .map((other) => ({
                group: [`**/domains/${other}/**`, `../${other}/**`, `../../${other}/**`],
                message: `Domain "${domain}" must not import domain "${other}"; go through core/ or common/.`,
              })),
          ],
        },
      ],
    },
  })),
  readsThroughData,
);
