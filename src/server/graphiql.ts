import express, { type Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** A file inside an installed npm package (UMD builds are not in the packages' exports). */
const pkgFile = (pkg: string, file: string) =>
  join(dirname(require.resolve(`${pkg}/package.json`)), file);

/** Files served under /graphiql/assets, all from npm packages (no CDN). */
const ASSETS: Record<string, string> = {
  'react.js': pkgFile('react', 'umd/react.production.min.js'),
  'react-dom.js': pkgFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': pkgFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': pkgFile('graphiql', 'graphiql.min.css'),
};

/** Example operations the page opens with, one tab each. */
export const EXAMPLES = [
  `# The comune of Crema: identity, population, groupings and provenance
query ComuneCrema {
  comune(istatCode: "019035") {
    istatCode
    name
    cadastralCode
    postalCodes
    population { legal2011 resident2021 }
    areaKm2
    centroid { lat lon }
    groupings { code name }
    source { dataset publisher licence retrievedOn note }
  }
}`,
  `# The comuni of the Area Omogenea Cremasca
query AreaOmogeneaCremasca {
  comuni(filter: { grouping: "area-omogenea-cremasca" }, orderBy: { field: NAME, direction: ASC }, first: 100) {
    totalCount
    edges { node { istatCode name population { resident2021 } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  `# Will my civic number get more than 300 Mbit/s by 2028? (Infratel's 2025 mapping)
query CivicCoverage {
  civicCoverage(address: "cascina Ca' de' Tocchi 1 Acquanegra") {
    result
    categories
    answer
    caveats
    mapping { name published { label } horizonYear }
    source { dataset licence }
  }
}`,
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cremasco data hub – GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>`;

const INIT = `(function () {
  var examples = ${JSON.stringify(EXAMPLES)};
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultTabs: examples.map(function (q) { return { query: q }; }),
  }));
})();`;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

/** Sends the GraphiQL page. */
export function sendGraphiQL(res: express.Response): void {
  res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
}

/** Routes of the GraphiQL page and its assets. */
export function graphiqlRouter(): Router {
  const router = express.Router();
  router.get('/graphiql', (_req, res) => sendGraphiQL(res));
  router.get('/graphiql/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.get('/graphiql/assets/:file', (req, res) => {
    const path = ASSETS[req.params.file];
    if (!path) return void res.status(404).end();
    res.sendFile(path, { maxAge: '1d' });
  });
  return router;
}
