import type { Domain } from '../common/domain.js';
import { comuneDossierResolver } from './dossier.resolver.js';
import { geoResolver } from './geo.resolver.js';
import { nodeResolver } from './node.resolver.js';
import { searchResolver } from './search.resolver.js';

/**
 * The cross-domain parts of the API (dossier timeline, quality flags, sources, node,
 * search, geo), built over the list of domains that src/schema.ts passes in: the hub
 * never imports a domain.
 */
export function dossierResolvers(domains: readonly Domain[]) {
  return [
    ...comuneDossierResolver(domains),
    nodeResolver(domains),
    searchResolver(domains),
    geoResolver(domains),
  ];
}
