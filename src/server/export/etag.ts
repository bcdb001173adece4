import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * HTTP revalidation of an export: its ETag comes from the export's data version (the change
 * counters of the tables it reads) and what was asked (file, territory). Exports need a key,
 * so caches may keep them for that caller only (`private, no-cache`: revalidate each time).
 * Returns true when the request's `If-None-Match` names the current ETag: the answer was
 * 304 Not Modified and nothing else must be sent.
 */
export function exportNotModified(
  req: Request,
  res: Response,
  dataVersion: string,
  asked: string,
  open: boolean,
): boolean {
  const etag = `"${dataVersion}-${createHash('sha256').update(asked).digest('hex').slice(0, 16)}"`;
  res.set({
    ETag: etag,
    'Cache-Control': open ? 'public, no-cache' : 'private, no-cache',
    Vary: 'Authorization',
  });
  const header = req.headers['if-none-match'];
  if (
    !header ||
    !header
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === etag || t === '*')
  )
    return false;
  res.status(304).end();
  return true;
}
