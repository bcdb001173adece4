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
import { Sourced } from '../../../core/model/sourced.js';
import type { EnergyCommunity } from './energy-community.entity.js';
import { EnergyCommunityFounderKind } from './enums.js';
import { MaxItems } from '../../../common/limits.js';

/** Province code (sigla) of the province of Cremona, whose comuni the hub holds. */
export const HOME_PROVINCE = 'CR';

/**
 * A founding member (socio fondatore) of an energy community, as the press names it: a
 * comune (of the province of Cremona, linked to its record; or outside the province, kept by
 * name and province only, with no invented ISTAT code) or a parish. Each row cites its
 * articles.
 */
@ObjectType({
  implements: Node,
  description:
    'A founding member (socio fondatore) of an energy community: a comune or a parish, each citing its articles.',
})
@Entity({ tableName: 'energy_community_founder' })
@Unique({ properties: ['community', 'kind', 'name'] })
export class EnergyCommunityFounder extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'inProvince' | 'lead';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'EnergyCommunity', ref: true, deleteRule: 'cascade' })
  community!: Ref<EnergyCommunity>;

  @Field(() => EnergyCommunityFounderKind, { description: 'Comune or parish.' })
  @Enum({ items: () => EnergyCommunityFounderKind })
  kind!: EnergyCommunityFounderKind;

  @Field(() => String, {
    description: 'Name as the source gives it, e.g. "Crespiatica" or "Parrocchia di Trigolo".',
  })
  @Property({ type: 'text' })
  name!: string;

  /**
   * The comune of the province of Cremona: the founder itself, or the comune of a parish.
   * Null outside the province (the hub holds only the province's 113 comuni).
   */
  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true, deleteRule: 'cascade' })
  comune?: Ref<Comune> | null;

  @Field(() => String, {
    description:
      'Province code (sigla) of the founder: "CR" (Cremona), "LO" (Lodi), "BG" (Bergamo).',
  })
  @Property({ type: 'string', length: 2 })
  provinceCode!: string;

  @Field(() => Boolean, {
    description: 'True for the lead founder (capofila), when the source names one.',
  })
  @Property({ type: 'boolean', default: false })
  lead: boolean = false;

  @MaxItems(10)
  @Field(() => [String], { description: 'Addresses of the articles that name this founder.' })
  @Property({ type: 'text[]' })
  articles!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'What else is known, e.g. why a founder outside the province has no comune record.',
  })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  get id(): string {
    return toGlobalId('EnergyCommunityFounder', this.pk);
  }

  @Field(() => Boolean, {
    description:
      'True when the founder lies in the province of Cremona (then `comune` is its record).',
  })
  get inProvince(): boolean {
    return this.provinceCode === HOME_PROVINCE;
  }
}
