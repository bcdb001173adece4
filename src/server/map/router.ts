import { build } from 'esbuild';
import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';
import type { Domain } from '../../common/domain.js';
import { wideColumnDatasets } from '../../composition/exports.js';

/** The browser script of the map (d3-geo, d3-scale, d3-scale-chromatic), bundled at start. */
const ENTRY = fileURLToPath(new URL('./browser/map.js', import.meta.url));

/**
 * Bundles the map's script with esbuild from the npm packages (no CDN): one IIFE, minified.
 * Done once, on the first request.
 */
export async function bundleMapScript(): Promise<string> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: ['es2020'],
    legalComments: 'inline',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cremasco data hub – map of the comuni</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/map/map.css">
</head>
<body>
<header>
  <h1>The comuni of the province of Cremona</h1>
  <label>Indicator <select id="indicator"></select></label>
  <label>Grouping <select id="grouping"><option value="province-cr">Province of Cremona (113)</option></select></label>
</header>
<main>
  <section id="map-pane">
    <div id="status" role="status">Loading the comuni…</div>
    <form id="key-form" hidden>
      <p id="key-reason"></p>
      <label>API key <input id="key" type="password" autocomplete="off"></label>
      <button type="submit">Show the map</button>
    </form>
    <svg id="map" role="img" aria-label="Choropleth map of the comuni"></svg>
    <svg id="legend" role="img" aria-label="Legend"></svg>
  </section>
  <aside>
    <section id="about"><h2 id="indicator-title"></h2><p id="indicator-description"></p></section>
    <section id="dossier"><p>Click a comune for its dossier.</p></section>
    <section id="sources"><h2>Source and licence</h2><ul id="source-list"></ul><p id="citation"></p></section>
    <section id="downloads"><h2>Download</h2><ul id="download-list"></ul></section>
  </aside>
</main>
<script src="/map/map.js"></script>
</body>
</html>`;

const CSS = `
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#222}
header{display:flex;gap:1.5em;align-items:center;flex-wrap:wrap;padding:.5em 1em;background:#f3f4f6;border-bottom:1px solid #ddd}
header h1{font-size:1.1em;margin:0}
select{max-width:28em}
main{display:flex;gap:1em;padding:1em}
#map-pane{flex:1 1 auto;min-width:0}
#map{width:100%;height:70vh;display:block}
#map path{stroke:#fff;stroke-width:.6;cursor:pointer}
#map path.outside{fill:#eee !important;stroke:#ccc}
#map path.selected{stroke:#000;stroke-width:2}
#map path:hover{stroke:#333;stroke-width:1.2}
#legend{width:100%;height:56px;display:block}
#legend text{font-size:11px}
aside{flex:0 0 22em;overflow:auto;max-height:calc(100vh - 6em)}
aside h2{font-size:1em;margin:.8em 0 .3em}
aside ul{padding-left:1.2em;margin:.2em 0}
#citation{font-size:.9em;color:#444;word-break:break-word}
#status{color:#555}
#key-form{background:#fff7e6;border:1px solid #f0c36d;padding:.6em;margin:.5em 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1em .8em;margin:.3em 0}
dt{color:#555}dd{margin:0}
`;

/**
 * The map page: a choropleth of any indicator of the wide table (`/export/comuni.geojson`,
 * the comuni's own boundaries: no tiles, no CDN), a grouping selector, the dossier of a
 * comune on click (GraphQL), the sources and licences of the indicator shown, and links to
 * the matching exports. `/map/indicators.json` says which datasets each column comes from.
 */
export function mapRouter(domains: readonly Domain[]): Router {
  const router = express.Router();
  let script: Promise<string> | undefined;
  const datasets = wideColumnDatasets(domains);
  router.get('/map', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
  });
  router.get('/map/map.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(CSS);
  });
  router.get('/map/map.js', async (_req, res, next) => {
    try {
      script ??= bundleMapScript();
      script.catch(() => (script = undefined));
      res
        .type('application/javascript')
        .set('Cache-Control', 'public, max-age=3600')
        .send(await script);
    } catch (e) {
      next(e);
    }
  });
  router.get('/map/indicators.json', (_req, res) => {
    res.json({ columnDatasets: datasets });
  });
  return router;
}
