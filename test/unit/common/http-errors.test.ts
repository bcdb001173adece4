import { describe, expect, it } from 'vitest';
import type { Response } from 'express';
import {
  badInput,
  conflict,
  HubError,
  notFound,
  type ErrorCode,
} from '../../../src/common/errors.js';
import {
  errorBody,
  HTTP_STATUS,
  httpError,
  httpStatusOf,
  sendError,
} from '../../../src/common/http-errors.js';

/** A Response that records what was answered. */
function recorder() {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const res = {
    set(name: string, value: string) {
      sent.headers[name] = value;
      return res;
    },
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe('HTTP_STATUS: the code decides the status', () => {
  it('maps every code of the hub and of refused requests', () => {
    expect(HTTP_STATUS).toEqual({
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
      BUDGET_EXCEEDED: 400,
      INTERNAL_SERVER_ERROR: 500,
    });
  });

  it('answers 503 for a spent time budget, 400 for the other budgets, 500 for unknown codes', () => {
    expect(httpStatusOf('BUDGET_EXCEEDED', { limit: 'time' })).toBe(503);
    expect(httpStatusOf('BUDGET_EXCEEDED', { limit: 'rows' })).toBe(400);
    expect(httpStatusOf('BUDGET_EXCEEDED', { limit: 'responseBytes' })).toBe(400);
    expect(httpStatusOf('SOMETHING_ELSE')).toBe(500);
    expect(httpStatusOf(undefined)).toBe(500);
  });

  it.each<[ErrorCode, number]>([
    ['BAD_USER_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['RATE_LIMITED', 429],
    ['INTERNAL_SERVER_ERROR', 500],
  ])('gives a HubError coded %s the status %i', (code, status) => {
    expect(httpStatusOf(new HubError(code, 'x').extensions.code)).toBe(status);
  });
});

describe('sendError', () => {
  it('answers a HubError with its status and the GraphQL error shape, extra extensions kept', () => {
    const { res, sent } = recorder();
    sendError(res, badInput('territory', 'must be a code'));
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      errors: [
        {
          message: 'Argument "territory": must be a code',
          extensions: { code: 'BAD_USER_INPUT', argument: 'territory' },
        },
      ],
    });
    const other = recorder();
    sendError(other.res, conflict('taken', { sources: ['a'] }));
    expect(other.sent.status).toBe(409);
    expect(other.sent.body).toEqual({
      errors: [{ message: 'taken', extensions: { code: 'CONFLICT', sources: ['a'] } }],
    });
    const missing = recorder();
    sendError(missing.res, notFound('No export "x.csv"'));
    expect(missing.sent.status).toBe(404);
  });

  it('keeps the `http` extension (Apollo status) inside the hub', () => {
    const error = new HubError('UNAUTHENTICATED', 'bad key', { http: { status: 401 } });
    expect(errorBody(error)).toEqual({
      errors: [{ message: 'bad key', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(error.extensions.http).toEqual({ status: 401 });
  });

  it('asks for a bearer key with a 401 and says when to retry with a 429', () => {
    const unauthenticated = recorder();
    sendError(unauthenticated.res, httpError('UNAUTHENTICATED', 'no key'));
    expect(unauthenticated.sent.status).toBe(401);
    expect(unauthenticated.sent.headers['WWW-Authenticate']).toBe(
      'Bearer realm="cremasco-data-hub"',
    );
    const limited = recorder();
    sendError(
      limited.res,
      httpError('RATE_LIMITED', 'slow down', { limit: 'requests', retryAfterSeconds: 7 }),
    );
    expect(limited.sent.status).toBe(429);
    expect(limited.sent.headers['Retry-After']).toBe('7');
    expect(limited.sent.body).toEqual({
      errors: [
        {
          message: 'slow down',
          extensions: { code: 'RATE_LIMITED', limit: 'requests', retryAfterSeconds: 7 },
        },
      ],
    });
  });

  it('takes a given status only for errors the hub did not make', () => {
    const { res, sent } = recorder();
    sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'), 415);
    expect(sent.status).toBe(415);
    expect(sent.headers).toEqual({});
  });
});
