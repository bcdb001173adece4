/* global document, window, fetch, sessionStorage, URLSearchParams */
// The map page's script (bundled by esbuild from npm packages at the hub's start; see
// ../router.ts). Plain JavaScript for the browser: every text from the data is set with
// textContent, never as HTML.
import { geoMercator, geoPath } from 'd3-geo';
import { scaleOrdinal, scaleQuantile, scaleThreshold } from 'd3-scale';
import { schemeBlues, schemeTableau10 } from 'd3-scale-chromatic';

const SVG = 'http://www.w3.org/2000/svg';
const KEY = 'cremasco-hub-map-key';
const UNKNOWN = '#bdbdbd';
const $ = (id) => document.getElementById(id);

/** Columns that identify a comune or locate it: not indicators. */
const NOT_INDICATORS = new Set([
  'istat_code',
  'name',
  'cadastral_code',
  'postal_codes',
  'centroid_lat',
  'centroid_lon',
  'groupings',
]);

/** Indicators the map computes from two columns of the wide table (said so in the page). */
const DERIVED = [
  {
    name: 'pnrr_total_eur_per_resident',
    type: 'decimal',
    of: ['pnrr_total_eur', 'population_resident_2021'],
    title: 'PNRR EUR per resident',
    description:
      'Computed by the map: pnrr_total_eur / population_resident_2021 (PA digitale 2026 grants to the comune itself, excluding RENOUNCED, per resident on 1 January 2021). Empty when either is unknown.',
    value: (p) =>
      p.pnrr_total_eur == null || !p.population_resident_2021
        ? null
        : Number(p.pnrr_total_eur) / p.population_resident_2021,
  },
];

const state = {
  meta: null,
  columnDatasets: {},
  features: [],
  indicators: [],
  indicator: null,
  grouping: 'province-cr',
  selected: null,
};

const el = (tag, attrs = {}, text) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const svgEl = (tag, attrs = {}) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};
const number = (v, digits = 2) =>
  v == null ? 'unknown' : Number(v).toLocaleString('en-GB', { maximumFractionDigits: digits });

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body?.errors?.[0]?.message ?? `${res.status} ${res.statusText}`;
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return body;
}

function status(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

/** The indicators: every numeric, boolean or few-valued column, plus the derived ones. */
function indicatorsOf(meta, features) {
  const list = [];
  for (const c of meta.columns) {
    if (NOT_INDICATORS.has(c.name)) continue;
    const numeric = ['integer', 'decimal', 'money'].includes(c.type);
    if (!numeric && c.type !== 'boolean') {
      const values = new Set(features.map((f) => f.properties[c.name]).filter((v) => v != null));
      if (values.size === 0 || values.size > 10) continue;
    }
    list.push({
      name: c.name,
      type: c.type,
      title: c.name,
      description: c.description,
      of: [c.name],
      value: (p) => p[c.name] ?? null,
      numeric,
    });
  }
  return [...DERIVED.map((d) => ({ ...d, numeric: true })), ...list];
}

function inGrouping(f) {
  if (state.grouping === 'province-cr') return true;
  return (f.properties.groupings ?? '').split(';').includes(state.grouping);
}

/** The colour of each comune and the legend's entries for the indicator. */
function scaleOf(indicator, features) {
  const values = features.map((f) => indicator.value(f.properties)).filter((v) => v != null);
  if (indicator.numeric) {
    // Classes of about equal counts (quantiles), merged where values repeat (many zeros).
    const nums = values.map(Number).sort((a, b) => a - b);
    if (!nums.length) return { colour: () => UNKNOWN, entries: [] };
    const [min, max] = [nums[0], nums[nums.length - 1]];
    const cuts = scaleQuantile().domain(nums).range([0, 1, 2, 3, 4]).quantiles();
    const thresholds = [...new Set(cuts)].filter((t) => t > min && t <= max);
    const classes = thresholds.length + 1;
    const colours = schemeBlues[Math.max(3, classes)].slice(-classes);
    const scale = scaleThreshold().domain(thresholds).range(colours);
    const bounds = [min, ...thresholds, max];
    const entries = colours.map((colour, i) => ({
      colour,
      label:
        classes === 1
          ? number(min)
          : i === 0
            ? `${number(bounds[0])} to < ${number(bounds[1])}`
            : `${number(bounds[i])} to ${i === classes - 1 ? '' : '< '}${number(bounds[i + 1])}`,
    }));
    return { colour: (v) => (v == null ? UNKNOWN : scale(Number(v))), entries };
  }
  const categories = [...new Set(values.map(String))].sort();
  const scale = scaleOrdinal().domain(categories).range(schemeTableau10);
  return {
    colour: (v) => (v == null ? UNKNOWN : scale(String(v))),
    entries: categories.map((c) => ({ colour: scale(c), label: c })),
  };
}

function draw() {
  const svg = $('map');
  const { width, height } = svg.getBoundingClientRect();
  const w = Math.max(300, width);
  const h = Math.max(300, height);
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.replaceChildren();
  const shown = state.features.filter(inGrouping);
  const fc = { type: 'FeatureCollection', features: shown.length ? shown : state.features };
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [w - 8, h - 8],
    ],
    fc,
  );
  const path = geoPath(projection);
  const indicator = state.indicator;
  const scale = scaleOf(indicator, shown);
  const g = svgEl('g', { class: 'comuni' });
  for (const f of state.features) {
    const inside = inGrouping(f);
    const value = indicator.value(f.properties);
    const p = svgEl('path', {
      d: path(f),
      fill: scale.colour(value),
      'data-istat': f.properties.istat_code,
      class: `${inside ? 'comune' : 'comune outside'}${state.selected === f.properties.istat_code ? ' selected' : ''}`,
    });
    const title = svgEl('title');
    title.textContent = `${f.properties.name}: ${indicator.numeric ? number(value) : (value ?? 'unknown')}`;
    p.appendChild(title);
    p.addEventListener('click', () => openDossier(f.properties));
    g.appendChild(p);
  }
  svg.appendChild(g);
  drawLegend(indicator, scale);
  describe(indicator);
}

function drawLegend(indicator, scale) {
  const svg = $('legend');
  svg.replaceChildren();
  const entries = [...scale.entries, { colour: UNKNOWN, label: 'unknown (empty)' }];
  const width = svg.getBoundingClientRect().width || 600;
  const step = Math.max(90, Math.min(160, width / entries.length));
  const title = svgEl('text', { x: 0, y: 12, class: 'legend-title' });
  title.textContent = indicator.title;
  svg.appendChild(title);
  entries.forEach((e, i) => {
    const g = svgEl('g', { class: 'legend-entry', transform: `translate(${i * step},20)` });
    g.appendChild(svgEl('rect', { width: 18, height: 14, fill: e.colour, stroke: '#999' }));
    const t = svgEl('text', { x: 22, y: 11 });
    t.textContent = e.label;
    g.appendChild(t);
    svg.appendChild(g);
  });
}

/** The indicator's description, sources with licences, citation and downloads. */
function describe(indicator) {
  $('indicator-title').textContent = indicator.title;
  $('indicator-description').textContent = indicator.description;
  const ids = new Set(indicator.of.flatMap((c) => state.columnDatasets[c] ?? []));
  const sources = state.meta.sources.filter((s) => ids.has(s.id));
  const list = $('source-list');
  list.replaceChildren();
  for (const s of sources) {
    const li = el('li');
    li.append(`${s.title} — ${s.publisher}. Licence: `);
    if (s.licence && s.licenceUri) li.append(el('a', { href: s.licenceUri }, s.licence));
    else li.append(s.licence ?? 'none stated by the source');
    if (s.synthetic) li.append(' (synthetic)');
    list.appendChild(li);
  }
  if (!sources.length) list.appendChild(el('li', {}, 'No dataset holds records for it here.'));
  $('citation').textContent = `Cite: ${state.meta.citation}`;
  const territory =
    state.grouping === 'province-cr' ? '' : `?territory=${encodeURIComponent(state.grouping)}`;
  const downloads = $('download-list');
  downloads.replaceChildren();
  for (const [label, href] of [
    ['The wide table, CSV', `/export/comuni.csv${territory}`],
    ['The comuni with the wide table, GeoJSON', `/export/comuni.geojson${territory}`],
    ['Its metadata (columns, sources, citation)', `/export/comuni.json${territory}`],
    ['Data package (Frictionless)', '/export/datapackage.json'],
    ['Catalogue (DCAT-AP_IT)', '/export/catalog.jsonld'],
  ]) {
    const li = el('li');
    li.appendChild(el('a', { href, class: 'download' }, label));
    downloads.appendChild(li);
  }
  if (state.meta.access === 'KEY')
    downloads.appendChild(
      el('li', {}, `The wide table needs an API key to download: ${state.meta.accessNote}.`),
    );
}

const DOSSIER = `query MapDossier($istatCode: String!) {
  comune(istatCode: $istatCode) {
    istatCode name population { resident2021 }
    pnrr { total grantCount }
    broadband { gaps { listedCount shareOfAnncsu } fibreInPlan fwaInPlan }
    civilProtectionPlan { status }
    energyCommunities { name status }
    collectionCentres { kind name }
    sources { dataset licence }
  }
}`;

/** The dossier of a comune, through GraphQL (no key needed for public data). */
async function openDossier(p) {
  state.selected = p.istat_code;
  for (const path of $('map').querySelectorAll('path'))
    path.classList.toggle('selected', path.dataset.istat === p.istat_code);
  const box = $('dossier');
  box.replaceChildren(el('h2', {}, `${p.name} (${p.istat_code})`), el('p', {}, 'Loading…'));
  try {
    const body = await json('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DOSSIER, variables: { istatCode: p.istat_code } }),
    });
    const c = body.data?.comune;
    if (!c) throw new Error(body.errors?.[0]?.message ?? 'no such comune');
    const dl = el('dl', { class: 'dossier' });
    const row = (k, v) => dl.append(el('dt', {}, k), el('dd', {}, v));
    row(
      state.indicator.title,
      String(
        state.indicator.numeric
          ? number(state.indicator.value(p))
          : (state.indicator.value(p) ?? 'unknown'),
      ),
    );
    row('Residents (2021)', number(c.population?.resident2021, 0));
    row('PNRR grants (comune)', `${number(c.pnrr.total)} EUR, ${c.pnrr.grantCount} grants`);
    const gaps = c.broadband?.gaps;
    row('Civic numbers below 300 Mbit/s by 2028', gaps ? number(gaps.listedCount, 0) : 'unknown');
    row('Civil-protection plan', c.civilProtectionPlan?.status ?? 'no plan held by the hub');
    row('Energy communities', c.energyCommunities.map((e) => e.name).join(', ') || 'none recorded');
    row('Collection centres', c.collectionCentres.map((x) => x.name).join(', ') || 'none known');
    const sources = el(
      'p',
      { class: 'dossier-sources' },
      `Sources: ${c.sources.map((s) => `${s.dataset} (${s.licence ?? 'no licence stated'})`).join('; ')}`,
    );
    const query = el('details');
    query.append(
      el('summary', {}, 'The GraphQL query (paste it in GraphiQL)'),
      el('pre', {}, DOSSIER),
    );
    const graphiql = el('a', { href: '/graphiql', target: '_blank' }, 'Open GraphiQL');
    box.replaceChildren(el('h2', {}, `${c.name} (${c.istatCode})`), dl, sources, query, graphiql);
  } catch (e) {
    box.replaceChildren(
      el('h2', {}, p.name),
      el('p', {}, `The dossier could not be loaded: ${e.message}`),
    );
  }
}

async function loadGroupings() {
  try {
    const body = await json('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ territorialGroupings { code name kind memberCount } }' }),
    });
    const select = $('grouping');
    for (const g of body.data.territorialGroupings) {
      if (g.code === 'province-cr' || g.memberCount === 0) continue;
      select.appendChild(el('option', { value: g.code }, `${g.name} (${g.memberCount})`));
    }
  } catch (e) {
    status(`The groupings could not be loaded: ${e.message}`);
  }
}

async function loadFeatures() {
  const key = sessionStorage.getItem(KEY);
  try {
    const fc = await json('/export/comuni.geojson', {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    $('key-form').hidden = true;
    return fc.features;
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      if (e.status !== 401 || key) sessionStorage.removeItem(KEY);
      $('key-reason').textContent = e.message;
      $('key-form').hidden = false;
      status('');
      return null;
    }
    throw e;
  }
}

async function start() {
  const [meta, indicators] = await Promise.all([
    json('/export/comuni.json'),
    json('/map/indicators.json'),
    loadGroupings(),
  ]);
  state.meta = meta;
  state.columnDatasets = indicators.columnDatasets;
  state.columnDatasets.pnrr_total_eur_per_resident = [
    ...(indicators.columnDatasets.pnrr_total_eur ?? []),
    ...(indicators.columnDatasets.population_resident_2021 ?? []),
  ];
  const features = await loadFeatures();
  if (!features) return;
  state.features = features;
  state.indicators = indicatorsOf(meta, features);
  const select = $('indicator');
  select.replaceChildren(...state.indicators.map((i) => el('option', { value: i.name }, i.title)));
  const wanted = new URLSearchParams(window.location.search).get('indicator');
  state.indicator = state.indicators.find((i) => i.name === wanted) ?? state.indicators[0];
  select.value = state.indicator.name;
  status('');
  draw();
  document.body.dataset.ready = 'true';
}

$('indicator').addEventListener('change', (e) => {
  state.indicator = state.indicators.find((i) => i.name === e.target.value);
  draw();
});
$('grouping').addEventListener('change', (e) => {
  state.grouping = e.target.value;
  if (state.features.length) draw();
});
$('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(KEY, $('key').value.trim());
  status('Loading the comuni…');
  start().catch((err) => status(`The map could not be loaded: ${err.message}`));
});
window.addEventListener('resize', () => state.features.length && draw());
start().catch((err) => status(`The map could not be loaded: ${err.message}`));
