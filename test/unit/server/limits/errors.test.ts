import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../../src/common/http-errors.js';
import { limitError, limitRefusal } from '../../../../src/server/limits/errors.js';

describe('limit refusals take their status from the one table', () => {
  it('gives Apollo the status of the code (stripped from the response)', () => {
    expect(
      limitError('GRAPHQL_VALIDATION_FAILED', 'cost', 'too costly', { max: 1 }).extensions,
    ).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 1, http: { status: 400 } });
    expect(limitError('BUDGET_EXCEEDED', 'time', 'too slow').extensions.http).toEqual({
      status: 503,
    });
  });

  it('answers outside Apollo with code and limit first', () => {
    expect(errorBody(limitRefusal('PAYLOAD_TOO_LARGE', 'bodySize', 'too big'))).toEqual({
      errors: [
        { message: 'too big', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'bodySize' } },
      ],
    });
  });
});
