/**
 * SQL scoring of a text column against a search text, Italian-aware: case, accents and
 * apostrophes folded (`hub_fold`, see the hub migration), typos through trigram word
 * similarity, stems through the `italian` text-search configuration. Two parameters, both
 * the folded search text (see `foldName`).
 */
export function textScoreSql(column: string): string {
  return `greatest(
    word_similarity(?, hub_fold(${column})),
    case when to_tsvector('italian', hub_fold(${column})) @@ plainto_tsquery('italian', ?)
      then 0.9 else 0 end)`;
}

/** Minimum score of a search hit. */
export const MIN_SCORE = 0.3;
