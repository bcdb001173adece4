import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodingNamed, type Encoding } from '../common/csv-input.js';
import { formatReport, type Importer } from '../common/importer.js';
import { runImport } from '../core/ingest/runner.js';
import { domains } from '../schema.js';
import { runTool, withDatabase } from './cli.js';
import { ImportOutcome } from '../core/model/enums.js';

const USAGE = `usage: npm run import -- <importer> <file.csv> [--encoding <name>] [--dry-run] [--report <file.csv>]

  --encoding <name>  the file's encoding when it is not UTF-8: windows-1252 (cp1252),
                     iso-8859-1 (latin1) or iso-8859-15 (latin9); converted exactly
  --dry-run          check and count everything, write nothing (the run is still recorded)
  --report <file>    where to write the rejected rows (CSV: line, column, code, message);
                     default: beside the file, <name>.run-<n>.rejects.csv

exit code: 0 imported; 3 rows rejected (the good rows imported); 1 failed (nothing
written); 2 usage. Every run is recorded (GraphQL: importRuns, ADMIN keys).`;

/**
 * `npm run import -- <importer> <file> [options]`: runs a domain's CSV importer as a
 * recorded run (src/core/ingest/runner.ts).
 */
runTool(async () => {
  const importers: Record<string, Importer> = Object.assign(
    {},
    ...domains.map((d) => d.importers ?? {}),
  );
  const usage = (problem?: string): never => {
    if (problem) console.error(`${problem}\n`);
    console.error(`${USAGE}\n\nimporters:`);
    for (const [n, imp] of Object.entries(importers))
      console.error(`  ${n.padEnd(24)} ${imp.description}`);
    process.exit(2);
  };
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        encoding: { type: 'string' },
        'dry-run': { type: 'boolean' },
        report: { type: 'string' },
      },
    });
  try {
    args = parse();
  } catch (e) {
    return usage((e as Error).message);
  }
  const [name, file, ...extra] = args.positionals;
  if (!name || !file) return usage();
  if (!importers[name]) return usage(`unknown importer "${name}"`);
  if (extra.length) return usage(`unexpected argument(s): ${extra.join(' ')}`);
  let encoding: Encoding;
  try {
    encoding = encodingNamed(args.values.encoding ?? 'utf-8');
  } catch (e) {
    return usage((e as Error).message);
  }
  const dryRun = Boolean(args.values['dry-run']);
  // npm runs scripts from the package root: paths are taken from where npm was invoked.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const result = await withDatabase((orm) =>
    runImport(orm, name, importers[name], resolve(cwd, file), {
      encoding,
      dryRun,
      reportPath: args.values.report ? resolve(cwd, args.values.report) : undefined,
      onProgress: (lines) => process.stderr.write(`\r${name}: ${lines} lines read`),
    }),
  );
  process.stderr.write('\n');
  console.log(
    `import run ${result.run}: ${name}, ${encoding}, SHA-256 ${result.sha256 ?? 'unknown'}${dryRun ? ', dry run' : ''}`,
  );
  if (result.report) console.log(formatReport(result.report));
  if (result.reportPath)
    console.log(`rejected rows (${result.report!.rejected.length}): ${result.reportPath}`);
  if (result.error) console.error(result.error.message);
  console.log(
    `outcome: ${result.outcome}${dryRun && !result.error ? ' (dry run: nothing was written)' : ''}`,
  );
  if (result.error) process.exitCode = 1;
  else if (result.outcome === ImportOutcome.REJECTED_ROWS) process.exitCode = 3;
});
