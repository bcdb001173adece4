import { badInput } from '../../../common/errors.js';

/** What a user typed, read as an address. */
export interface AddressQuery {
  /** Folded street name words, without the street type. */
  name: string;
  /** Street type (DUG) when given, e.g. VIALE. */
  streetType: string | null;
  number: number | null;
  /** Exponent in upper case ("A"), or null. */
  exponent: string | null;
  /** Five-digit postal code when given. */
  postalCode: string | null;
  /** Folded tokens left for comune matching (the whole text, folded). */
  tokens: string[];
}

/** Abbreviations people type, in the order they must be tried (v.le before v.). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bv\.?\s*le\b\.?/g, ' viale '],
  [/\bp\.?\s*zz?a\b\.?/g, ' piazza '],
  [/\bp\.?\s*le\b\.?/g, ' piazzale '],
  [/\bc\.?\s*so\b\.?/g, ' corso '],
  [/\bv\.?\s*lo\b\.?/g, ' vicolo '],
  [/\bl\.?\s*go\b\.?/g, ' largo '],
  [/\bloc\b\.?/g, ' localita '],
  [/\bfraz\b\.?/g, ' localita '],
  [/\bstr\b\.?/g, ' strada '],
  [/\bv\b\.?/g, ' via '],
  [/\bs\.\s*/g, ' san '],
];

/** Street types (DUG) as folded words, to the stored upper-case form. */
export const DUG_WORDS: Record<string, string> = {
  via: 'VIA',
  viale: 'VIALE',
  piazza: 'PIAZZA',
  piazzale: 'PIAZZALE',
  corso: 'CORSO',
  vicolo: 'VICOLO',
  strada: 'STRADA',
  largo: 'LARGO',
  localita: 'LOCALITÀ',
};

const MAX_LENGTH = 200;

/** Lower case, no accents, apostrophes of any kind as spaces, abbreviations expanded. */
export function normalise(text: string): string {
  let t = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    // "12/v": the exponent joins its number, so that abbreviations ("v" = via) leave it alone.
    .replace(/(\d)\s*\/\s*([a-z]{1,3})\b/g, '$1$2');
  for (const [re, word] of ABBREVIATIONS) t = t.replace(re, word);
  return t
    .replace(/(\d)([a-z]+)\b/g, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Reads free text as an address: street type, street name, number and exponent, postal
 * code. The comune name is matched later against the comuni (see `splitComune`).
 * Empty or absurd text is a `BAD_USER_INPUT` naming the argument.
 */
export function parseAddress(text: string, argument = 'text'): AddressQuery {
  if (text.length > MAX_LENGTH)
    throw badInput(argument, `must be at most ${MAX_LENGTH} characters, got ${text.length}`);
  const tokens = normalise(text).split(' ').filter(Boolean);
  if (!tokens.some((t) => /\p{L}{2,}/u.test(t)))
    throw badInput(
      argument,
      'must contain a street name, e.g. "via roma 12 crema" or "v.le repubblica 12/a 26013"',
    );
  let postalCode: string | null = null;
  let number: number | null = null;
  let exponent: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^\d{5}$/.test(t)) postalCode = t;
    else if (/^\d{1,4}$/.test(t)) {
      number = Number(t);
      const next = tokens[i + 1];
      exponent = null;
      if (next && /^([a-z]|bis|ter)$/.test(next)) {
        exponent = next.toUpperCase();
        i++;
      }
    } else if (/^\d+$/.test(t))
      throw badInput(argument, `"${t}" is neither a house number nor a 5-digit postal code`);
    else words.push(t);
  }
  return { name: words.join(' '), streetType: null, number, exponent, postalCode, tokens: words };
}

/**
 * Removes a comune name from the street words, when one is there and a street name is
 * left: the occurrence ending last wins ("via crema 5 offanengo" is in Offanengo).
 */
export function splitComune(
  q: AddressQuery,
  comuni: { istatCode: string; nameKey: string }[],
): { query: AddressQuery; comune: string | null } {
  const words = q.tokens;
  let best: { start: number; end: number; code: string } | null = null;
  for (const c of comuni) {
    const name = c.nameKey.split(' ');
    for (let s = 0; s + name.length <= words.length; s++)
      if (name.every((w, k) => words[s + k] === w)) {
        const end = s + name.length;
        if (!best || end > best.end || (end === best.end && s < best.start))
          best = { start: s, end, code: c.istatCode };
      }
  }
  let rest = words;
  let comune: string | null = null;
  if (best && best.end - best.start === words.length)
    throw badInput(
      'text',
      'must contain a street name besides the comune, e.g. "via roma 12 crema"',
    );
  if (best) {
    const left = [...words.slice(0, best.start), ...words.slice(best.end)];
    if (left.some((w) => !DUG_WORDS[w])) {
      rest = left;
      comune = best.code;
    }
  }
  const streetType = rest.length > 1 && DUG_WORDS[rest[0]] ? DUG_WORDS[rest[0]] : null;
  const name = (streetType ? rest.slice(1) : rest).join(' ');
  return { query: { ...q, name, streetType, tokens: rest }, comune };
}
