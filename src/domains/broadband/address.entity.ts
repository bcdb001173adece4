import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import type { Comune } from '../../hub/comune.entity.js';
import { GeoPoint } from '../../hub/geo.js';
import { Sourced } from '../../hub/sourced.js';
import { DUG_LABEL } from './enums.js';

/** Cosine of the province's mean latitude: scales longitude so that planar distance ≈ metres. */
export const LON_SCALE = 0.7034;

/**
 * A civic address (numero civico), after the national archive ANNCSU: a house number with
 * its exponent on a street of a comune, located, with its real-estate units.
 * The paging index covers the comune foreign key (its first column) and the keyset order.
 */
@ObjectType({
  implements: Node,
  description: 'A civic address (numero civico, after ANNCSU) with its location and units.',
})
@Entity({ tableName: 'civic_address' })
@Index({
  name: 'civic_address_page_index',
  properties: ['comune', 'nameKey', 'streetType', 'number', 'exponent', 'pk'],
})
/** Which datasets each comune's addresses come from (dossier sources), by index only. */
@Index({ name: 'civic_address_comune_dataset_index', properties: ['comune', 'dataset'] })
@Index({
  name: 'civic_address_location_index',
  expression: `create index "civic_address_location_index" on "civic_address" using gist (point("lon" * ${LON_SCALE}, "lat"))`,
})
export class CivicAddress extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'location' | 'exponentOrNull' | 'streetLine' | 'exponent';
  [PrimaryKeyProp]?: 'pk';

  /** Surrogate key. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Field(() => String, {
    description: 'Identifier of the civic number in its source (codice civico), unique.',
  })
  @Unique()
  @Property({ type: 'text' })
  code!: string;

  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, {
    description: 'Street type (DUG, denominazione urbanistica generica), e.g. VIA, PIAZZA.',
  })
  @Property({ type: 'text' })
  streetType!: string;

  @Field(() => String, { description: 'Street name (denominazione), e.g. "della Repubblica".' })
  @Property({ type: 'text' })
  streetName!: string;

  /** Street name folded for search and ordering (`foldName`). */
  @Property({ type: 'text' })
  nameKey!: string;

  @Field(() => Int, { description: 'House number (numero civico).' })
  @Property({ type: 'integer' })
  number!: number;

  /** Exponent in upper case ("A", "BIS"); empty when none, so that keyset order is total. */
  @Property({ type: 'text', default: '' })
  exponent: string = '';

  @Field(() => String, { description: 'Postal code (CAP).' })
  @Property({ type: 'string', length: 5 })
  postalCode!: string;

  @Property({ type: 'double' })
  lat!: number;

  @Property({ type: 'double' })
  lon!: number;

  @Field(() => Int, { description: 'Number of real-estate units (unità immobiliari).' })
  @Property({ type: 'integer' })
  units!: number;

  get id(): string {
    return toGlobalId('CivicAddress', this.pk);
  }

  @Field(() => String, {
    name: 'exponent',
    nullable: true,
    description: 'Exponent of the house number (esponente), e.g. "A" in 12/A; null when none.',
  })
  get exponentOrNull(): string | null {
    return this.exponent || null;
  }

  @Field(() => GeoPoint, { description: 'Location of the civic number (WGS84).' })
  get location(): GeoPoint {
    return GeoPoint.of(this.lat, this.lon)!;
  }

  /** "Via Roma 12/A". */
  @Field(() => String, { description: 'Street and number, e.g. "Via Roma 12/A".' })
  get streetLine(): string {
    const dug = DUG_LABEL[this.streetType] ?? titleCase(this.streetType);
    return `${dug} ${this.streetName} ${this.number}${this.exponent ? `/${this.exponent}` : ''}`;
  }

  /** The postal label "Via Roma 12/A, 26013 Crema CR", given the comune's name. */
  labelIn(comuneName: string): string {
    return `${this.streetLine}, ${this.postalCode} ${comuneName} CR`;
  }
}

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
