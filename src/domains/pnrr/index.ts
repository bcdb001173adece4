import type { Domain } from '../../common/domain.js';
import { composeSeeds } from '../../common/seed.js';
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
import {
  ComuneDigitalFacilitationResolver,
  ComuneFacilitationResolver,
} from './facilitation/comune-facilitation.resolver.js';
import { facilitationNodes, facilitationTimeline } from './facilitation/facilitation.dossier.js';
import {
  FacilitationMeetingResolver,
  FacilitationTallyResolver,
} from './facilitation/facilitation.resolver.js';
import { facilitationSeed } from './facilitation/facilitation.seed.js';
import { FacilitationMeeting, FacilitationTally } from './facilitation/meeting.entity.js';

/**
 * PNRR digital measures: PA digitale 2026 grants, Italia Domani projects, press claims, and
 * the digital facilitation (Facilitazione Digitale) sessions.
 */
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
    FacilitationMeeting,
    FacilitationTally,
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
    FacilitationMeetingResolver,
    FacilitationTallyResolver,
    ComuneDigitalFacilitationResolver,
    ComuneFacilitationResolver,
    sourceResolverFor(FacilitationMeeting),
    sourceResolverFor(FacilitationTally),
    sourceResolverFor(PnrrFramework),
    sourceResolverFor(PnrrImplementation),
  ],
  seed: composeSeeds('pnrr', pnrrSeed, facilitationSeed),
  importers: { 'pnrr-grants': grantsImporter, 'pnrr-grants-snapshot': snapshotImporter },
  exports: pnrrExports,
  wideColumns: pnrrWideColumns,
  nodes: { ...pnrrNodes, ...facilitationNodes },
  // Both asked at once: they share the request's read statement (src/common/read.ts).
  timeline: async (ctx, comuni) =>
    (await Promise.all([pnrrTimeline(ctx, comuni), facilitationTimeline(ctx, comuni)])).flat(),
  search: pnrrSearch,
} satisfies Domain;
