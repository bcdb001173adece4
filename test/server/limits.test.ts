import { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { HubError } from '../../src/common/errors.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { formatError } from '../../src/server/errors.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;

beforeAll(async () => {
  http = await startTestHttp({
    NODE_ENV: 'production',
    HUB_MAX_DEPTH: '4',
    HUB_MAX_ALIASES: '2',
    HUB_MAX_TOKENS: '200',
    HUB_MAX_COST: '300',
    HUB_MAX_DIRECTIVES: '2',
    HUB_BODY_LIMIT: '2kb',
  });
});
afterAll(() => http.close());

async function refused(res: Response, status: number, pattern: RegExp) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { errors: { message: string }[] };
  expect(body.errors[0].message).toMatch(pattern);
}

describe('request limits, each refused with a 4xx and a clear message', () => {
  it('answers a request within the limits', async () => {
    const res = await http.post({ query: '{ comune(istatCode: "019035") { name } }' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { comune: { name: 'Crema' } } });
  });

  it('refuses a query deeper than HUB_MAX_DEPTH', async () => {
    const query = '{ comuni(first: 1) { edges { node { groupings { members { name } } } } } }';
    await refused(await http.post({ query }), 400, /depth limit of 4/i);
  });

  it('refuses too many aliases', async () => {
    const query =
      '{ a: territorialGroupings { code } b: territorialGroupings { code } c: territorialGroupings { code } }';
    await refused(await http.post({ query }), 400, /aliases limit of 2/i);
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: 300 }, () => 'name').join(' ');
    const query = `{ comune(istatCode: "019035") { ${fields} } }`;
    await refused(await http.post({ query }), 400, /more (than|that) 200 tokens/i);
  });

  it('refuses a query costlier than HUB_MAX_COST', async () => {
    const query =
      '{ comuni(first: 100) { edges { node { name istatCode cadastralCode postalCodes areaKm2 } } } }';
    await refused(await http.post({ query }), 400, /cost limit of 300/i);
  });

  it('refuses too many directives', async () => {
    const query =
      '{ comune(istatCode: "019035") { name @include(if: true) istatCode @include(if: true) areaKm2 @skip(if: false) } }';
    await refused(await http.post({ query }), 400, /directives limit of 2/i);
  });

  it('refuses a body larger than HUB_BODY_LIMIT with 413', async () => {
    const query = `{ comune(istatCode: "019035") { name } } # ${'x'.repeat(3000)}`;
    await refused(await http.post({ query }), 413, /larger than the limit of 2kb/);
  });

  it('refuses batched requests', async () => {
    const res = await http.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    await refused(res, 400, /batch/i);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${http.base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    await refused(res, 400, /Cross-Site Request Forgery/);
    const ok = await fetch(`${http.base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses malformed JSON with 400', async () => {
    await refused(await http.post('{"query": '), 400, /not valid JSON/);
  });

  it('keeps introspection on in production (the schema is public)', async () => {
    const res = await http.post({ query: '{ __schema { queryType { name } } }' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('errors', () => {
  it('masks unknown errors outside development and keeps coded ones', () => {
    const production = formatError(false);
    const hidden = production({ message: 'password=secret in SQL' }, new Error('boom'));
    expect(hidden).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const coded = new HubError('NOT_FOUND', 'no such thing');
    expect(
      production({ message: coded.message, extensions: { code: 'NOT_FOUND' } }, coded),
    ).toMatchObject({
      message: 'no such thing',
      extensions: { code: 'NOT_FOUND' },
    });
    const development = formatError(true);
    expect(development({ message: 'boom' }, new GraphQLError('boom')).message).toBe('boom');
  });

  it('bounds every SQL statement with statement_timeout', async () => {
    const orm = await MikroORM.init(ormConfig(inject('databaseUrl'), { statementTimeoutMs: 200 }));
    try {
      const [row] = await orm.em.getConnection().execute('show statement_timeout');
      expect(row.statement_timeout).toBe('200ms');
      await expect(orm.em.getConnection().execute('select pg_sleep(2)')).rejects.toThrow(
        /statement timeout/,
      );
    } finally {
      await orm.close();
    }
  });
});
