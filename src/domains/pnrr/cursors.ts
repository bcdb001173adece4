import { decodeCursor } from '../../common/pagination.js';

/** Checks a grants cursor ([funding date, id]) before it reaches SQL. */
export function checkGrantCursor(after: string | null | undefined): void {
  if (after == null) return;
  decodeCursor(after, ['date', 'int']);
}

/** Checks a projects cursor ([local code]) before it reaches SQL. */
export function checkProjectCursor(after: string | null | undefined): void {
  if (after == null) return;
  decodeCursor(after, ['text']);
}
