import { print } from 'graphql';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComuneDossierDocument,
  createHubClient,
  HubClientError,
  TypedDocumentString,
} from '../../clients/typescript/src/index.js';
import { newKey, ownPlans } from '../access/support.js';
import { UpdatePlanDocument } from '../generated/graphql.js';
import { currentGrants, money, readSeed } from '../pnrr/csv.js';
import { startChildHub, type ChildHub } from '../support/child-hub.js';
import { startTestHttp } from '../support/hub.js';

const run = promisify(execFile);
const CLIENT = 'clients/typescript';

/** Rows of a CSV file of the repository, by header. */
const readCsv = (path: string): Record<string, string>[] =>
  parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });

/** Runs a program; its exit code and output, whether it succeeded or not. */
async function exec(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(file, args, { env: { ...process.env, ...env }, timeout: 180_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('the typed client and the example partner program, against a live hub', () => {
  let hub: ChildHub;
  beforeAll(async () => {
    hub = await startChildHub();
  });
  afterAll(() => hub?.stop());

  it('regenerates its typed documents from the live hub’s /schema.graphql unchanged', async () => {
    const r = await exec(
      process.execPath,
      ['node_modules/.bin/graphql-codegen', '--config', `${CLIENT}/codegen.ts`, '--check'],
      { HUB_SCHEMA: `${hub.base}/schema.graphql` },
    );
    expect(r.stderr + r.stdout).not.toMatch(/✖|error/i);
    expect(r.code).toBe(0);
  });

  it('compiles (tsc, as `npm run build` does) and the example prints a coverage check and a dossier', async () => {
    const tsc = await exec(process.execPath, [
      'node_modules/typescript/bin/tsc',
      '-p',
      `${CLIENT}/tsconfig.json`,
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);

    // A civic number of Crema listed by Infratel's 2025 mapping, read from the raw file.
    const listed = readCsv(
      'seeds/data/broadband/mappatura2025_civici_non_coperti_300mbps_2028_cr.csv',
    ).filter((r) => r.codice_istat === '019035');
    const plain = listed.filter(
      (r) =>
        /^\d+$/.test(r.civico) &&
        r.civico !== '0' &&
        listed.filter((o) => o.strada === r.strada && o.civico.split('/')[0] === r.civico)
          .length === 1,
    );
    const a = plain[Math.floor(plain.length / 2)];
    const text = `${a.strada.toLowerCase()} ${a.civico}, Crema`;

    const out = await exec(process.execPath, [
      `${CLIENT}/dist/examples/partner.js`,
      '--hub',
      hub.url,
      text,
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe(`Coverage of "${text}"`);
    expect(out.stdout).toContain(`result: LISTED (category ${a.caratteristica})`);
    expect(out.stdout).toMatch(/source: .*Infratel/i);
    expect(out.stdout).not.toMatch(/SYNTHETIC/);

    // The dossier: figures computed from the seed files.
    const crema = readSeed('hub/comuni_cr_summary.csv').find((r) => r.com_istat_code === '019035')!;
    expect(out.stdout).toContain('Dossier of Crema (019035)');
    expect(out.stdout).toContain(`residents 2021: ${crema.pop_res_2021};`);
    expect(out.stdout).toContain(`${listed.length} civic numbers left below 300 Mbit/s by 2028`);
    const grants = currentGrants().filter(
      (g) => g.kind === 'COMUNE' && g.comune === '019035' && g.status !== 'R',
    );
    const total = money(grants.reduce((s, g) => s + g.cents, 0n));
    const m = /PNRR \(PA digitale 2026\): ([\d,]+\.\d\d) EUR in (\d+) grants/.exec(out.stdout);
    expect(m?.[1].replaceAll(',', '')).toBe(total);
    expect(Number(m?.[2])).toBe(grants.length);
    expect(out.stdout).toMatch(/^ {2}sources:$/m);
  });

  it('the example reports the hub’s coded errors', async () => {
    const bad = await exec(process.execPath, [
      `${CLIENT}/dist/examples/partner.js`,
      '--hub',
      hub.url,
      '--comune',
      '19035',
      'via roma 1 crema',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/The hub said BAD_USER_INPUT \(argument "istatCode"\)/);

    const down = await exec(process.execPath, [
      `${CLIENT}/dist/examples/partner.js`,
      '--hub',
      'http://127.0.0.1:9/graphql',
      'via roma 1 crema',
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/The hub said NETWORK_ERROR/);
  });
});

describe('the client’s errors', () => {
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  let dropPlans: () => Promise<void>;
  // A plan of this file only (a comune outside the seeded 22), with an officer.
  const OWN = '019005';
  beforeAll(async () => {
    http = await startTestHttp({ HUB_RATE_ANONYMOUS: '3', HUB_RATE_WINDOW_SECONDS: '600' });
    dropPlans = await ownPlans(http.orm, [OWN]);
    const admin = await newKey(http.orm, { role: 'ADMIN' });
    const set = await createHubClient({
      url: `${http.base}/graphql`,
      apiKey: admin.secret,
    }).execute(
      new TypedDocumentString<unknown, Record<string, unknown>>(print(UpdatePlanDocument)),
      { istatCode: OWN, expectedVersion: 1, input: { officer: { name: 'Test Officer' } } },
    );
    expect(set.errors).toEqual([]);
  });
  afterAll(async () => {
    await dropPlans?.();
    await http?.close();
  });

  it('names a bad argument, a refused key, partial data and the rate limit', async () => {
    const key = await newKey(http.orm, { role: 'PARTNER' });
    expect(key.secret).toMatch(/^cdh_/);
    const client = createHubClient({ url: `${http.base}/graphql`, apiKey: key.secret });
    const crema = await client.request(ComuneDossierDocument, { istatCode: '019035' });
    expect(crema.comune?.name).toBe('Crema');

    const bad = await client.request(ComuneDossierDocument, { istatCode: 'x' }).catch((e) => e);
    expect(bad).toBeInstanceOf(HubClientError);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'istatCode' } });

    const refused = createHubClient({ url: `${http.base}/graphql`, apiKey: 'cdh_not-a-key' });
    const e401 = await refused
      .request(ComuneDossierDocument, { istatCode: '019035' })
      .catch((e) => e);
    expect(e401).toMatchObject({ code: 'UNAUTHENTICATED', details: { status: 401 } });

    // Personal data with a PARTNER key: a null field and a FORBIDDEN error beside the data.
    const people = new TypedDocumentString<
      { comune: { name: string; civilProtectionPlan: { officer: { name: string | null } } } },
      Record<string, never>
    >(`query P { comune(istatCode: "${OWN}") { name civilProtectionPlan { officer { name } } } }`);
    const partial = await client.execute(people);
    expect(partial.data?.comune.civilProtectionPlan.officer.name).toBeNull();
    expect(partial.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const strict = await client.request(people).catch((e) => e);
    expect(strict).toMatchObject({ code: 'FORBIDDEN', details: { data: partial.data } });

    const anonymous = createHubClient({ url: `${http.base}/graphql` });
    let limited: unknown;
    for (let i = 0; i < 5 && !limited; i++)
      limited = await anonymous.request(ComuneDossierDocument, { istatCode: '019035' }).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { status: 429 } });
    expect((limited as HubClientError).details.retryAfterSeconds).toBeGreaterThan(0);
  });
});
