import express, { type Router } from 'express';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  // The query builder: @graphiql/plugin-explorer 3 (for graphiql 3), its UMD build.
  'explorer.js': pkgFile('@graphiql/plugin-explorer', 'dist/index.umd.js'),
  'explorer.css': pkgFile('@graphiql/plugin-explorer', 'dist/style.css'),
};

/** The folder of example operations: one `.graphql` file per tab, in file-name order. */
export const EXAMPLES_DIR = fileURLToPath(new URL('./graphiql-examples/', import.meta.url));

/** An example operation of the GraphiQL page, documented by its leading comment. */
export interface GraphiQLExample {
  file: string;
  /** First comment line. */
  title: string;
  /** The "# For:" line: whom it serves. */
  audience: string;
  /** The other comment lines. */
  description: string;
  /** The operation's name (the tab's title). */
  name: string;
  /** The whole file, comments included: what the tab shows. */
  query: string;
}

/**
 * Reads the examples: each file opens with comment lines, a title first, then "# For: …"
 * and a description. Adding a tab is adding a file (fields from other domains arrive
 * that way). A file without its comment or its operation name stops the hub at start.
 */
export function readExamples(dir: string = EXAMPLES_DIR): GraphiQLExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), 'utf8');
      const comments: string[] = [];
      for (const line of query.split('\n')) {
        if (!line.startsWith('#')) break;
        comments.push(line.replace(/^#\s?/, '').trim());
      }
      const [title = '', forLine = '', ...rest] = comments;
      const name = /^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1];
      if (!title || !/^For:\s*\S/.test(forLine) || !rest.length || !name)
        throw new Error(
          `${join(dir, file)}: an example opens with "# <title>", "# For: <who>", "# <what it shows>" and has a named operation`,
        );
      return {
        file,
        title,
        audience: forLine.replace(/^For:\s*/, ''),
        description: rest.join(' '),
        name,
        query: query.trimEnd(),
      };
    });
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cremasco data hub – GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<link rel="stylesheet" href="/graphiql/assets/explorer.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/explorer.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>`;

/** The page's script: GraphiQL with the query builder (sidebar) and one tab per example. */
const init = (examples: GraphiQLExample[]) => `(function () {
  var examples = ${JSON.stringify(examples.map((e) => e.query))};
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    plugins: [explorer],
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

/** Routes of the GraphiQL page, its script (examples read once, at start) and assets. */
export function graphiqlRouter(examples: GraphiQLExample[] = readExamples()): Router {
  const script = init(examples);
  const router = express.Router();
  router.get('/graphiql', (_req, res) => sendGraphiQL(res));
  router.get('/graphiql/init.js', (_req, res) => {
    res.type('application/javascript').send(script);
  });
  router.get('/graphiql/assets/:file', (req, res) => {
    const path = ASSETS[req.params.file];
    if (!path) return void res.status(404).end();
    res.sendFile(path, { maxAge: '1d' });
  });
  return router;
}
