import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { GeoPoint } from '../../../core/model/geo-point.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { CollectionCentreKind } from './enums.js';

/**
 * A waste collection centre (centro di raccolta, piazzola) or supra-municipal platform.
 * Natural key: comune + kind + folded name, so that importers re-running a register
 * update the same rows. Owner, operator, address and location are null when unknown.
 */
@ObjectType({
  implements: Node,
  description:
    'A waste collection centre (centro di raccolta) or supra-municipal platform (piattaforma sovracomunale). Null fields are unknown, not absent.',
})
@Entity({ tableName: 'collection_centre' })
@Unique({ properties: ['comune', 'kind', 'nameKey'] })
export class CollectionCentre extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'location' | 'nameIsOfficial';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => CollectionCentreKind, { description: 'Kind of centre.' })
  @Enum({ items: () => CollectionCentreKind })
  kind!: CollectionCentreKind;

  @Field(() => String, {
    description: 'Name of the centre; see nameIsOfficial for whether it is the official one.',
  })
  @Property({ type: 'text' })
  name!: string;

  /** Name folded with `foldName`, part of the natural key. */
  @Property({ type: 'text' })
  nameKey!: string;

  @Field(() => Boolean, {
    description:
      'False when the name is descriptive, given by the hub because the official name (denominazione) is not known.',
  })
  @Property({ type: 'boolean', default: true })
  nameIsOfficial: boolean = true;

  /** Owner (proprietario); null when the source does not say. */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  owner?: Ref<Organization> | null;

  /** Operator (gestore); null when the source does not say. */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  operator?: Ref<Organization> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Street address (indirizzo); null when unknown (no source gives it).',
  })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lon?: number | null;

  @Field(() => String, { nullable: true, description: 'What is known about the centre.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  get id(): string {
    return toGlobalId('CollectionCentre', this.pk);
  }

  @Field(() => GeoPoint, {
    nullable: true,
    description: 'Location (posizione) in WGS84; null when unknown (no source gives it).',
  })
  get location(): GeoPoint | null {
    return GeoPoint.of(this.lat, this.lon);
  }
}
