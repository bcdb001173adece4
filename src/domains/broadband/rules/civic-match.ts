import { foldName } from '../../../common/text.js';
import type { CivicQuery } from './civic-text.js';

/** A street of the list in a comune. */
export interface ListedStreet {
  streetType: string;
  nameKey: string;
  /** As published, e.g. "VIA GIUSEPPE GARIBALDI". */
  streetText: string;
}

/** How a typed street matched a street of the list. */
export enum StreetMatchLevel {
  /** The same words as published, street type included. */
  LITERAL = 1,
  /** The same words as the published name, without its street type. */
  NAME = 2,
  /** The same significant words (no "di", "della"...; numbers as roman numerals). */
  EXACT = 3,
  WORDS = 4,
  SIMILAR = 5,
}

/** Street types people use for one another (a hamlet is a "località" or a "frazione"). */
const SAME_TYPE: string[][] = [
  ['LOCALITÀ', 'FRAZIONE'],
  ['CASCINA', 'CASCINE'],
];
const sameType = (a: string, b: string) =>
  a === b || SAME_TYPE.some((g) => g.includes(a) && g.includes(b));

/** Words that do not tell streets apart ("via della Repubblica" = "via Repubblica"). */
const STOP = new Set([
  'di',
  'd',
  'del',
  'dei',
  'degli',
  'della',
  'delle',
  'dello',
  'de',
  'da',
  'dal',
  'dalla',
  'al',
  'alla',
  'alle',
  'ai',
  'agli',
  'a',
  'e',
  'ed',
  'il',
  'lo',
  'la',
  'le',
  'l',
  'gli',
  'i',
]);

const ROMAN: Record<string, string> = {
  1: 'i',
  2: 'ii',
  3: 'iii',
  4: 'iv',
  5: 'v',
  6: 'vi',
  7: 'vii',
  8: 'viii',
  9: 'ix',
  10: 'x',
  11: 'xi',
  12: 'xii',
  13: 'xiii',
  14: 'xiv',
  15: 'xv',
  16: 'xvi',
  17: 'xvii',
  18: 'xviii',
  19: 'xix',
  20: 'xx',
  21: 'xxi',
  22: 'xxii',
  23: 'xxiii',
  24: 'xxiv',
  25: 'xxv',
  26: 'xxvi',
  27: 'xxvii',
  28: 'xxviii',
  29: 'xxix',
  30: 'xxx',
};
/**
 * Abbreviations inside street names, folded. "S." stands for San, Santa, Santo or Sant'
 * ("viale S. Maria della Croce" is VIALE SANTA MARIA DELLA CROCE): the four are one word.
 */
const WORDS: Record<string, string> = {
  s: 'san',
  santa: 'san',
  santo: 'san',
  sant: 'san',
  f: 'fratelli',
  flli: 'fratelli',
  g: '',
};

/** The significant words of a folded name: no stop words, numbers as roman numerals, saints' titles as one. */
function significant(folded: string): string[] {
  return folded
    .split(' ')
    .map((w) => ROMAN[w] ?? WORDS[w] ?? w)
    .filter((w) => w && !STOP.has(w));
}

/** Edit distance (Levenshtein) of two short words, capped at 3. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(prev[b.length], 3);
}

/** Two words the same but for a typo: one edit from 5 letters, two from 9. */
const close = (a: string, b: string) =>
  a === b ||
  (a.length >= 5 && b.length >= 5 && distance(a, b) <= (Math.min(a.length, b.length) >= 9 ? 2 : 1));

/** Every word of `typed` among `words` (each word used once), exactly or `similar`. */
function within(typed: string[], words: string[], similar: boolean): boolean {
  const left = [...words];
  for (const t of typed) {
    const i = left.findIndex((w) => (similar ? close(t, w) : t === w));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/**
 * How well the typed street matches a listed street, or null when it does not. A typed
 * street type must be the listed one ("via Roma" is not "piazza Roma"), unless the typed
 * first word is part of the listed name ("Ca' de' Tocchi" for "CASCINA CA' DE' TOCCHI").
 */
export function matchLevel(q: CivicQuery, s: ListedStreet): StreetMatchLevel | null {
  const full = foldName(s.streetText);
  const typeOk = q.streetType == null || sameType(q.streetType, s.streetType);
  if (q.street === full) return StreetMatchLevel.LITERAL;
  if (q.street === s.nameKey || (typeOk && q.streetName === s.nameKey))
    return StreetMatchLevel.NAME;
  const name = significant(s.nameKey);
  const forms = [significant(q.street), ...(typeOk ? [significant(q.streetName)] : [])].filter(
    (f) => f.length,
  );
  if (forms.some((f) => f.join(' ') === name.join(' '))) return StreetMatchLevel.EXACT;
  if (forms.some((f) => within(f, name, false))) return StreetMatchLevel.WORDS;
  if (forms.some((f) => within(f, name, true))) return StreetMatchLevel.SIMILAR;
  return null;
}

/** The result of matching a typed street against the streets of the list in a comune. */
export type StreetMatch =
  | { kind: 'one'; street: ListedStreet; level: StreetMatchLevel }
  | { kind: 'many'; streets: ListedStreet[]; level: StreetMatchLevel }
  | { kind: 'none'; similar: ListedStreet[] };

/**
 * Finds the street of the list the text means: the best level wins; two streets at the
 * best level are ambiguous. With none, streets of the same name but another type are
 * offered as similar (a "via Roma" is not a "piazza Roma").
 */
export function matchStreet(q: CivicQuery, streets: ListedStreet[]): StreetMatch {
  let best: { level: StreetMatchLevel; streets: ListedStreet[] } | null = null;
  for (const s of streets) {
    const level = matchLevel(q, s);
    if (level == null) continue;
    if (!best || level < best.level) best = { level, streets: [s] };
    else if (level === best.level) best.streets.push(s);
  }
  if (best?.streets.length === 1)
    return { kind: 'one', street: best.streets[0], level: best.level };
  if (best) return { kind: 'many', streets: best.streets, level: best.level };
  const anyType = { ...q, streetType: null };
  return {
    kind: 'none',
    similar: streets.filter((s) => matchLevel(anyType, s) != null).slice(0, 5),
  };
}
