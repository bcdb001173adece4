import type { Domain } from '../common/domain.js';
import { AccessLogEntry } from './model/access-log.entity.js';
import { AccessLogResolver, ChangeLogResolver } from './api/audit.resolver.js';
import { ApiKey } from './model/api-key.entity.js';
import { ChangeLogEntry } from './model/change-log.entity.js';
import { ViewerResolver } from './api/viewer.js';

/**
 * Access control: API keys and their roles, the change log and the access log (entities), and
 * `viewer`, `changes`, `accessLog` (resolvers). Registered in src/schema.ts like a domain.
 */
export const access = {
  name: 'access',
  entities: [ApiKey, ChangeLogEntry, AccessLogEntry],
  resolvers: [ViewerResolver, ChangeLogResolver, AccessLogResolver],
} satisfies Domain;
