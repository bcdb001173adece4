import { readFileSync } from 'node:fs';
import { foldName } from '../../../../src/common/text.js';
import type { ComuneKey } from '../../../../src/domains/broadband/rules/civic-text.js';
import { comuni, infratel } from '../../../broadband/raw.js';

/*
 * The comuni of the province and Infratel's list, read from the raw seed files (no database):
 * the unit tests take real names, postal codes and streets from here.
 */

const summary = comuni();

/** The comuni as the civic-number reader needs them, the way the hub's seed stores them. */
export const COMUNI: ComuneKey[] = summary.map((r) => ({
  istatCode: r.com_istat_code,
  name: r.name,
  nameKey: foldName(r.name),
  postalCodes: r.cap.split(/[;| ]+/).filter(Boolean),
}));

/** A comune by its ISTAT name. */
export function comune(name: string): ComuneKey {
  const c = COMUNI.find((x) => x.name === name);
  if (!c) throw new Error(`no comune named ${name} in seeds/data/hub/comuni_cr_summary.csv`);
  return c;
}

/** Comuni sharing a postal code. */
export const sharing = (cap: string) => COMUNI.filter((c) => c.postalCodes.includes(cap));

/** Infratel's list (seeds copy): one row per civic number. */
export const INFRATEL = infratel();

/** The distinct published streets of a comune. */
export const streetsOf = (istatCode: string) => [
  ...new Set(INFRATEL.filter((r) => r.codice_istat === istatCode).map((r) => r.strada)),
];

/** The former comuni merged in 2019 (seeds/data/broadband/merged-comuni.json). */
export const MERGED = (
  JSON.parse(readFileSync('seeds/data/broadband/merged-comuni.json', 'utf8')) as {
    places: { name: string; mergedInto: string }[];
  }
).places;
