import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { Hazard, HazardLevel } from './enums.js';

/**
 * ISPRA IdroGEO's indicators of one comune (one row of the source file): the comune-wide
 * counts that the shares of buildings, business units and cultural heritage are over. The
 * figures per hazard level are its {@link IdrogeoLevel} rows. Served through the hazard
 * profile (`Comune.hazardProfile`), not as a type of its own.
 */
@Entity({ tableName: 'hazard_idrogeo_comune' })
export class IdrogeoComune extends Sourced {
  [PrimaryKeyProp]?: 'comune';

  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  /** Buildings (edifici), ISTAT census 2011; null when the file leaves it empty. */
  @Property({ type: 'integer', nullable: true })
  buildings?: number | null;

  /** Local business units (unità locali d'impresa), ISTAT census 2011. */
  @Property({ type: 'integer', nullable: true })
  businessUnits?: number | null;

  /** Cultural heritage items (beni culturali), ISCR 2021. */
  @Property({ type: 'integer', nullable: true })
  culturalHeritage?: number | null;

  /** Year of the data the exposed residents are counted on (ISTAT census 2011). */
  @Property({ type: 'integer', nullable: true })
  residentsYear?: number | null;

  @Property({ type: 'integer', nullable: true })
  familiesYear?: number | null;

  @Property({ type: 'integer', nullable: true })
  buildingsYear?: number | null;

  @Property({ type: 'integer', nullable: true })
  businessUnitsYear?: number | null;

  @Property({ type: 'integer', nullable: true })
  culturalHeritageYear?: number | null;
}

/**
 * ISPRA's figures for one hazard level of one comune: area and exposed residents,
 * families, buildings, business units and cultural heritage, each as a count and as
 * ISPRA's percentage. A null is a cell the source leaves empty, or a percentage of a
 * total of 0 (undefined, stored null rather than ISPRA's 0).
 */
@Entity({ tableName: 'hazard_idrogeo_level' })
@Unique({ properties: ['indicators', 'hazard', 'level'] })
export class IdrogeoLevel {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  /** The comune's indicators this level belongs to (its provenance). */
  @ManyToOne({ entity: 'IdrogeoComune', ref: true, deleteRule: 'cascade' })
  indicators!: Ref<IdrogeoComune>;

  @Enum({ items: () => Hazard, nativeEnumName: 'civil_protection_hazard' })
  hazard!: Hazard;

  @Enum({ items: () => HazardLevel, nativeEnumName: 'hazard_level' })
  level!: HazardLevel;

  /** ISPRA's code of the class: P3, P2, P1 (flood); P4, P3, P2, P1, AA (landslide). */
  @Property({ type: 'text' })
  code!: string;

  /** Year of ISPRA's national hazard mosaic the areas come from. */
  @Property({ type: 'integer' })
  mapYear!: number;

  /** Hazard area in km², exact as published (3 decimals). */
  @Property({ type: 'decimal', precision: 12, scale: 3, nullable: true })
  areaKm2?: string | null;

  @Property({ type: 'double', nullable: true })
  areaPercent?: number | null;

  @Property({ type: 'integer', nullable: true })
  residents?: number | null;

  @Property({ type: 'double', nullable: true })
  residentsPercent?: number | null;

  @Property({ type: 'integer', nullable: true })
  families?: number | null;

  @Property({ type: 'double', nullable: true })
  familiesPercent?: number | null;

  @Property({ type: 'integer', nullable: true })
  buildings?: number | null;

  @Property({ type: 'double', nullable: true })
  buildingsPercent?: number | null;

  @Property({ type: 'integer', nullable: true })
  businessUnits?: number | null;

  @Property({ type: 'double', nullable: true })
  businessUnitsPercent?: number | null;

  @Property({ type: 'integer', nullable: true })
  culturalHeritage?: number | null;

  @Property({ type: 'double', nullable: true })
  culturalHeritagePercent?: number | null;
}

/** The seismic zone of a comune (classificazione sismica), as classified by the DPC. */
@ObjectType({
  implements: Node,
  description:
    'Seismic zone (zona sismica) of a comune in the seismic classification of the Dipartimento della Protezione Civile.',
})
@Entity({ tableName: 'hazard_seismic_zone' })
export class SeismicClassification extends Sourced implements Node {
  [PrimaryKeyProp]?: 'comune';
  [OptionalProps]?: 'id' | 'asOf';

  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, {
    description:
      'Seismic zone: "1" (highest hazard) to "4" (lowest); some regions use sub-zones such as "2A" or "3S".',
  })
  @Property({ type: 'text' })
  zone!: string;

  @Property({ type: 'date' })
  asOfOn!: string;

  @Enum({ items: () => DatePrecision })
  asOfPrecision!: DatePrecision;

  get id(): string {
    return toGlobalId('SeismicClassification', this.comune.unwrap().istatCode);
  }

  @Field(() => PreciseDate, {
    description: 'Date of the classification the zone is taken from (May 2025: MONTH).',
  })
  get asOf(): PreciseDate {
    return PreciseDate.of(this.asOfOn, this.asOfPrecision);
  }
}
