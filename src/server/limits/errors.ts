import { GraphQLError } from 'graphql';
import {
  httpError,
  httpStatusOf,
  type HttpError,
  type HttpErrorCode,
} from '../../common/http-errors.js';

/**
 * Machine-readable names of the request limits, sent as `extensions.limit` with every
 * refusal so that clients and metrics can tell them apart (the README's Safety section lists
 * each with its default and reason).
 */
export type LimitName =
  | 'bodySize'
  | 'headerSize'
  | 'batching'
  | 'tokens'
  | 'nesting'
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'cost'
  | 'stringLength'
  | 'rows'
  | 'responseBytes'
  | 'time'
  | 'listCap'
  | 'requests'
  | 'authFailures'
  | 'exports';

/**
 * A refusal answered outside GraphQL (Express, raw HTTP): `code` and `limit` in the
 * extensions; `sendError` (common/http-errors.ts) answers it with its code's status.
 */
export const limitRefusal = (
  code: HttpErrorCode,
  limit: LimitName,
  message: string,
  extra: Record<string, unknown> = {},
): HttpError => httpError(code, message, { limit, ...extra });

/**
 * A limit refusal raised inside Apollo's pipeline: `code` and `limit` in the extensions, and
 * the HTTP status of the code (common/http-errors.ts) for Apollo to answer with (it strips
 * `http` from the response).
 */
export function limitError(
  code: HttpErrorCode,
  limit: LimitName,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...extra, http: { status: httpStatusOf(code, { limit }) } },
  });
}
