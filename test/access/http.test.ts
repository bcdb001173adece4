import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../src/access/keys.js';
import { startTestHttp } from '../support/hub.js';
import { newKey } from './support.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let limited: Http;
beforeAll(async () => {
  http = await startTestHttp();
  // A tiny limit per role, from the environment as the server would read it.
  limited = await startTestHttp({ HUB_RATE_ANONYMOUS: '2', HUB_RATE_PARTNER: '4' });
});
afterAll(async () => {
  await http.close();
  await limited.close();
});

const viewer = { query: '{ viewer { authenticated label role comuni domains } }' };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as {
    errors: { message: string; extensions: { code: string } }[];
  };
  expect(body.errors[0].extensions.code).toBe(code);
  return body.errors[0].message;
}

describe('API keys over HTTP', () => {
  it('serves anonymous callers without a key', async () => {
    const res = await http.post(viewer);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: { viewer: { authenticated: false, label: null, role: null, comuni: [], domains: [] } },
    });
  });

  it('recognises a valid Bearer key', async () => {
    const { secret, key } = await newKey(http.orm, {
      role: 'EDITOR',
      comuni: ['019035'],
      domains: ['pnrr'],
    });
    const res = await http.post(viewer, bearer(secret));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: {
        viewer: {
          authenticated: true,
          label: key.label,
          role: 'EDITOR',
          comuni: ['019035'],
          domains: ['pnrr'],
        },
      },
    });
  });

  it('answers 401 UNAUTHENTICATED for an unknown key, a malformed header and a revoked key', async () => {
    const unknown = await http.post(viewer, bearer('cdh_' + 'x'.repeat(43)));
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await refused(unknown, 401, 'UNAUTHENTICATED')).toMatch(/Unknown or revoked/);
    expect(
      await refused(
        await http.post(viewer, { authorization: 'Basic abc' }),
        401,
        'UNAUTHENTICATED',
      ),
    ).toMatch(/Bearer <key>/);
    const { secret, key } = await newKey(http.orm, { role: 'PARTNER' });
    expect((await http.post(viewer, bearer(secret))).status).toBe(200);
    await revokeApiKey(http.orm.em.fork(), String(key.id));
    await refused(await http.post(viewer, bearer(secret)), 401, 'UNAUTHENTICATED');
  });

  it('a mutation without a key is UNAUTHENTICATED', async () => {
    const res = await http.post({
      query:
        'mutation { updateCivilProtectionPlan(istatCode: "019018", expectedVersion: 1, input: { status: VALIDATED }) { plan { version } } }',
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limits per role', () => {
  it('answers 429 RATE_LIMITED over the anonymous limit, while a PARTNER key still passes', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.post(viewer)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const res = await limited.post(viewer);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused(res, 429, 'RATE_LIMITED')).toMatch(/2 requests per 60 s/);
    const { secret } = await newKey(limited.orm, { role: 'PARTNER' });
    const partner = [];
    for (let i = 0; i < 5; i++) partner.push((await limited.post(viewer, bearer(secret))).status);
    expect(partner).toEqual([200, 200, 200, 200, 429]);
  });
});
