import type { EntityManager } from '@mikro-orm/postgresql';
import { referenceCodes } from '../../../core/data/references.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { Dataset } from '../../../core/model/dataset.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';

/** Codes that imported rows may refer to, read once per import. */
export interface References {
  comuni: Set<string>;
  orgs: Set<string>;
  datasets: Set<string>;
  groupings: Set<string>;
  communities: Set<string>;
}

/** Reads the reference codes inside the import's transaction (pass its EntityManager). */
export async function readReferences(em: EntityManager): Promise<References> {
  // One after the other: inside a transaction the statements share one connection.
  const comuni = await referenceCodes(em, Comune, 'istatCode');
  const orgs = await referenceCodes(em, Organization, 'code');
  const datasets = await referenceCodes(em, Dataset, 'id');
  const groupings = await referenceCodes(em, TerritorialGrouping, 'code');
  const communities = await referenceCodes(em, EnergyCommunity, 'code');
  return { comuni, orgs, datasets, groupings, communities };
}
