import type { HubContext } from './context.js';
import { HubError } from './errors.js';

/** What one request may spend, beside the cost estimated before it runs. */
export interface BudgetLimits {
  /** Rows materialised: list items resolved (and map features), over the whole request. */
  rows: number;
  /** Bytes of the JSON response. */
  responseBytes: number;
  /** Wall time from the start of the request, in milliseconds. */
  timeMs: number;
}

/** Which budget a request ran out of (`extensions.limit`). */
export type BudgetLimit = 'rows' | 'responseBytes' | 'time';

/**
 * The spending of one request. Resolvers of lists charge their rows; every guarded resolver
 * checks the clock. Once spent, every later check throws the same BUDGET_EXCEEDED error, so
 * the execution winds down without starting more work, and the response carries that error
 * alone (see the limits plugin).
 */
export class RequestBudget {
  rows = 0;
  exceeded: HubError | null = null;
  private readonly deadline: number;

  constructor(
    readonly limits: BudgetLimits,
    readonly startedAt = Date.now(),
  ) {
    this.deadline = startedAt + limits.timeMs;
  }

  /** Throws when the budget is spent or the time is up. */
  check(): void {
    if (this.exceeded) throw this.exceeded;
    if (Date.now() > this.deadline)
      this.fail(
        'time',
        `The request ran longer than ${this.limits.timeMs} ms (HUB_MAX_REQUEST_MS) and was stopped; ask for less, or use the bulk exports.`,
        this.limits.timeMs,
      );
  }

  /** Charges `n` rows materialised; throws past the budget. */
  charge(n: number): void {
    this.rows += n;
    if (this.rows > this.limits.rows)
      this.fail(
        'rows',
        `The request materialised more than ${this.limits.rows} rows (HUB_MAX_ROWS) and was stopped; ask for smaller pages, or use the bulk exports.`,
        this.limits.rows,
      );
    this.check();
  }

  /** Records the first budget passed and throws it. */
  fail(limit: BudgetLimit, message: string, max: number): never {
    this.exceeded ??= new HubError('BUDGET_EXCEEDED', message, { limit, max });
    throw this.exceeded;
  }
}

/** Charges rows to the request's budget, when it has one (GraphQL requests do). */
export const chargeRows = (ctx: HubContext, n: number) => ctx.budget?.charge(n);
