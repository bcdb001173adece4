import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { RequestBudget, type BudgetLimits } from '../../common/budget.js';
import type { HubContext } from '../../common/context.js';
import { checkArguments } from './arguments.js';
import { costEstimator, estimateCost, MAX_ESTIMATED_NODES } from './cost.js';
import { limitError } from './errors.js';
import { httpStatusOf } from '../../common/http-errors.js';

/** The per-request limits that run inside Apollo's pipeline. */
export interface RequestLimits {
  /** Largest estimated cost of an operation (HUB_MAX_COST). */
  maxCost: number;
  /** What a request may spend while it runs. */
  budget: BudgetLimits;
}

/**
 * The request limits of the GraphQL pipeline, after parsing and validation:
 * 1. every string argument is checked (no NUL, not too long: {@link checkArguments});
 * 2. the operation's cost is estimated with its variables ({@link costEstimator}) and an
 *    operation over `maxCost` is refused: nothing has run, no SQL was sent;
 * 3. while it runs, the request has a {@link RequestBudget} (rows, time); a request that
 *    spends it answers with that error alone (no partial data) and HTTP 400 (503 for time:
 *    the status of BUDGET_EXCEEDED in common/http-errors.ts);
 * 4. a response larger than the byte budget is replaced by that error (HTTP 400).
 * Every refusal carries `extensions.code` and `extensions.limit`.
 */
export function limitsPlugin(
  schema: GraphQLSchema,
  limits: RequestLimits,
): ApolloServerPlugin<HubContext> {
  const estimator = costEstimator(schema);
  return {
    async requestDidStart({ contextValue }) {
      // A fresh budget per request (a caller of executeOperation may bring its own).
      contextValue.budget ??= new RequestBudget(limits.budget);
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          // Variables that do not coerce: the executor refuses them before any resolver runs.
          if (
            getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {})
              .errors
          )
            return;
          checkArguments(schema, document, operation, request.variables);
          let cost: number;
          try {
            cost = estimateCost(
              schema,
              estimator,
              document,
              operation.name?.value,
              request.variables,
            );
          } catch {
            throw limitError(
              'GRAPHQL_VALIDATION_FAILED',
              'cost',
              `The operation's cost cannot be estimated within ${MAX_ESTIMATED_NODES} selections (fragments spread inside fragments?): refused.`,
              { max: limits.maxCost },
            );
          }
          if (cost > limits.maxCost)
            throw limitError(
              'GRAPHQL_VALIDATION_FAILED',
              'cost',
              `Query cost limit of ${limits.maxCost} (HUB_MAX_COST) exceeded, estimated ${cost}: lists count at the size asked for (first) or at their cap; ask for smaller pages or fewer nested lists.`,
              { cost, max: limits.maxCost },
            );
        },
        async willSendResponse({ response, contextValue: ctx }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const spent = ctx.budget?.exceeded;
          if (spent) {
            const error: GraphQLFormattedError = result.errors?.find(
              (e) => e.extensions?.code === 'BUDGET_EXCEEDED',
            ) ?? { message: spent.message, extensions: { ...spent.extensions } };
            response.body.singleResult = { errors: [{ ...error, path: undefined }] };
            response.http.status = httpStatusOf('BUDGET_EXCEEDED', spent.extensions);
            return;
          }
          const bytes = Buffer.byteLength(JSON.stringify(result));
          if (bytes > limits.budget.responseBytes) {
            response.body.singleResult = {
              errors: [
                {
                  message: `The response would be ${bytes} bytes, more than ${limits.budget.responseBytes} (HUB_MAX_RESPONSE_BYTES); ask for smaller pages or fewer fields, or use the bulk exports.`,
                  extensions: {
                    code: 'BUDGET_EXCEEDED',
                    limit: 'responseBytes',
                    max: limits.budget.responseBytes,
                  },
                },
              ],
            };
            response.http.status = httpStatusOf('BUDGET_EXCEEDED', { limit: 'responseBytes' });
          }
        },
      };
    },
  };
}
