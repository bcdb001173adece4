import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import type { Comune } from '../../hub/comune.entity.js';
import type { Organization } from '../../hub/organization.entity.js';
import { Sourced } from '../../hub/sourced.js';
import { Plan } from './enums.js';

/** Length of the white-area public network (rete aree bianche) in one comune. */
@Entity({ tableName: 'white_area_network' })
export class WhiteAreaNetwork extends Sourced {
  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  /** Kilometres of ultra-broadband infrastructure, exact decimal (string from the driver). */
  @Property({ type: 'decimal', precision: 8, scale: 2 })
  km!: string;
}

/**
 * A public broadband programme as published for the Consorzio.IT territory: the published
 * totals the synthetic sample is calibrated to.
 */
@ObjectType({
  implements: Node,
  description:
    'A public broadband programme (piano) with the figures published for the Consorzio.IT comuni.',
})
@Entity({ tableName: 'broadband_programme' })
export class BroadbandProgramme extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'networkKmValue';

  @Field(() => String, { description: 'Stable code, e.g. "aree-bianche-bul".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the programme.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Plan, { description: 'The plan value its coverages carry.' })
  @Enum({ items: () => Plan, nativeEnumName: 'broadband_plan' })
  plan!: Plan;

  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  operator?: Ref<Organization> | null;

  @Field(() => Int, { description: 'Comuni of the territory reached by the programme.' })
  @Property({ type: 'integer' })
  comuniReached!: number;

  @Field(() => Int, { description: 'Comuni of the territory (the Consorzio.IT members).' })
  @Property({ type: 'integer' })
  comuniInTerritory!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Real-estate units (unità immobiliari) connected; null when not published.',
  })
  @Property({ type: 'integer', nullable: true })
  units?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Civic numbers (numeri civici) financed; null when not published.',
  })
  @Property({ type: 'integer', nullable: true })
  civicNumbers?: number | null;

  @Property({ type: 'decimal', precision: 8, scale: 2, nullable: true })
  networkKm?: string | null;

  @Field(() => Int, { nullable: true, description: 'Top download speed in Mbit/s, if stated.' })
  @Property({ type: 'integer', nullable: true })
  maxDownloadMbps?: number | null;

  @Field(() => String, { description: 'What the programme is.' })
  @Property({ type: 'text' })
  description!: string;

  get id(): string {
    return toGlobalId('BroadbandProgramme', this.code);
  }

  @Field(() => Float, {
    name: 'networkKm',
    nullable: true,
    description: 'Kilometres of network built; null when not published.',
  })
  get networkKmValue(): number | null {
    return this.networkKm == null ? null : Number(this.networkKm);
  }
}
