import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChildHub, type ChildHub } from '../support/child-hub.js';

let hub: ChildHub;
beforeAll(async () => {
  hub = await startChildHub();
});
afterAll(() => hub?.stop());

it('serves the map page, its bundled script and open downloads from the real entry point (npm start)', async () => {
  const page = await fetch(`${hub.base}/map`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  expect(await page.text()).toContain('<script src="/map/map.js">');
  // esbuild bundles d3 from node_modules under the tsx loader as under vitest.
  const script = await fetch(`${hub.base}/map/map.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  const text = await script.text();
  expect(text.length).toBeGreaterThan(20_000);
  expect(text).not.toMatch(/\bimport\s*\{|from\s*["']d3-/);
  expect((await fetch(`${hub.base}/export/pnrr-grants.csv`)).status).toBe(200);
  expect((await fetch(`${hub.base}/export/comuni.csv`)).status).toBe(200);
  expect(hub.log.join('\n')).toContain(`${hub.base}/map`);
});
