/**
 * The licences the hub's datasets are under, by SPDX identifier (https://spdx.org/licenses/):
 * the one spelling of each licence in the dataset records (`seeds/data/<domain>/datasets.json`),
 * the API (`Dataset.licence`, `Source.licence`), the export metadata and the catalogue. A
 * dataset whose source states no licence has none (null): unknown, never assumed open.
 */
export interface Licence {
  /** SPDX identifier, e.g. `CC-BY-4.0`. */
  id: string;
  /** Full name. */
  name: string;
  /** Canonical URI (the catalogue's `dct:license`). */
  uri: string;
  /**
   * True when anyone may reuse and redistribute data under it (an open licence in the sense
   * of the Open Definition): exports made only of such data are downloadable without a key.
   */
  open: boolean;
}

const licences: Licence[] = [
  {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    uri: 'https://creativecommons.org/licenses/by/4.0/',
    open: true,
  },
  {
    id: 'CC-BY-3.0-IT',
    name: 'Creative Commons Attribution 3.0 Italy',
    uri: 'https://creativecommons.org/licenses/by/3.0/it/',
    open: true,
  },
  {
    id: 'CC-BY-SA-4.0',
    name: 'Creative Commons Attribution Share Alike 4.0 International',
    uri: 'https://creativecommons.org/licenses/by-sa/4.0/',
    open: true,
  },
  {
    id: 'CC0-1.0',
    name: 'Creative Commons Zero v1.0 Universal',
    uri: 'https://creativecommons.org/publicdomain/zero/1.0/',
    open: true,
  },
  {
    id: 'IODL-2.0',
    name: 'Italian Open Data License v2.0',
    uri: 'https://www.dati.gov.it/iodl/2.0/',
    open: true,
  },
  {
    id: 'ODbL-1.0',
    name: 'Open Data Commons Open Database License v1.0',
    uri: 'https://opendatacommons.org/licenses/odbl/1-0/',
    open: true,
  },
];

/** Every licence the hub knows, by SPDX identifier. */
export const LICENCES: ReadonlyMap<string, Licence> = new Map(licences.map((l) => [l.id, l]));

/** The licence of an SPDX identifier; undefined when the hub does not know it. */
export const licenceOf = (id: string | null | undefined): Licence | undefined =>
  id == null ? undefined : LICENCES.get(id);
