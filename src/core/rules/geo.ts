import { badInput } from '../../common/errors.js';

/**
 * Checks a WGS84 point given by a client: latitude from -90 to 90, longitude from -180 to
 * 180 (NaN and infinities refused). The error is `BAD_USER_INPUT` naming the argument,
 * in one wording wherever a point is read (`lat`/`lon` arguments, an input's `location`).
 */
export function checkPoint(
  lat: number,
  lon: number,
  latArgument = 'lat',
  lonArgument = 'lon',
): { lat: number; lon: number } {
  if (!(Math.abs(lat) <= 90))
    throw badInput(latArgument, `must be a latitude from -90 to 90, got ${lat}`);
  if (!(Math.abs(lon) <= 180))
    throw badInput(lonArgument, `must be a longitude from -180 to 180, got ${lon}`);
  return { lat, lon };
}
