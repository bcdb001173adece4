import { formatReport, type Importer } from '../common/importer.js';
import { domains } from '../schema.js';
import { runTool, withDatabase } from './cli.js';

/** `npm run import -- <importer> <file>`: runs a domain's CSV importer. */
runTool(async () => {
  const importers: Record<string, Importer> = Object.assign(
    {},
    ...domains.map((d) => d.importers ?? {}),
  );
  const [name, file] = process.argv.slice(2);
  if (!name || !file || !importers[name]) {
    console.error('usage: npm run import -- <importer> <file.csv>\n\nimporters:');
    for (const [n, imp] of Object.entries(importers))
      console.error(`  ${n.padEnd(24)} ${imp.description}`);
    process.exit(2);
  }
  const report = await withDatabase((orm) =>
    importers[name].run(orm.em.fork(), file, (lines: number) =>
      process.stderr.write(`\r${name}: ${lines} lines read`),
    ),
  );
  process.stderr.write('\n');
  console.log(formatReport(report));
  if (report.rejected.length) process.exitCode = 3;
});
