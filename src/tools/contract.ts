import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContract } from './contract-rules.js';

/**
 * The GraphQL contract, guarded.
 *
 *   npm run check:contract                  compare schema/schema.graphql with
 *                                           schema/released.graphql (see contract-rules.ts)
 *   npm run contract -- release 0.2.0      make the current schema the released one and
 *                                           date CHANGELOG.md's "Unreleased" section
 *
 * `--schema`, `--released` and `--changelog` point at other files (the tests use them).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    schema: { type: 'string', default: 'schema/schema.graphql' },
    released: { type: 'string', default: 'schema/released.graphql' },
    changelog: { type: 'string', default: 'CHANGELOG.md' },
  },
});
const [command = 'check', version] = positionals;
const read = (path: string) => readFileSync(path, 'utf8');

if (command === 'check') {
  const report = await checkContract({
    released: read(values.released),
    current: read(values.schema),
    changelog: existsSync(values.changelog) ? read(values.changelog) : null,
  });
  const count = (level: string) => report.changes.filter((c) => c.level === level).length;
  for (const w of report.warnings) console.warn(`warning: ${w}`);
  if (report.problems.length) {
    console.error(
      `${values.schema} against ${values.released}: the contract check failed\n  ${report.problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(
    `${values.schema} against ${values.released}: ${report.changes.length} change(s), ${count('BREAKING')} breaking and ${count('DANGEROUS')} dangerous, every breaking change and deprecation recorded in ${values.changelog}`,
  );
} else if (command === 'release') {
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: npm run contract -- release <major.minor.patch>');
    process.exit(2);
  }
  const changelog = read(values.changelog);
  const heading = /^## \[?Unreleased\]?[ \t]*$/im;
  if (!heading.test(changelog)) {
    console.error(`${values.changelog} has no "## Unreleased" section to release`);
    process.exit(1);
  }
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(
    values.changelog,
    changelog.replace(heading, `## Unreleased\n\n## ${version} – ${today}`),
  );
  copyFileSync(values.schema, values.released);
  console.log(`${values.released} is now the schema of ${version}; ${values.changelog} dated`);
} else {
  console.error(`unknown command "${command}": use check or release <version>`);
  process.exit(2);
}
