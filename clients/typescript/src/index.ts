/**
 * The Cremasco data hub's typed client: {@link createHubClient} and the typed documents
 * of `operations/` (regenerate with `npm run codegen` after adding one).
 */
export {
  createHubClient,
  HubClientError,
  type HubClient,
  type HubClientOptions,
  type HubErrorCode,
  type HubGraphQLError,
  type HubResult,
} from './client.js';
export * from './generated/graphql.js';
