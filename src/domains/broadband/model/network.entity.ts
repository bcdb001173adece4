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
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { Plan } from './enums.js';

/** Why the programme's press figures are deprecated as fields (they are claims). */
const CLAIM_DEPRECATION =
  'A press claim, not a verified figure: see `claims` and their `check`. Deprecated since 2026-11-30.';

/**
 * Length of the white-area public network (rete aree bianche) in one comune. No open data
 * give it: only the synthetic sample writes rows (its split of the 360 km claimed for the
 * 52 comuni); a comune without a row has an unknown length.
 */
@Entity({ tableName: 'white_area_network' })
export class WhiteAreaNetwork extends Sourced {
  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  /** Kilometres of ultra-broadband infrastructure, exact decimal (string from the driver). */
  @Property({ type: 'decimal', precision: 8, scale: 2 })
  km!: string;
}

/**
 * A public broadband programme (white areas, grey areas) as the press presented it for the
 * Consorzio.IT territory. Its figures are press claims (see `claims`), kept here because
 * the synthetic sample is calibrated to them.
 */
@ObjectType({
  implements: Node,
  description:
    'A public broadband programme (piano): what it is, who runs it, and the figures the press stated for the Consorzio.IT comuni (claims, see `claims`).',
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

  @Field(() => Int, {
    description: 'Comuni of the territory reached, as claimed in the press.',
    deprecationReason: CLAIM_DEPRECATION,
  })
  @Property({ type: 'integer' })
  comuniReached!: number;

  @Field(() => Int, {
    description: 'Comuni of the territory (the Consorzio.IT members), as stated in the press.',
    deprecationReason: CLAIM_DEPRECATION,
  })
  @Property({ type: 'integer' })
  comuniInTerritory!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Real-estate units (unità immobiliari) connected, as claimed; null when none.',
    deprecationReason: CLAIM_DEPRECATION,
  })
  @Property({ type: 'integer', nullable: true })
  units?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Civic numbers (numeri civici) financed, as claimed; null when none.',
    deprecationReason: CLAIM_DEPRECATION,
  })
  @Property({ type: 'integer', nullable: true })
  civicNumbers?: number | null;

  @Property({ type: 'decimal', precision: 8, scale: 2, nullable: true })
  networkKm?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Top download speed in Mbit/s, as claimed; null when not stated.',
    deprecationReason: CLAIM_DEPRECATION,
  })
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
    description: 'Kilometres of network built, as claimed; null when none.',
    deprecationReason: CLAIM_DEPRECATION,
  })
  get networkKmValue(): number | null {
    return this.networkKm == null ? null : Number(this.networkKm);
  }
}
