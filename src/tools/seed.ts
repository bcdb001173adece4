import { seedDatabase } from '../../seeds/DatabaseSeeder.js';
import { createLogger } from '../common/log.js';
import { loadConfig } from '../config.js';
import { domains } from '../schema.js';
import { runTool, withDatabase } from './cli.js';

/**
 * `npm run seed`: loads the seed data of every empty domain.
 * `npm run seed -- <domain> [args]`: runs that domain's own seed command.
 */
runTool(async () => {
  const [name, ...args] = process.argv.slice(2);
  if (!name) {
    const { LOG_FORMAT } = loadConfig();
    // Seeding takes a while: say what is being loaded and how far it has come.
    const log = createLogger({ level: 'info', format: LOG_FORMAT }, process.stderr);
    const done = await withDatabase((orm) => seedDatabase(orm, log));
    console.log(done.length ? `seeded: ${done.join(', ')}` : 'every domain already seeded');
    return;
  }
  const domain = domains.find((d) => d.name === name && d.seedCommand);
  if (!domain) {
    const names = domains.filter((d) => d.seedCommand).map((d) => d.name);
    throw new Error(`no seed command "${name}"; known: ${names.join(', ') || 'none'}`);
  }
  await withDatabase((orm) => domain.seedCommand!(orm, args));
});
