import { GraphQLError } from 'graphql';

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

/** The body of a refusal, as the hub answers it outside GraphQL (Express, raw HTTP). */
export function limitBody(code: string, limit: LimitName, message: string, extra = {}) {
  return { errors: [{ message, extensions: { code, limit, ...extra } }] };
}

/**
 * A limit refusal raised inside Apollo's pipeline: `code` and `limit` in the extensions, the
 * HTTP status Apollo answers with (it strips `http` from the response).
 */
export function limitError(
  code: string,
  limit: LimitName,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...extra, http: { status } },
  });
}
