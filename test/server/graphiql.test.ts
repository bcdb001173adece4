import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readExamples } from '../../src/server/graphiql.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let browser: Browser;

beforeAll(async () => {
  http = await startTestHttp({ NODE_ENV: 'production' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await http?.close();
});

it('serves GraphiQL from the hub itself, opens with the examples, runs one and builds a query in the explorer, all in Chromium', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  const failed: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.toString());
    return route.abort();
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${http.base}/graphql`);
  await page.waitForSelector('.graphiql-container');
  const tabs = (await page.locator('.graphiql-tab').allTextContents()).join('|');
  for (const e of readExamples()) expect(tabs).toContain(e.name);
  expect(readExamples()[0].name).toBe('ComuneCrema');
  // Each tab opens with its documentation.
  expect(await page.locator('.graphiql-query-editor').innerText()).toMatch(/# For: /);
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window');
  await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/"019035"/);
  expect(await result.textContent()).toMatch(/"name": "Crema"/);

  // The query builder: a new tab, the explorer, a click on a root field, run.
  await page.locator('.graphiql-tab-add').click();
  await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
  await page.waitForSelector('.graphiql-explorer-root');
  await page.locator('.graphiql-explorer-measures > span').first().click();
  await expect
    .poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 20_000 })
    .toMatch(/query MyQuery \{\s*\d*\s*measures/);
  await page.locator('.graphiql-execute-button').click();
  await expect
    .poll(() => result.textContent(), { timeout: 20_000 })
    .toMatch(/"measures": \[\s*\{\s*"id": "/);

  expect(outside).toEqual([]);
  expect(failed.filter((f) => !f.endsWith('/favicon.ico'))).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.goto(`${http.base}/graphiql`);
  await page.waitForSelector('.graphiql-container');
});
