import type { GraphQLSchema } from 'graphql';
import type { Options } from '@mikro-orm/postgresql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import type { Domain } from './common/domain.js';
import { access } from './access/index.js';
import { setScopeDomains } from './access/keys.js';
import { dossierResolvers } from './composition/index.js';
import { hub } from './core/index.js';
import { infrastructure } from './domains/infrastructure/index.js';
import { energy } from './domains/energy/index.js';
import { pnrr } from './domains/pnrr/index.js';
import { broadband } from './domains/broadband/index.js';
import { civilProtection } from './domains/civil-protection/index.js';
import { instrumentSchema } from './server/limits/instrument.js';

/**
 * The one place that lists every domain, in dependency order (the hub first): their
 * entities, resolvers, seeds and importers are collected from here.
 */
export const domains: Domain[] = [hub, infrastructure, energy, broadband, civilProtection, pnrr];

/**
 * Everything registered: the domains, then access control (API keys, audit logs), which is
 * wired like a domain but holds no data about the comuni.
 */
export const modules: Domain[] = [...domains, access];

// EDITOR keys can be scoped to any registered domain (not to the core).
setScopeDomains(domains.filter((d) => d !== hub).map((d) => d.name));

/** Every entity of the hub, for MikroORM. */
export const entities = modules.flatMap((d) => [...d.entities]) as NonNullable<Options['entities']>;

/**
 * Builds the executable GraphQL schema (type-graphql), its resolvers guarded by the request
 * budget and the lists' caps (src/server/limits/instrument.ts).
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const resolvers = [
    ...modules.flatMap((d) => [...d.resolvers]),
    ...dossierResolvers(domains),
  ] as BuildSchemaOptions['resolvers'];
  return instrumentSchema(await buildSchema({ resolvers, validate: false }));
}
