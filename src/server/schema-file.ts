import express, { type Router } from 'express';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** The committed contract: the SDL partners generate typed clients from. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/**
 * `GET /schema.graphql`: the committed SDL (schema/schema.graphql), read once at start.
 * `npm run check` keeps it equal to what the code builds; should a hub run with a stale
 * file anyway, the log says so at start.
 */
export function schemaFileRouter(schema: GraphQLSchema, log: Logger): Router {
  const sdl = readFileSync(SCHEMA_FILE, 'utf8');
  if (sdl !== printSchema(lexicographicSortSchema(schema)) + '\n')
    log.warn(
      { file: SCHEMA_FILE },
      'schema/schema.graphql differs from the running schema: /schema.graphql serves the committed file; run "npm run schema"',
    );
  const router = express.Router();
  // Express adds an ETag and answers a matching If-None-Match with 304.
  router.get('/schema.graphql', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send(sdl);
  });
  return router;
}
