// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const domains = ['infrastructure', 'broadband', 'energy', 'civil-protection', 'pnrr'];

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
  // Domains never import each other: src/schema.ts is the only place that knows them all.
  ...domains.map((domain) => ({
    files: [`src/domains/${domain}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: domains
            .filter((other) => other !== domain)
            .map((other) => ({
              group: [`**/domains/${other}/**`, `../${other}/**`, `../${other}`],
              message: `Domain "${domain}" must not import domain "${other}"; go through hub/ or common/.`,
            })),
        },
      ],
    },
  })),
  // The hub core and common helpers point inward only.
  {
    files: ['src/hub/**/*.ts', 'src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/domains/**'], message: 'hub/ and common/ never import domains.' },
          ],
        },
      ],
    },
  },
);
