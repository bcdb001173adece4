import { Field, Float, ObjectType } from 'type-graphql';

/** A point in WGS84 (EPSG:4326). */
@ObjectType({ description: 'A point in WGS84 degrees (EPSG:4326).' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude in degrees.' })
  lon!: number;

  static of(lat: number | null | undefined, lon: number | null | undefined): GeoPoint | null {
    if (lat == null || lon == null) return null;
    return Object.assign(new GeoPoint(), { lat, lon });
  }
}
