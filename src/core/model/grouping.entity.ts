import {
  Entity,
  Enum,
  OptionalProps,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import type { Comune } from './comune.entity.js';
import { Sourced } from './sourced.js';
import { GroupingKind } from './enums.js';

/** A named set of comuni: a province, an area, the members of a body, a lot... */
@ObjectType({
  implements: Node,
  description: 'A territorial grouping (raggruppamento territoriale) of comuni, with its source.',
})
@Entity({ tableName: 'territorial_grouping' })
export class TerritorialGrouping extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'membershipInferred' | 'membershipKnown';

  @Field(() => String, { description: 'Kebab-case code, e.g. "area-omogenea-cremasca".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the grouping.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => GroupingKind, { description: 'Kind of grouping.' })
  @Enum({ items: () => GroupingKind, nativeEnumName: 'grouping_kind' })
  kind!: GroupingKind;

  @Field(() => String, { nullable: true, description: 'What the grouping is and how it is known.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Boolean, {
    description:
      'False while the membership is not known (e.g. a tender lot before publication): an empty member list then means "unknown", not "none".',
  })
  @Property({ type: 'boolean', default: true })
  membershipKnown: boolean = true;

  @Field(() => Boolean, {
    description:
      'True when the member list is inferred by the hub, not taken from an official list: each member then carries a MEMBERSHIP_INFERRED flag, and `source.note` gives the basis and the evidence.',
  })
  @Property({ type: 'boolean', default: false })
  membershipInferred: boolean = false;

  @Field(() => Int, {
    nullable: true,
    description:
      'Number of members the source declares, when it differs from or precedes the list.',
  })
  @Property({ type: 'integer', nullable: true })
  declaredMemberCount?: number | null;

  get id(): string {
    return toGlobalId('TerritorialGrouping', this.code);
  }
}

/** Membership of a comune in a grouping. */
@Entity({ tableName: 'grouping_member' })
@Index({ properties: ['comune'] })
export class GroupingMember {
  @ManyToOne(() => TerritorialGrouping, { primary: true, ref: true, deleteRule: 'cascade' })
  grouping!: Ref<TerritorialGrouping>;

  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;
}
