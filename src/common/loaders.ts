import DataLoader from 'dataloader';

/** Groups rows by a key, keeping row order inside each group. */
export function groupBy<K, T>(rows: Iterable<T>, key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A loader of one row per key (or null), from a batch function returning rows. */
export function oneLoader<K, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  key: (row: T) => K,
): DataLoader<K, T | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((r) => [key(r), r] as const));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A loader of a list of rows per key, from a batch function returning rows. */
export function manyLoader<K, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  key: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader(async (keys) => {
    const byKey = groupBy(await fetch(keys), key);
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
