import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import { Dataset } from './dataset.entity.js';
import { GeoPoint } from './geo-point.js';
import { Sourced } from './sourced.js';
import { MaxItems } from '../../common/limits.js';

/** Legal and resident population of a comune. */
@ObjectType({ description: 'Population (popolazione) of a comune.' })
export class Population {
  @Field(() => Int, { nullable: true, description: 'Legal population, census 2011 (ISTAT).' })
  legal2011!: number | null;
  @Field(() => Int, { nullable: true, description: 'Resident population on 1 January 2021.' })
  resident2021!: number | null;
}

/** A comune (municipality) of the province of Cremona, keyed by its ISTAT code. */
@ObjectType({
  implements: Node,
  description: 'A comune (municipality) of the province of Cremona, keyed by its ISTAT code.',
})
@Entity({ tableName: 'comune' })
export class Comune extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'population' | 'centroid' | 'boundaryDataset';

  /** ISTAT code, 6 digits (`019035` is Crema). */
  @Field(() => String, { description: 'ISTAT code (codice ISTAT), 6 digits, e.g. "019035".' })
  @PrimaryKey({ type: 'string', length: 6 })
  istatCode!: string;

  @Field(() => String, { description: 'Official name (denominazione).' })
  @Property({ type: 'text' })
  name!: string;

  /** Name folded for forgiving lookups (see `foldName`). */
  @Index()
  @Property({ type: 'text' })
  nameKey!: string;

  @Field(() => String, { description: 'Cadastral code (codice catastale), e.g. "D142".' })
  @Property({ type: 'string', length: 4 })
  cadastralCode!: string;

  @MaxItems(20)
  @Field(() => [String], { description: 'Postal codes (CAP) of the comune.' })
  @Property({ type: 'text[]' })
  postalCodes!: string[];

  @Property({ type: 'integer', nullable: true })
  popLegal2011?: number | null;

  @Property({ type: 'integer', nullable: true })
  popResident2021?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Area in km² computed from the boundary (spherical area).',
  })
  @Property({ type: 'double', nullable: true })
  areaKm2?: number | null;

  @Property({ type: 'double', nullable: true })
  centroidLat?: number | null;

  @Property({ type: 'double', nullable: true })
  centroidLon?: number | null;

  /** GeoJSON geometry (Polygon or MultiPolygon); lazy, served by a loader. */
  @Property({ type: 'json', lazy: true, nullable: true })
  boundary?: object | null;

  /**
   * The dataset the boundary comes from (openpolis limits), when there is a boundary; the
   * area and centroid are computed from it. Exposed as `boundarySource`, counted in the
   * dataset's `recordCount` and listed in the comune's `sources`.
   */
  @ManyToOne(() => Dataset, { ref: true, nullable: true, deleteRule: 'restrict' })
  boundaryDataset?: Ref<Dataset> | null;

  get id(): string {
    return toGlobalId('Comune', this.istatCode);
  }

  @Field(() => Population, { description: 'Population (popolazione legale e residente).' })
  get population(): Population {
    return { legal2011: this.popLegal2011 ?? null, resident2021: this.popResident2021 ?? null };
  }

  @Field(() => GeoPoint, {
    nullable: true,
    description: 'Centroid of the largest polygon of the boundary (WGS84).',
  })
  get centroid(): GeoPoint | null {
    return GeoPoint.of(this.centroidLat, this.centroidLon);
  }
}
