import { Connection } from '../../../common/pagination.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrProject } from '../model/project.entity.js';

/** A page of PNRR grants. */
export const PnrrGrantConnection = Connection(PnrrGrant, 'PnrrGrant', 'PA digitale 2026 grants');
/** A page of PNRR projects. */
export const PnrrProjectConnection = Connection(PnrrProject, 'PnrrProject', 'PNRR projects');
