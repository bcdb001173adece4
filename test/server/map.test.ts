import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let browser: Browser;

/** Where the screenshots are written (kept after the run for a person to look at). */
const SHOTS = join(tmpdir(), 'cremasco-hub-map');

/** The comuni of the province, from the raw ISTAT summary the hub seeds from. */
const comuni: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/comuni_cr_summary.csv'),
  { columns: true },
);

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
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await http?.close();
});

/** Distinct colours in a PNG, counted by Chromium itself (a canvas on a blank page). */
async function colours(png: Buffer): Promise<number> {
  const blank = await browser.newPage();
  try {
    // A string: the test's own TypeScript has no DOM types.
    return await blank.evaluate<number>(`(async () => {
      const img = new Image();
      img.src = ${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)};
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    })()`);
  } finally {
    await blank.close();
  }
}

it('draws the 113 comuni as a choropleth with a legend, from the hub alone, in Chromium', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const outside: string[] = [];
  const failed: string[] = [];
  const pageErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.toString());
    return route.abort();
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${http.base}/map`);

  // The wide table is open data: the page draws it with no key.
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  expect(await page.locator('#key-form:not([hidden])').count()).toBe(0);

  const paths = page.locator('#map path.comune');
  expect(await paths.count()).toBe(comuni.length);
  expect(comuni.length).toBe(113);
  const codes = await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-istat')));
  expect(new Set(codes)).toEqual(new Set(comuni.map((c) => c.com_istat_code)));
  // Shapes, not dots: every path has a real outline.
  const lengths = await paths.evaluateAll((ps) =>
    ps.map((p) => (p.getAttribute('d') ?? '').length),
  );
  expect(Math.min(...lengths)).toBeGreaterThan(50);
  // A choropleth: several fills, and a legend with one entry per class plus "unknown".
  const fills = await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  expect(new Set(fills).size).toBeGreaterThanOrEqual(3);
  const legend = page.locator('#legend .legend-entry');
  expect(await legend.count()).toBeGreaterThanOrEqual(3);
  expect(await page.textContent('#legend')).toMatch(/unknown/);
  expect(await page.inputValue('#indicator')).toBe('pnrr_total_eur_per_resident');
  // Source and licence of what is shown, and the matching exports.
  const sources = (await page.textContent('#source-list')) ?? '';
  expect(sources).toMatch(/PA digitale 2026.*CC-BY-4\.0/s);
  expect(sources).toMatch(/ISTAT.*CC-BY-3\.0-IT/s);
  expect(await page.textContent('#citation')).toMatch(/Consorzio\.IT Cremasco data hub/);
  const downloads = await page
    .locator('#download-list a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(downloads).toContain('/export/comuni.csv');

  const file = join(SHOTS, 'map.png');
  const png = await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(20_000);
  expect(await colours(png)).toBeGreaterThan(20);

  // A click opens the comune's dossier, fetched through GraphQL.
  await page.locator('#map path[data-istat="019035"]').click();
  await page.waitForSelector('#dossier dl', { timeout: 30_000 });
  const dossier = (await page.textContent('#dossier')) ?? '';
  expect(dossier).toMatch(/Crema \(019035\)/);
  const crema = comuni.find((c) => c.com_istat_code === '019035')!;
  expect(dossier).toContain(Number(crema.pop_res_2021).toLocaleString('en-GB'));

  // A grouping: its members coloured, the others greyed, the export link restricted to it.
  const members = parse(
    await (await fetch(`${http.base}/export/comuni.csv?territory=consorzio-it`)).text(),
    { columns: true },
  ).length;
  await page.selectOption('#grouping', 'consorzio-it');
  await page.selectOption('#indicator', 'hazard_flood_p3_residents');
  expect(await page.locator('#map path.outside').count()).toBe(113 - members);
  expect(await page.locator('#download-list a').first().getAttribute('href')).toBe(
    '/export/comuni.csv?territory=consorzio-it',
  );
  expect(await page.textContent('#source-list')).toMatch(/ISPRA/);
  await page.screenshot({ path: join(SHOTS, 'map-consorzio-it.png') });

  expect(outside).toEqual([]);
  // Nothing was refused: no key was needed.
  expect(failed.filter((f) => !f.endsWith('/favicon.ico'))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
