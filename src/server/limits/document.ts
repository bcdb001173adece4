import type { RequestHandler } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { sendError } from '../../common/http-errors.js';
import { limitRefusal, type LimitName } from './errors.js';

/**
 * Deepest nesting of brackets a document may have (at least twice HUB_MAX_DEPTH): a
 * selection 12 deep with nested input objects stays far below; the parser's recursion
 * overflows near 3,000.
 */
export const MAX_NESTING = 64;

/** Limits of a GraphQL document's text, checked before it is parsed. */
export interface DocumentLimits {
  /** Most tokens (punctuators, names, values; comments excluded). */
  maxTokens: number;
  /** Most nested brackets (`{`, `[`, `(` together) at any point. */
  maxNesting: number;
}

/** What is wrong with a document's text, if anything. */
export interface DocumentRefusal {
  limit: LimitName;
  message: string;
  max: number;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Scans a document with graphql-js's own lexer (iterative: no recursion, strings and
 * comments handled as the parser will) and stops at the first limit passed. The parser is
 * recursive, so about 3,000 nested `[` overflow its stack before its token limit applies:
 * this runs first. A lexical error is left to the parser, which reports it with its position.
 */
export function scanDocument(text: string, limits: DocumentLimits): DocumentRefusal | null {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > limits.maxTokens)
        return {
          limit: 'tokens',
          max: limits.maxTokens,
          message: `Document has more than ${limits.maxTokens} tokens (HUB_MAX_TOKENS); parsing refused.`,
        };
      if (OPENING.has(token.kind) && ++nesting > limits.maxNesting)
        return {
          limit: 'nesting',
          max: limits.maxNesting,
          message: `Document nests brackets more than ${limits.maxNesting} deep (line ${token.line}, column ${token.column}); parsing refused.`,
        };
      if (CLOSING.has(token.kind)) nesting = Math.max(0, nesting - 1);
    }
  } catch (e) {
    if (e instanceof GraphQLError) return null;
    throw e;
  }
  return null;
}

/**
 * Express middleware in front of Apollo on /graphql: one operation per request (an array is
 * batching, refused), and the document's text within {@link DocumentLimits}. Refusals are
 * HTTP 400 with `extensions.code` and `extensions.limit`; nothing is parsed or executed.
 */
export function documentGuard(limits: DocumentLimits): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST' && Array.isArray(req.body))
      return sendError(
        res,
        limitRefusal(
          'BAD_REQUEST',
          'batching',
          'Batched requests (a JSON array of operations) are not accepted: send one operation per request.',
        ),
      );
    const query: unknown =
      req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const refusal = scanDocument(query, limits);
    if (!refusal) return next();
    sendError(
      res,
      limitRefusal('GRAPHQL_PARSE_FAILED', refusal.limit, refusal.message, { max: refusal.max }),
    );
  };
}
