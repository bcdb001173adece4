import { runTool, withDatabase } from './cli.js';

/** `npm run migrate`: applies pending migrations (npm start does it too). */
runTool(() => withDatabase(async () => console.log('migrations up to date')));
