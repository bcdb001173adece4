import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/**
 * The `extensions.code` values of the hub's errors, plus the client's own for failures
 * before a GraphQL answer: NETWORK_ERROR (no connection), TIMEOUT, BAD_RESPONSE (not a
 * GraphQL answer) and HTTP_ERROR (an HTTP error without a code).
 */
export type HubErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_REQUEST'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'BAD_RESPONSE'
  | 'HTTP_ERROR';

/** One GraphQL error as the hub sends it. */
export interface HubGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; [key: string]: unknown };
}

/** A failed request: a code to switch on, the hub's message, and what else is known. */
export class HubClientError extends Error {
  override readonly name = 'HubClientError';
  constructor(
    /** The first error's code (`extensions.code`), or the client's own. */
    readonly code: HubErrorCode | (string & {}),
    message: string,
    readonly details: {
      /** HTTP status, when an answer came. */
      status?: number;
      /** Every GraphQL error of the answer. */
      errors?: HubGraphQLError[];
      /** What the hub could answer despite the errors (null fields where they failed). */
      data?: unknown;
      /** The argument a BAD_USER_INPUT names. */
      argument?: string;
      /** Seconds to wait, for RATE_LIMITED. */
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

/** Options of {@link createHubClient}. */
export interface HubClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** An API key (`Authorization: Bearer …`); public data need none. */
  apiKey?: string;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

/** A typed document: what codegen generates for each operation in `operations/`. */
type Doc<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

/** Variables as a rest argument: omitted when the operation has none. */
type Vars<TVariables> = TVariables extends Record<string, never> ? [] : [variables: TVariables];

/** A GraphQL answer: data (possibly partial) and errors. */
export interface HubResult<TResult> {
  data: TResult | null;
  errors: HubGraphQLError[];
}

/** The client. */
export interface HubClient {
  /** Runs an operation; any error (even beside partial data) throws a {@link HubClientError}. */
  request<TResult, TVariables>(
    document: Doc<TResult, TVariables>,
    ...variables: Vars<TVariables>
  ): Promise<TResult>;
  /**
   * Runs an operation and returns partial data with the errors (e.g. personal fields
   * refused as FORBIDDEN); throws only when no GraphQL answer came.
   */
  execute<TResult, TVariables>(
    document: Doc<TResult, TVariables>,
    ...variables: Vars<TVariables>
  ): Promise<HubResult<TResult>>;
}

const toError = (
  status: number | undefined,
  errors: HubGraphQLError[],
  data: unknown,
  retryAfterHeader?: string | null,
) => {
  const first = errors[0];
  const retry = first?.extensions?.retryAfterSeconds ?? Number(retryAfterHeader ?? NaN);
  const code = first?.extensions?.code ?? 'HTTP_ERROR';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error(s))` : '';
  return new HubClientError(code, `${first?.message ?? `HTTP ${status}`}${more}`, {
    status,
    errors,
    data,
    argument: first?.extensions?.argument,
    retryAfterSeconds: typeof retry === 'number' && retry > 0 ? retry : undefined,
  });
};

/** Creates a client of one hub. */
export function createHubClient(options: HubClientOptions): HubClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function execute<TResult, TVariables>(
    document: Doc<TResult, TVariables>,
    ...[variables]: Vars<TVariables>
  ): Promise<HubResult<TResult>> {
    let res: Response;
    try {
      res = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
      throw new HubClientError(
        timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
        timedOut
          ? `${options.url}: no answer within ${timeoutMs} ms`
          : `${options.url}: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
    let body: { data?: TResult | null; errors?: HubGraphQLError[] };
    try {
      body = (await res.json()) as typeof body;
    } catch (cause) {
      throw new HubClientError(
        res.ok ? 'BAD_RESPONSE' : 'HTTP_ERROR',
        `${options.url}: HTTP ${res.status}, not a GraphQL answer`,
        { status: res.status, cause },
      );
    }
    const errors = body.errors ?? [];
    // No data at all (a refused request: bad query, bad key, rate limit …) throws here.
    if (body.data === undefined || (!res.ok && errors.length))
      throw toError(res.status, errors, body.data ?? null, res.headers.get('retry-after'));
    return { data: body.data, errors };
  }

  return {
    execute,
    async request(document, ...variables) {
      const { data, errors } = await execute(document, ...variables);
      if (errors.length || data == null) throw toError(200, errors, data);
      return data;
    },
  };
}
