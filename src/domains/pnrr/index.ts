import type { Domain } from '../../common/domain.js';
import { sourceResolverFor } from '../../hub/source.resolver.js';
import { pnrrNodes, pnrrSearch, pnrrTimeline } from './dossier.js';
import { PnrrBody } from './body.entity.js';
import { Claim } from './claim.entity.js';
import { ClaimResolver } from './claim.resolver.js';
import { ComunePnrrResolver, ComunePnrrSectionResolver } from './comune-pnrr.resolver.js';
import {
  PnrrBodyFieldsResolver,
  PnrrGrantFieldsResolver,
  PnrrMeasureAmountResolver,
  PnrrNoticeFieldsResolver,
  PnrrProjectFieldsResolver,
  PnrrProjectLocationFieldsResolver,
} from './fields.resolver.js';
import { PnrrFramework, PnrrImplementation } from './framework.entity.js';
import { PnrrGrant, PnrrGrantSnapshot } from './grant.entity.js';
import { PnrrComuneKpi } from './kpi.entity.js';
import { PnrrMeasure, PnrrNotice } from './measure.entity.js';
import { grantsImporter, snapshotImporter } from './pnrr.import.js';
import { PnrrResolver } from './pnrr.resolver.js';
import { pnrrExports, pnrrWideColumns } from './pnrr.exports.js';
import { pnrrSeed } from './pnrr.seed.js';
import { PnrrProject, PnrrProjectLocation } from './project.entity.js';

/** PNRR digital measures: PA digitale 2026 grants, Italia Domani projects, press claims. */
export const pnrr = {
  name: 'pnrr',
  entities: [
    PnrrMeasure,
    PnrrNotice,
    PnrrBody,
    PnrrGrant,
    PnrrGrantSnapshot,
    PnrrComuneKpi,
    PnrrProject,
    PnrrProjectLocation,
    Claim,
    PnrrFramework,
    PnrrImplementation,
  ],
  resolvers: [
    PnrrResolver,
    ClaimResolver,
    ComunePnrrResolver,
    ComunePnrrSectionResolver,
    PnrrGrantFieldsResolver,
    PnrrBodyFieldsResolver,
    PnrrNoticeFieldsResolver,
    PnrrMeasureAmountResolver,
    PnrrProjectFieldsResolver,
    PnrrProjectLocationFieldsResolver,
    sourceResolverFor(PnrrMeasure),
    sourceResolverFor(PnrrNotice),
    sourceResolverFor(PnrrBody),
    sourceResolverFor(PnrrGrant),
    sourceResolverFor(PnrrProject),
    sourceResolverFor(PnrrProjectLocation),
    sourceResolverFor(Claim),
    sourceResolverFor(PnrrFramework),
    sourceResolverFor(PnrrImplementation),
  ],
  seed: pnrrSeed,
  importers: { 'pnrr-grants': grantsImporter, 'pnrr-grants-snapshot': snapshotImporter },
  exports: pnrrExports,
  wideColumns: pnrrWideColumns,
  nodes: pnrrNodes,
  timeline: pnrrTimeline,
  search: pnrrSearch,
} satisfies Domain;
