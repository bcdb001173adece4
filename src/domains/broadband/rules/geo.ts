/** Small planar geometry on GeoJSON (lon, lat) for the sample and the importer. */

type Ring = number[][];
type Geometry = { type: string; coordinates: unknown };

/** Bounding box [minLon, minLat, maxLon, maxLat]. */
export type Box = [number, number, number, number];

/** A comune boundary ready for point-in-polygon tests. */
export interface Shape {
  polygons: Ring[][];
  box: Box;
}

/** Reads a GeoJSON Polygon or MultiPolygon. */
export function toShape(geometry: Geometry): Shape {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  if (!polygons.length) throw new Error(`unsupported geometry ${geometry.type}`);
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer] of polygons)
    for (const [x, y] of outer) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return { polygons, box };
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when (lon, lat) lies inside the shape (outer rings minus holes). */
export function contains(shape: Shape, lon: number, lat: number): boolean {
  const [x0, y0, x1, y1] = shape.box;
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1) return false;
  return shape.polygons.some(
    ([outer, ...holes]) => inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)),
  );
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Moves a point by metres north and east. */
export function offset(lat: number, lon: number, north: number, east: number): [number, number] {
  return [lat + north / 111_320, lon + east / (111_320 * Math.cos(rad(lat)))];
}
