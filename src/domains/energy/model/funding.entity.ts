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
import { DatePrecision, DateScalar, PreciseDate } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { EnergyCommunity } from './energy-community.entity.js';

/**
 * A funding (finanziamento, contributo) for an energy community. Natural key: community +
 * funder + announcement date. The recipient is an organisation or a comune, or unknown
 * (both null, with `recipientNote` saying why).
 */
@ObjectType({
  implements: Node,
  description: 'A funding (finanziamento) for an energy community: who gives what, for what.',
})
@Entity({ tableName: 'energy_funding' })
@Unique({ properties: ['community', 'funder', 'announcedOn'] })
export class Funding extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'announced';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'EnergyCommunity', ref: true, deleteRule: 'cascade' })
  community!: Ref<EnergyCommunity>;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'restrict' })
  funder!: Ref<Organization>;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  recipientOrganization?: Ref<Organization> | null;

  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true, deleteRule: 'restrict' })
  recipientComune?: Ref<Comune> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the recipient is what it is, or why it is unknown (null recipient).',
  })
  @Property({ type: 'text', nullable: true })
  recipientNote?: string | null;

  @Field(() => MoneyScalar, { description: 'Amount in EUR (importo).' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, {
    description:
      'Announcement date (data dell’annuncio); see `announced` for its precision (first day of the period when coarser than DAY).',
  })
  @Property({ type: 'date' })
  announcedOn!: string;

  @Field(() => DatePrecision, { description: 'How precisely announcedOn is known.' })
  @Enum({ items: () => DatePrecision })
  announcedPrecision!: DatePrecision;

  @Field(() => String, {
    description: 'What the money is for (finalità), e.g. a feasibility study.',
  })
  @Property({ type: 'text' })
  purpose!: string;

  get id(): string {
    return toGlobalId('Funding', this.pk);
  }

  @Field(() => PreciseDate, { description: 'The announcement date with its precision.' })
  get announced(): PreciseDate {
    return PreciseDate.of(this.announcedOn, this.announcedPrecision);
  }
}
