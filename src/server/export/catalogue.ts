import type { ExportColumnType, ExportDefinition } from '../../common/domain.js';
import { licenceOf } from '../../core/rules/licences.js';
import type { ResolvedColumn } from './format.js';
import {
  citation,
  HUB_NAME,
  licenceIds,
  type DataVersionInfo,
  type SourceRow,
} from './provenance.js';
import type { ExportAccess } from '../../access/export-access.js';

/** What the catalogue and the data package say of one export (whole province). */
export interface ExportFacts {
  name: string;
  def: ExportDefinition;
  columns: ResolvedColumn[];
  version: DataVersionInfo;
  sources: SourceRow[];
  access: ExportAccess;
}

/** The publisher of the hub, as the hub's organisation record says. */
export interface Publisher {
  code: string;
  name: string;
  website: string | null;
}

/** The CSV conventions every export follows, stated in each metadata document. */
export const CSV_CONVENTIONS =
  'RFC 4180, UTF-8, header row. An empty cell is null: unknown or not applicable, never zero. boolean: true/false; money: EUR with exactly two decimals; date: YYYY-MM-DD; timestamp: ISO 8601 UTC; integer and decimal as printed by PostgreSQL.';

const MEDIA = {
  csv: { mediaType: 'text/csv', format: 'CSV' },
  geojson: { mediaType: 'application/geo+json', format: 'GEOJSON' },
  json: { mediaType: 'application/json', format: 'JSON' },
} as const;

/** The download URLs of an export (whole province). */
export const downloadsOf = (base: string, name: string, def: ExportDefinition) => ({
  csv: `${base}/export/${name}.csv`,
  ...(def.geojson ? { geojson: `${base}/export/${name}.geojson` } : {}),
  json: `${base}/export/${name}.json`,
});

/** EU publications office vocabularies DCAT-AP (and so DCAT-AP_IT) uses. */
const EU = 'http://publications.europa.eu/resource/authority/';

/**
 * The DCAT-AP_IT catalogue of the exports (JSON-LD): one `dcatapit:Dataset` per export with
 * title, description, publisher and rights holder (the hub's publisher), theme, licence of
 * each distribution (`dcatapit:LicenseDocument` with the SPDX id and URI), issued and
 * modified from the data version, the sources it was made from (`dct:source`), and one
 * `dcatapit:Distribution` per format (CSV, GeoJSON, JSON metadata) with `dcat:accessURL`,
 * `dcat:downloadURL`, `dcat:mediaType` and `dct:format`. Exports that need a key say so in
 * `dct:accessRights` (EU access-right NON_PUBLIC) and their reasons.
 */
export function dcatCatalogue(base: string, publisher: Publisher, facts: ExportFacts[]) {
  const agent = {
    '@id': `${base}/export/catalog.jsonld#publisher`,
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': publisher.name,
    'dct:identifier': publisher.code,
    ...(publisher.website ? { 'foaf:homepage': { '@id': publisher.website } } : {}),
  };
  const modified = facts
    .map((f) => f.version.modified)
    .filter((m): m is string => !!m)
    .sort()
    .at(-1);
  const day = (iso: string | null) => iso?.slice(0, 10);
  const datasets = facts.map((f) => {
    const urls = downloadsOf(base, f.name, f.def);
    const ids = licenceIds(f.sources);
    // One licence per distribution (DCAT-AP_IT makes it mandatory): the single licence of
    // every source when they share one; otherwise a document naming each source's licence
    // (or that it states none), never a licence the sources did not give.
    const licence = ids.length === 1 && !f.sources.some((s) => !s.licence) ? ids[0] : null;
    const licenceNode = licence
      ? {
          '@id': licenceOf(licence)?.uri ?? licence,
          '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
          'dct:identifier': licence,
          'foaf:name': licenceOf(licence)?.name ?? licence,
        }
      : {
          '@id': `${base}/export/${f.name}.json#licences`,
          '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
          'foaf:name': `The licences of its sources: ${
            f.sources.map((s) => `${s.id}: ${s.licence ?? 'no licence stated'}`).join('; ') ||
            'no source holds records for it'
          }`,
        };
    const open = f.access.access === 'OPEN';
    const distributions = (Object.keys(urls) as (keyof typeof urls)[]).map((format) => ({
      '@id': `${urls[format]}#distribution`,
      '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
      'dct:title': `${f.def.title} (${MEDIA[format].format})`,
      'dcat:accessURL': { '@id': urls[format] },
      'dcat:downloadURL': { '@id': urls[format] },
      'dcat:mediaType': MEDIA[format].mediaType,
      'dct:format': { '@id': `${EU}file-type/${MEDIA[format].format}` },
      'dct:license': licenceNode,
      ...(format === 'csv'
        ? { 'dct:conformsTo': { '@id': 'https://www.rfc-editor.org/rfc/rfc4180' } }
        : {}),
    }));
    return {
      '@id': `${base}/export/${f.name}.json`,
      '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
      'dct:identifier': `cremasco-data-hub:${f.name}`,
      'dct:title': f.def.title,
      'dct:description': f.def.description,
      'dct:publisher': { '@id': agent['@id'] },
      'dct:rightsHolder': { '@id': agent['@id'] },
      'dcat:theme': { '@id': `${EU}data-theme/GOVE` },
      'dct:accrualPeriodicity': { '@id': `${EU}frequency/IRREG` },
      'dct:spatial': {
        '@type': 'dct:Location',
        'dct:identifier': 'ISTAT:019',
        'skos:prefLabel': 'Provincia di Cremona',
      },
      ...(day(f.version.issued) ? { 'dct:issued': typed(day(f.version.issued)!) } : {}),
      ...(day(f.version.modified) ? { 'dct:modified': typed(day(f.version.modified)!) } : {}),
      'owl:versionInfo': f.version.version,
      'dct:accessRights': { '@id': `${EU}access-right/${open ? 'PUBLIC' : 'NON_PUBLIC'}` },
      ...(open ? {} : { 'rdfs:comment': `Needs an API key: ${f.access.reasons.join('; ')}.` }),
      'dct:bibliographicCitation': citation(f.def.title, f.version, urls.csv, f.sources),
      'dct:source': f.sources.map((s) => ({
        '@id': `${base}/export/catalog.jsonld#source-${s.id}`,
        '@type': 'dcat:Dataset',
        'dct:identifier': s.id,
        'dct:title': s.title,
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': s.publisher },
        ...(s.licence ? { 'dct:license': { '@id': s.licenceUri ?? s.licence } } : {}),
        ...(s.url ? { 'dcat:landingPage': { '@id': s.url } } : {}),
      })),
      'dcat:distribution': distributions,
    };
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      owl: 'http://www.w3.org/2002/07/owl#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/export/catalog.jsonld`,
    '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
    'dct:title': `${HUB_NAME}: bulk exports`,
    'dct:description':
      'The bulk exports of the Cremasco data hub: the comuni of the province of Cremona and the data of their infrastructure, broadband, energy communities, civil-protection plans and PNRR digital measures, with the sources each was made from.',
    'dct:publisher': agent,
    'dcat:themeTaxonomy': { '@id': `${EU}data-theme` },
    'dct:language': { '@id': `${EU}language/ENG` },
    'foaf:homepage': { '@id': `${base}/graphql` },
    ...(modified ? { 'dct:modified': typed(modified.slice(0, 10)) } : {}),
    'dcat:dataset': datasets,
  };
}

const typed = (date: string) => ({ '@value': date, '@type': 'xsd:date' });

/** The Table Schema type (and its options) of a column type of the exports. */
function fieldType(type: ExportColumnType): Record<string, unknown> {
  switch (type) {
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
      return { type: 'number' };
    case 'money':
      return { type: 'number', unit: 'EUR' };
    case 'boolean':
      return { type: 'boolean', trueValues: ['true'], falseValues: ['false'] };
    case 'date':
      return { type: 'date', format: 'default' };
    case 'timestamp':
      return { type: 'datetime', format: 'default' };
    default:
      return { type: 'string' };
  }
}

/** Keys and constraints known of an export's columns (Table Schema). */
const KEYS: Record<string, { primaryKey: string[]; required: string[] }> = {
  comuni: { primaryKey: ['istat_code'], required: ['istat_code', 'name', 'cadastral_code'] },
};

/** The Table Schema of an export's CSV. */
export function tableSchema(name: string, columns: ResolvedColumn[]) {
  const keys = KEYS[name];
  return {
    fields: columns.map((c) => ({
      name: c.name,
      ...fieldType(c.type),
      description: c.description,
      ...(keys?.required.includes(c.name)
        ? {
            constraints: {
              required: true,
              ...(keys.primaryKey.includes(c.name) ? { unique: true } : {}),
              ...(c.name === 'istat_code' ? { pattern: '\\d{6}' } : {}),
            },
          }
        : {}),
    })),
    missingValues: [''],
    ...(keys ? { primaryKey: keys.primaryKey } : {}),
  };
}

/**
 * The Frictionless Tabular Data Package of the CSV exports: one resource per export with its
 * Table Schema (names, types, descriptions as in the export's metadata), licences (SPDX),
 * sources, and the data version.
 */
export function dataPackage(base: string, publisher: Publisher, facts: ExportFacts[]) {
  const licences = [...new Set(facts.flatMap((f) => licenceIds(f.sources)))].sort();
  return {
    profile: 'tabular-data-package',
    name: 'cremasco-data-hub',
    title: `${HUB_NAME}: bulk exports`,
    description:
      'The CSV exports of the Cremasco data hub, each with its Table Schema. An empty cell is null: unknown or not applicable, never zero. Exports marked "access": "KEY" need an API key (Authorization: Bearer <key>).',
    homepage: `${base}/graphql`,
    id: `${base}/export/datapackage.json`,
    created: new Date().toISOString(),
    contributors: [
      {
        title: publisher.name,
        role: 'publisher',
        ...(publisher.website ? { path: publisher.website } : {}),
      },
    ],
    licenses: licences.map((id) => ({
      name: id,
      ...(licenceOf(id) ? { path: licenceOf(id)!.uri, title: licenceOf(id)!.name } : {}),
    })),
    resources: facts.map((f) => {
      const ids = licenceIds(f.sources);
      return {
        profile: 'tabular-data-resource',
        name: f.name,
        path: `${base}/export/${f.name}.csv`,
        title: f.def.title,
        description: f.def.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
        schema: tableSchema(f.name, f.columns),
        licenses: ids.map((id) => ({
          name: id,
          ...(licenceOf(id) ? { path: licenceOf(id)!.uri, title: licenceOf(id)!.name } : {}),
        })),
        sources: f.sources.map((s) => ({
          title: `${s.title} (${s.id}; ${s.licence ?? 'no licence stated'})`,
          ...(s.url ? { path: s.url } : {}),
        })),
        access: f.access.access,
        ...(f.access.reasons.length ? { accessNote: f.access.reasons.join('; ') } : {}),
        dataVersion: f.version.version,
        citation: citation(f.def.title, f.version, `${base}/export/${f.name}.csv`, f.sources),
      };
    }),
  };
}
