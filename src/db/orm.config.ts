import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations/index.js';
import { entities } from '../schema.js';

/** MikroORM configuration for a database URL. */
export function ormConfig(
  clientUrl: string,
  opts: {
    statementTimeoutMs?: number;
    entities?: Options['entities'];
    /** Read replicas (DATABASE_REPLICA_URLS): reads outside transactions go to them. */
    replicaUrls?: readonly string[];
  } = {},
): Options {
  // Every statement the hub sends is bounded; a runaway query is cancelled. JIT off:
  // PostgreSQL JIT-compiles any statement estimated above jit_above_cost, and the
  // dossier's sources statement (one skip scan per sourced table, estimated ~10^6)
  // spent 9 of its 9.01 s compiling for 52 comuni (measured, loaded 2-core VM).
  // Generic plans for prepared statements: the lean read path's statements
  // (src/common/read.ts) are planned once per connection, not at every execution
  // (measured: its dossier statement spent 18-40 ms planning at each run with custom
  // plans on the loaded 2-core VM). The ORM's own statements are not prepared.
  const connectionOptions = `-c statement_timeout=${opts.statementTimeoutMs ?? 15000} -c jit=off -c plan_cache_mode=force_generic_plan`;
  return defineConfig({
    clientUrl,
    entities: opts.entities ?? entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    // Explicit types everywhere: tsx and vitest emit no decorator metadata.
    metadataProvider: undefined,
    allowGlobalContext: false,
    forceUndefined: false,
    debug: false,
    pool: { min: 0, max: 10 },
    ...(opts.replicaUrls?.length
      ? {
          preferReadReplicas: true,
          // Host, port, user, password and database come from each URL; the rest from the
          // primary's settings. Replica connections say who they are in pg_stat_activity.
          replicas: opts.replicaUrls.map((url, i) => ({
            name: `replica-${i + 1}`,
            clientUrl: url,
            driverOptions: {
              connection: {
                options: connectionOptions,
                application_name: `cremasco-hub replica-${i + 1}`,
              },
            },
          })),
        }
      : {}),
    driverOptions: {
      connection: {
        options: connectionOptions,
      },
    },
    migrations: {
      migrationsList,
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
      safe: true,
      dropTables: false,
    },
  });
}
