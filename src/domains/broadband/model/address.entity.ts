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
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { GeoPoint } from '../../../core/model/geo-point.js';
import { Sourced } from '../../../core/model/sourced.js';
import { DUG_LABEL } from './enums.js';

/** Cosine of the province's mean latitude: scales longitude so that planar distance ≈ metres. */
export const LON_SCALE = 0.7034;

/**
 * A civic address (numero civico): a house number with its exponent on a street of a
 * comune. Real civic addresses come from Infratel's 2025 mapping (street and number as
 * published, no location, no units: those stay null); the synthetic sample and imported
 * per-address extracts also carry a location and units.
 * The paging index covers the comune foreign key (its first column) and the keyset order.
 * `number` is 0 in the table for a civic without a house number (senza numero civico,
 * SNC): the keyset order needs a value; the API says null.
 */
@ObjectType({
  implements: Node,
  description:
    'A civic address (numero civico): street, house number and exponent in a comune; location and units when the source gives them.',
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
  [OptionalProps]?:
    | 'id'
    | 'location'
    | 'exponentOrNull'
    | 'streetLine'
    | 'exponent'
    | 'houseNumber'
    | 'civicNumber'
    | 'streetText'
    | 'civicText';
  [PrimaryKeyProp]?: 'pk';

  /** Surrogate key. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Field(() => String, {
    description:
      'Identifier of the civic number in the hub, unique and stable (the source’s code, or comune/street/number for Infratel’s list).',
  })
  @Unique()
  @Property({ type: 'text' })
  code!: string;

  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, {
    description:
      'Street type (DUG, denominazione urbanistica generica), e.g. VIA, PIAZZA, CASCINA.',
  })
  @Property({ type: 'text' })
  streetType!: string;

  @Field(() => String, {
    description:
      'Street name (denominazione) without the street type, as the source writes it (Infratel: upper case).',
  })
  @Property({ type: 'text' })
  streetName!: string;

  /** Street name folded for search and ordering (`foldName`). */
  @Property({ type: 'text' })
  nameKey!: string;

  /** House number; 0 for a civic without one (SNC). */
  @Property({ type: 'integer' })
  number!: number;

  /** Exponent in upper case ("A", "BIS", "D 1"); empty when none, so that keyset order is total. */
  @Property({ type: 'text', default: '' })
  exponent: string = '';

  /** The street exactly as the source published it (Infratel), or null. */
  @Property({ type: 'text', nullable: true })
  streetText?: string | null;

  /** The house number exactly as the source published it ("12/A", "0/SNC"), or null. */
  @Property({ type: 'text', nullable: true })
  civicText?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Postal code (CAP); null when the source does not give it (Infratel’s list).',
  })
  @Property({ type: 'string', length: 5, nullable: true })
  postalCode?: string | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lon?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Number of real-estate units (unità immobiliari); null when the source does not give it (Infratel’s list).',
  })
  @Property({ type: 'integer', nullable: true })
  units?: number | null;

  get id(): string {
    return toGlobalId('CivicAddress', this.pk);
  }

  @Field(() => Int, {
    name: 'number',
    nullable: true,
    description:
      'House number (numero civico); null for a civic without one (SNC, senza numero civico).',
  })
  get houseNumber(): number | null {
    return this.number > 0 ? this.number : null;
  }

  @Field(() => String, {
    name: 'exponent',
    nullable: true,
    description: 'Exponent of the house number (esponente), e.g. "A" in 12/A; null when none.',
  })
  get exponentOrNull(): string | null {
    return this.exponent || null;
  }

  @Field(() => String, {
    description:
      'The house number as the source writes it: "12", "12/A", "0/SNC" or "0" (Infratel’s forms for a civic without a number).',
  })
  get civicNumber(): string {
    if (this.civicText) return this.civicText;
    return `${this.number}${this.exponent ? `/${this.exponent}` : ''}`;
  }

  @Field(() => GeoPoint, {
    nullable: true,
    description:
      'Location of the civic number (WGS84); null when the source gives none (Infratel’s list has no coordinates): never guessed.',
  })
  get location(): GeoPoint | null {
    return GeoPoint.of(this.lat, this.lon);
  }

  /** "Via Roma 12/A", or the street and number as published ("VIA ROMA 12/A"). */
  @Field(() => String, {
    description:
      'Street and number, e.g. "Via Roma 12/A" (Infratel: as published, "VIA ROMA 12/A").',
  })
  get streetLine(): string {
    if (this.streetText) return `${this.streetText} ${this.civicNumber}`;
    const dug = DUG_LABEL[this.streetType] ?? titleCase(this.streetType);
    return `${dug} ${this.streetName} ${this.number}${this.exponent ? `/${this.exponent}` : ''}`;
  }

  /** The postal label "Via Roma 12/A, 26013 Crema CR", given the comune's name. */
  labelIn(comuneName: string): string {
    return `${this.streetLine}, ${this.postalCode ? `${this.postalCode} ` : ''}${comuneName} CR`;
  }
}

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
