import { AccessLogEntry } from './access-log.entity.js';
import { AccessLogResolver, ChangeLogResolver } from './access.resolver.js';
import { ApiKey } from './api-key.entity.js';
import { ChangeLogEntry } from './change-log.entity.js';
import { ViewerResolver } from './viewer.js';

/** Entities of access control (API keys, change log, access log), part of the hub. */
export const accessEntities = [ApiKey, ChangeLogEntry, AccessLogEntry] as const;

/** Resolvers of access control: `viewer`, `changes`, `accessLog`. */
export const accessResolvers = [ViewerResolver, ChangeLogResolver, AccessLogResolver] as const;
