import { parse, validate } from 'graphql';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema.js';
import { readExamples } from '../../src/server/graphiql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

describe('the GraphiQL examples (src/server/graphiql-examples/)', () => {
  const examples = readExamples();

  it('offer a tab for each user: the dossier, the coverage check, summaries by grouping, hazards, the timeline', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'Dossier',
        'CoverageCheck',
        'SummariesByGrouping',
        'Hazards',
        'Timeline',
      ]),
    );
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
    for (const e of examples) {
      expect(e.title.length, e.file).toBeGreaterThan(10);
      expect(e.description.length, e.file).toBeGreaterThan(40);
    }
  });

  it.each(examples.map((e) => [e.file, e] as const))(
    '%s is valid against the schema and answers without errors on the seed data',
    async (_file, e) => {
      expect(validate(await createSchema(), parse(e.query))).toEqual([]);
      const r = await hub.run<Record<string, unknown>, Record<string, never>>(e.query);
      expect(r.errors).toBeUndefined();
      for (const [field, value] of Object.entries(r.data!))
        expect(value, `${e.name}: ${field}`).not.toBeNull();
    },
  );

  it('refuses an example without its documentation or its operation name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-examples-'));
    try {
      await writeFile(
        join(dir, '01-ok.graphql'),
        '# A title\n# For: testers\n# Shows it.\nquery Ok { measures { code } }\n',
      );
      expect(readExamples(dir).map((e) => [e.name, e.audience])).toEqual([['Ok', 'testers']]);
      await writeFile(join(dir, '02-bare.graphql'), 'query Bare { measures { code } }\n');
      expect(() => readExamples(dir)).toThrow(/02-bare\.graphql: an example opens with/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
