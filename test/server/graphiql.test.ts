import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

it('serves GraphiQL from the hub itself, opens with examples and runs one in Chromium', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.toString());
    return route.abort();
  });
  await page.goto(`${http.base}/graphql`);
  await page.waitForSelector('.graphiql-container');
  const tabs = await page.locator('.graphiql-tab').allTextContents();
  expect(tabs.join('|')).toMatch(/ComuneCrema/);
  expect(tabs.join('|')).toMatch(/AreaOmogeneaCremasca/);
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window');
  await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/"019035"/);
  expect(await result.textContent()).toMatch(/"name": "Crema"/);
  expect(outside).toEqual([]);
  await page.goto(`${http.base}/graphiql`);
  await page.waitForSelector('.graphiql-container');
});
