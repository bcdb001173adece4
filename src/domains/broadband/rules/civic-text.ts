import { badInput } from '../../../common/errors.js';
import { normalise } from './address-text.js';
import { dugOf } from './dug.js';

/** The argument the coverage check reads. */
const ARG = 'address';
const MAX_LENGTH = 200;

/** A comune as the reader needs it. */
export interface ComuneKey {
  istatCode: string;
  name: string;
  nameKey: string;
  postalCodes: string[];
}

/** What a person typed, read as one civic number of one comune. */
export interface CivicQuery {
  /** Folded street words as typed, street type included ("via roma"). */
  street: string;
  /** Street type (DUG) when the first word is one, e.g. VIA, CASCINA. */
  streetType: string | null;
  /** Folded street name without the type ("roma"). */
  streetName: string;
  /** House number; null for "snc" (senza numero civico). */
  number: number | null;
  /** Exponent in upper case without spaces ("A", "BIS", "D1"), or null. */
  exponent: string | null;
  comune: ComuneKey;
  /** How the comune was told, in words. */
  comuneReadAs: string;
}

const EXPONENT_WORD = /^([a-z]|bis|ter|quater|quinquies)$/;

/** Lower case, no accents, "s.n.c." and "senza numero" as `snc`, "12/a" kept as an exponent. */
function prepare(text: string): string[] {
  const t = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\bs\.?\s*n\.?\s*c\b\.?/g, ' snc ')
    .replace(/\bsenza\s+numero(\s+civico)?\b/g, ' snc ')
    .replace(/\bfraz\b\.?/g, ' frazione ')
    // "12/v": the exponent is wrapped so that abbreviations ("v." = via) leave it alone.
    .replace(/\b(\d{1,5})\s*\/\s*([a-z0-9]{1,6})\b/g, (_, n: string, e: string) =>
      /^[a-z]+$/.test(e) ? `${n} slash qq${e}qq` : `${n} slash ${e}`,
    );
  return normalise(t)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/^qq(.+)qq$/, '$1'));
}

/** Comuni whose name is exactly `words`, or begins with them (whole words). */
function comuniNamed(words: string[], comuni: ComuneKey[]) {
  const text = words.join(' ');
  const exact = comuni.filter((c) => c.nameKey === text);
  if (exact.length) return { found: exact, partial: false };
  const prefix = comuni.filter((c) => c.nameKey.startsWith(`${text} `));
  return { found: prefix, partial: true };
}

/** Words that may follow the comune without naming it: the province, the country. */
const TAIL = new Set(['cr', 'provincia', 'prov', 'di', 'italia', 'italy']);

/**
 * Reads free text as one civic number: street, house number (or "snc"), exponent, and the
 * comune by its name (or the start of it) or its postal code, before or after the street.
 * Text that is not an address, or whose comune cannot be told apart, is a BAD_USER_INPUT
 * that says what is missing.
 */
export function readCivic(text: string, comuni: ComuneKey[]): CivicQuery {
  if (text.length > MAX_LENGTH)
    throw badInput(ARG, `must be at most ${MAX_LENGTH} characters, got ${text.length}`);
  const tokens = prepare(text);
  if (!tokens.some((t) => /\p{L}{2,}/u.test(t) && t !== 'slash' && t !== 'snc'))
    throw badInput(
      ARG,
      'is not an address: write a street, a house number and the comune, e.g. "via Roma 12, Crema"',
    );
  let at = -1;
  for (let i = tokens.length - 1; i >= 0; i--)
    if ((/^\d{1,4}$/.test(tokens[i]) && tokens[i - 1] !== 'slash') || tokens[i] === 'snc') {
      at = i;
      break;
    }
  if (at < 0)
    throw badInput(
      ARG,
      'has no house number: write one (e.g. "via Roma 12, Crema"), or "snc" for a civic without a number',
    );
  const number = tokens[at] === 'snc' ? null : Number(tokens[at]);
  /** Whether words (after the number) name a comune, ignoring postal codes and the province. */
  const names = (words: string[]) => {
    let w = words.filter((t) => !/^\d{5}$/.test(t));
    while (w.length && TAIL.has(w[w.length - 1])) w = w.slice(0, -1);
    return w.length > 0 && comuniNamed(w, comuni).found.length > 0;
  };
  let i = at + 1;
  let exponent: string | null = null;
  if (tokens[i] === 'slash' && tokens[i + 1]) {
    exponent = tokens[i + 1].toUpperCase();
    i += 2;
  } else if (tokens[i] && EXPONENT_WORD.test(tokens[i])) {
    exponent = tokens[i].toUpperCase();
    i += 1;
  } else if (
    tokens[i] &&
    /^[a-z]{2,4}$/.test(tokens[i]) &&
    !TAIL.has(tokens[i]) &&
    !names(tokens.slice(i)) &&
    (i + 1 === tokens.length || names(tokens.slice(i + 1)))
  ) {
    // "52 PT, Corte de' Cortesi": a short exponent (piano terra) before the comune or last.
    exponent = tokens[i].toUpperCase();
    i += 1;
  } else if (tokens[i] === 'snc' && number === 0) i += 1;
  let before = tokens.slice(0, at);
  const after = tokens.slice(i);
  const postal = after.filter((t) => /^\d{5}$/.test(t));
  let words = after.filter((t) => !/^\d{5}$/.test(t));
  if (words.some((t) => /\d/.test(t) || t === 'slash'))
    throw badInput(ARG, `cannot read "${words.join(' ')}" after the house number as a comune`);
  while (words.length && TAIL.has(words[words.length - 1])) words = words.slice(0, -1);

  let named: ComuneKey[] = [];
  let readAs = '';
  if (words.length) {
    let { found, partial } = comuniNamed(words, comuni);
    // "… 12, Crema, Cremona": the province's name after the comune's.
    if (!found.length && words.length > 1 && words[words.length - 1] === 'cremona')
      ({ found, partial } = comuniNamed(words.slice(0, -1), comuni));
    if (!found.length)
      throw badInput(
        ARG,
        `"${words.join(' ')}" is not the name of a comune of the province of Cremona`,
      );
    named = found;
    readAs = partial
      ? `name "${words.join(' ')}" (start of ${found.map((c) => c.name).join(', ')})`
      : `name "${found[0].name}"`;
  } else {
    // The comune before the street: "Crema, via Roma 12", "Crema (CR) via Roma 12".
    let skip = 0;
    for (const c of comuni) {
      const n = c.nameKey.split(' ');
      let k = n.length;
      while (k < before.length && TAIL.has(before[k])) k++;
      if (before.length > k && n.every((w, j) => before[j] === w) && dugOf(before[k]) && k > skip) {
        named = [c];
        skip = k;
      }
    }
    if (named.length) {
      before = before.slice(skip);
      readAs = `name "${named[0].name}"`;
    }
  }
  if (postal.length > 1)
    throw badInput(ARG, `gives more than one postal code (${postal.join(', ')})`);
  if (postal.length) {
    const cap = postal[0];
    const byCap = comuni.filter((c) => c.postalCodes.includes(cap));
    if (!byCap.length)
      throw badInput(ARG, `postal code ${cap} is not one of the province of Cremona`);
    if (named.length) {
      const both = named.filter((c) => c.postalCodes.includes(cap));
      if (!both.length)
        throw badInput(
          ARG,
          `postal code ${cap} is not that of ${named.map((c) => `${c.name} (${c.postalCodes.join(', ')})`).join(', ')}`,
        );
      named = both;
      readAs += ` and postal code ${cap}`;
    } else {
      named = byCap;
      readAs = `postal code ${cap}`;
    }
  }
  if (!named.length)
    throw badInput(
      ARG,
      'does not say which comune: add its name or postal code, e.g. "via Roma 12, Crema" or "via Roma 12, 26013"',
    );
  if (named.length > 1)
    throw badInput(
      ARG,
      `cannot tell the comune apart: ${postal.length && !words.length ? `postal code ${postal[0]} is shared by` : `"${words.join(' ')}" begins the names of`} ${named.length} comuni (${named
        .map((c) => c.name)
        .join(
          ', ',
        )}): ${postal.length && !words.length ? "add the comune's name" : "write the comune's full name"}`,
    );
  const street = before.filter((t) => t !== 'slash');
  if (!street.some((t) => /\p{L}{2,}/u.test(t)))
    throw badInput(ARG, 'has no street name before the house number, e.g. "via Roma 12, Crema"');
  const streetType = street.length > 1 ? dugOf(street[0]) : null;
  return {
    street: street.join(' '),
    streetType,
    streetName: (streetType ? street.slice(1) : street).join(' '),
    number,
    exponent: exponent?.replace(/\s+/g, '') ?? null,
    comune: named[0],
    comuneReadAs: readAs,
  };
}
