import { GraphQLError } from 'graphql';

/** The codes a client can rely on in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'BUDGET_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

/** The one error type of the hub: a message for people and a code for programs. */
export class HubError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** A bad argument: names the argument and the accepted form. */
export function badInput(argument: string, message: string): HubError {
  return new HubError('BAD_USER_INPUT', `Argument "${argument}": ${message}`, { argument });
}

export const forbidden = (message: string) => new HubError('FORBIDDEN', message);
export const unauthenticated = (message: string) => new HubError('UNAUTHENTICATED', message);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new HubError('CONFLICT', message, extra);
export const notFound = (message: string) => new HubError('NOT_FOUND', message);
