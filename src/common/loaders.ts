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

/**
 * Loads the row a reference points to, which must exist (a foreign key holds it): the one
 * "load or fail" of the hub. Its absence is the hub's fault, not the client's, so it is an
 * internal error naming what is missing (e.g. `grouping CR-NORD is missing`).
 */
export async function loadOrFail<K, T>(
  loader: { load(key: K): Promise<T | null | undefined> },
  key: K,
  what: string,
): Promise<T> {
  const row = await loader.load(key);
  if (row == null) throw new Error(`${what} ${String(key)} is missing`);
  return row;
}
