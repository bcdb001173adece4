import { badInput } from '../../common/errors.js';
import { decodeCursor } from '../../common/pagination.js';

const bad = () => badInput('after', 'is not a cursor returned by this connection');

/** Checks a grants cursor ([funding date, id]) before it reaches SQL. */
export function checkGrantCursor(after: string | null | undefined): void {
  if (after == null) return;
  const k = decodeCursor(after);
  if (
    k.length !== 2 ||
    typeof k[0] !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(k[0]) ||
    !Number.isInteger(k[1])
  )
    throw bad();
}

/** Checks a projects cursor ([local code]) before it reaches SQL. */
export function checkProjectCursor(after: string | null | undefined): void {
  if (after == null) return;
  const k = decodeCursor(after);
  if (k.length !== 1 || typeof k[0] !== 'string') throw bad();
}
