/**
 * Folds a name for forgiving comparison: lower case, no accents, apostrophes (straight or
 * curly) and punctuation as spaces, runs of spaces collapsed. "Spino d'Adda" and
 * "spino d adda" fold to the same key.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
