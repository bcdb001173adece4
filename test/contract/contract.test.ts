import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { execFile } from 'node:child_process';
import { get } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema.js';
import { checkContract, deprecationProblem } from '../../src/tools/contract-rules.js';
import { startTestHttp } from '../support/hub.js';

const run = promisify(execFile);
let dir: string;
let released: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-contract-'));
  released = await readFile('schema/released.graphql', 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `npm run check:contract`'s program on the given files; exit code and output. */
async function checkCli(files: { schema: string; changelog: string }) {
  const schema = join(dir, 'schema.graphql');
  const changelog = join(dir, 'CHANGELOG.md');
  await writeFile(schema, files.schema);
  await writeFile(changelog, files.changelog);
  const args = ['--import', 'tsx', 'src/tools/contract.ts', 'check'];
  try {
    const r = await run(process.execPath, [...args, '--schema', schema, '--changelog', changelog]);
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

/** The same rules in-process (cheaper than a child process): exit code and output. */
async function check(files: { schema: string; changelog: string }) {
  const r = await checkContract({ released, current: files.schema, changelog: files.changelog });
  const breaking = r.changes.filter((c) => c.level === 'BREAKING').length;
  const out = [...r.problems, ...r.warnings, `${r.changes.length} change(s), ${breaking} breaking`];
  return { code: r.problems.length ? 1 : 0, out: out.join('\n') };
}

const HEAD = '# Changelog\n\n## Unreleased\n\n';
const TAIL = '\n## 0.1.0 – 2026-11-29\n\nBaseline.\n';

/** The released schema with `Comune.areaKm2` removed: a breaking change. */
const withoutArea = () => {
  const planted = released.replace(
    /\n {2}"""Area in km² computed from the boundary \(spherical area\)\."""\n {2}areaKm2: Float\n/,
    '\n',
  );
  expect(planted).not.toBe(released);
  expect(() => buildSchema(planted)).not.toThrow();
  return planted;
};

describe('the contract check (npm run check:contract)', () => {
  it('passes on the repository as committed', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/tools/contract.ts', 'check']);
    expect(r.stdout).toMatch(/recorded in CHANGELOG\.md/);
  });

  it('fails on a planted breaking change, naming it, and passes once it is recorded', async () => {
    const schema = withoutArea();
    const failed = await checkCli({ schema, changelog: HEAD + TAIL });
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/breaking change not recorded.*`Comune\.areaKm2`/);
    expect(failed.out).toMatch(/Field 'areaKm2' was removed from object type 'Comune'/);

    // Recorded somewhere else than under Unreleased → Breaking does not count.
    const elsewhere = await check({
      schema,
      changelog: `${HEAD}### Added\n\n- \`Comune.areaKm2\`: gone.\n${TAIL}`,
    });
    expect(elsewhere.code).toBe(1);

    const recorded = await checkCli({
      schema,
      changelog: `${HEAD}### Breaking\n\n- \`Comune.areaKm2\`: removed; compute it from \`Comune.boundary\`.\n${TAIL}`,
    });
    expect(recorded.out).toMatch(/1 breaking/);
    expect(recorded.code).toBe(0);
  });

  it('fails without an Unreleased section to record a breaking change in', async () => {
    const r = await check({ schema: withoutArea(), changelog: '# Changelog\n' + TAIL });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no "## Unreleased" section/);
  });

  it('passes additive changes without a changelog entry', async () => {
    const schema = released.replace(
      /\n {2}areaKm2: Float\n/,
      '\n  areaKm2: Float\n\n  """A new field."""\n  newField: String\n',
    );
    const r = await check({ schema, changelog: HEAD + TAIL });
    expect(r.out).toMatch(/change\(s\), 0 breaking/);
    expect(r.code).toBe(0);
  });

  it('wants every deprecation recorded, with a reason and a date', async () => {
    const deprecate = (reason: string) =>
      released.replace(
        /\n {2}cadastralCode: String!\n/,
        `\n  cadastralCode: String! @deprecated(reason: ${JSON.stringify(reason)})\n`,
      );
    const noDate = await check({
      schema: deprecate('Use belfioreCode.'),
      changelog: `${HEAD}### Deprecated\n\n- \`Comune.cadastralCode\`: use \`belfioreCode\`.\n${TAIL}`,
    });
    expect(noDate.code).toBe(1);
    expect(noDate.out).toMatch(/`Comune\.cadastralCode` is deprecated but reason .* has no date/);

    const good = deprecate('Use belfioreCode instead. Deprecated since 2026-11-29.');
    const unrecorded = await check({ schema: good, changelog: HEAD + TAIL });
    expect(unrecorded.code).toBe(1);
    expect(unrecorded.out).toMatch(/deprecation not recorded.*`Comune\.cadastralCode`/);

    const ok = await check({
      schema: good,
      changelog: `${HEAD}### Deprecated\n\n- \`Comune.cadastralCode\`: use \`belfioreCode\`.\n${TAIL}`,
    });
    expect(ok.code).toBe(0);
  });

  it('reads deprecation reasons strictly', () => {
    expect(deprecationProblem('No longer supported')).toMatch(/no reason/);
    expect(deprecationProblem('')).toMatch(/no reason/);
    expect(deprecationProblem('Use X instead.')).toMatch(/no date/);
    expect(deprecationProblem('since 2026-11-29')).toMatch(/only the date/);
    expect(deprecationProblem('Use X instead, since 2026-02-30.')).toMatch(/invalid date/);
    expect(deprecationProblem('Use `Comune.area` instead. Deprecated since 2026-11-29.')).toBe(
      null,
    );
  });
});

describe('GET /schema.graphql', () => {
  let http: Awaited<ReturnType<typeof startTestHttp>>;
  beforeAll(async () => {
    http = await startTestHttp();
  });
  afterAll(() => http?.close());

  it('serves the committed SDL, which is the running schema, with revalidation', async () => {
    const res = await fetch(`${http.base}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const body = await res.text();
    expect(body).toBe(await readFile('schema/schema.graphql', 'utf8'));
    expect(body).toBe(printSchema(lexicographicSortSchema(await createSchema())) + '\n');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to conditional requests.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      get(`${http.base}/schema.graphql`, { headers: { 'if-none-match': etag! } }, (r) => {
        r.resume();
        resolve(r.statusCode);
      }).on('error', reject),
    );
    expect(status).toBe(304);
  });
});
