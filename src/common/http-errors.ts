import type { Response } from 'express';
import type { ErrorCode } from './errors.js';

/**
 * Codes of refused requests besides the hub's own {@link ErrorCode}s: Apollo's (a document
 * that does not parse or validate) and the transport's (a malformed or oversized request).
 */
export type RequestErrorCode =
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'REQUEST_HEADER_FIELDS_TOO_LARGE';

/** Every code the hub answers with over HTTP (`extensions.code`). */
export type HttpErrorCode = ErrorCode | RequestErrorCode;

/**
 * The one mapping from an error's code to its HTTP status: the code decides the status,
 * wherever the error is answered (Express routes, the raw HTTP server, Apollo's pipeline
 * through `extensions.http`). A request stopped by its time budget is the one exception:
 * see {@link httpStatusOf}.
 */
export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = Object.freeze({
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  /** Too much asked (rows, response bytes): the client can ask for less. */
  BUDGET_EXCEEDED: 400,
  INTERNAL_SERVER_ERROR: 500,
});

/**
 * The HTTP status of an error: {@link HTTP_STATUS} of its code (500 for a code it does not
 * know), except BUDGET_EXCEEDED with `limit: "time"`, which is 503 (the hub ran out of
 * time, not the client out of rights).
 */
export function httpStatusOf(code: unknown, extensions: { limit?: unknown } = {}): number {
  if (code === 'BUDGET_EXCEEDED' && extensions.limit === 'time') return 503;
  return (typeof code === 'string' && HTTP_STATUS[code as HttpErrorCode]) || 500;
}

/** An error as the hub answers it: a message for people, extensions (`code` first) for programs. */
export interface HttpError {
  readonly message: string;
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** An error to answer over HTTP: `code` first in the extensions, then `extra` (`limit`...). */
export const httpError = (
  code: HttpErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): HttpError => ({ message, extensions: { code, ...extra } });

/** The realm sent with every 401 (`WWW-Authenticate: Bearer realm="…"`). */
export const AUTH_REALM = 'cremasco-data-hub';

/**
 * The JSON body of an error outside GraphQL, the same shape as a GraphQL error response:
 * `{ errors: [{ message, extensions: { code, …extra } }] }`. The `http` extension (the status
 * Apollo answers with) stays inside the hub.
 */
export function errorBody(error: HttpError) {
  const extensions = { ...error.extensions };
  delete extensions.http;
  return { errors: [{ message: error.message, extensions }] };
}

/**
 * Answers an error outside GraphQL: the status its code decides ({@link httpStatusOf}),
 * `WWW-Authenticate` with a 401, `Retry-After` with a 429 that says when, and
 * {@link errorBody}. Any `HubError` can be passed as it is. `status` is only for errors the
 * hub did not make (a body parser's status).
 */
export function sendError(
  res: Response,
  error: HttpError,
  status = httpStatusOf(error.extensions.code, error.extensions),
): void {
  if (status === 401) res.set('WWW-Authenticate', `Bearer realm="${AUTH_REALM}"`);
  const retry = error.extensions.retryAfterSeconds;
  if (status === 429 && typeof retry === 'number') res.set('Retry-After', String(retry));
  res.status(status).json(errorBody(error));
}
