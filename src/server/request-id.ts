import type { Request, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';

/** The ids of one request: the hub's own, and the one the client sent if it was usable. */
export interface RequestIds {
  /** Made by the hub (UUID v4), unique; returned in the `x-request-id` response header. */
  requestId: string;
  /** The client's `x-request-id`, kept apart: at most 128 printable ASCII characters, else null. */
  clientRequestId: string | null;
}

/** Longest client request id kept (longer ones are dropped, not cut). */
export const CLIENT_REQUEST_ID_MAX = 128;

const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * The client's request id when it is usable: one header value of 1–128 printable ASCII
 * characters (after trimming). Anything else (longer, control or non-ASCII characters, the
 * header repeated) is dropped, so it can neither flood the logs nor pass for the hub's id.
 */
export function clientRequestId(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const id = header.trim();
  if (!id || id.length > CLIENT_REQUEST_ID_MAX || !PRINTABLE.test(id)) return null;
  return id;
}

const ids = new WeakMap<Request, RequestIds>();

/**
 * Express middleware, first in the chain: gives the request the hub's own id (returned in
 * `x-request-id`) and keeps the client's id, when usable, as a separate field.
 */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    // Node joins a repeated x-request-id header with ", ": read the raw headers to see it.
    const sent = req.headersDistinct['x-request-id'];
    const value: RequestIds = {
      requestId: randomUUID(),
      clientRequestId: sent?.length === 1 ? clientRequestId(sent[0]) : null,
    };
    ids.set(req, value);
    res.setHeader('x-request-id', value.requestId);
    next();
  };
}

/** The ids {@link requestIds} gave this request (fresh ones if it did not run). */
export function requestIdsOf(req: Request): RequestIds {
  let value = ids.get(req);
  if (!value) {
    value = { requestId: randomUUID(), clientRequestId: null };
    ids.set(req, value);
  }
  return value;
}
