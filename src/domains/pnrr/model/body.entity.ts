import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { BodyKind } from './enums.js';

/** A public body known by its IPA code. */
@ObjectType('PnrrBody', {
  implements: Node,
  description: 'A public body (ente) identified by its IPA code, located in a comune.',
})
@Entity({ tableName: 'pnrr_body' })
export class PnrrBody extends Sourced implements Node {
  [OptionalProps]?: 'id';

  @Field(() => String, { description: 'IPA code (codice IPA), e.g. "c_d142" or "citsrl".' })
  @PrimaryKey({ type: 'text' })
  ipaCode!: string;

  @Field(() => String, {
    description:
      'Name (ente). For rows of the older layout without `ente` a comune is named "Comune di <comune>".',
  })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => BodyKind, { description: 'Kind of body.' })
  @Enum({ items: () => BodyKind, nativeEnumName: 'pnrr_body_kind' })
  kind!: BodyKind;

  /** The comune where the body is (column `cod_comune`). */
  @Index()
  @ManyToOne({ entity: 'Comune', ref: true })
  comune!: Ref<Comune>;

  get id(): string {
    return toGlobalId('PnrrBody', this.ipaCode);
  }
}
