import type { Domain } from '../../common/domain.js';
import { composeSeeds } from '../../common/seed.js';
import { sourceResolverFor } from '../../core/api/source.resolver.js';
import { pnrrNodes, pnrrSearch, pnrrTimeline } from './hooks/dossier.js';
import { PnrrBody } from './model/body.entity.js';
import { Claim } from './model/claim.entity.js';
import { ClaimResolver } from './api/claim.resolver.js';
import { ComunePnrrResolver, ComunePnrrSectionResolver } from './api/comune.resolver.js';
import { PnrrBodyFieldsResolver } from './api/body.resolver.js';
import { PnrrGrantFieldsResolver } from './api/grant.resolver.js';
import { PnrrMeasureAmountResolver } from './api/measure-amount.resolver.js';
import { PnrrNoticeFieldsResolver } from './api/notice.resolver.js';
import { PnrrProjectFieldsResolver } from './api/project.resolver.js';
import { PnrrProjectLocationFieldsResolver } from './api/project-location.resolver.js';
import { PnrrFramework, PnrrImplementation } from './model/framework.entity.js';
import { PnrrGrant, PnrrGrantSnapshot } from './model/grant.entity.js';
import { PnrrComuneKpi } from './model/kpi.entity.js';
import { PnrrMeasure, PnrrNotice } from './model/measure.entity.js';
import { grantsImporter, snapshotImporter } from './ingest/grants.import.js';
import { PnrrResolver } from './api/pnrr.resolver.js';
import { pnrrExports, pnrrWideColumns } from './hooks/exports.js';
import { pnrrSeed } from './ingest/seed.js';
import { PnrrProject, PnrrProjectLocation } from './model/project.entity.js';
import {
  ComuneDigitalFacilitationResolver,
  ComuneFacilitationResolver,
} from './api/comune-facilitation.resolver.js';
import { facilitationNodes, facilitationTimeline } from './hooks/facilitation.dossier.js';
import {
  FacilitationMeetingResolver,
  FacilitationTallyResolver,
} from './api/facilitation.resolver.js';
import { facilitationSeed } from './ingest/facilitation.seed.js';
import { FacilitationMeeting, FacilitationTally } from './model/meeting.entity.js';

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
