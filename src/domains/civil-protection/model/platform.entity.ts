import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { PlanPlatform } from './enums.js';

/**
 * A platform comuni write their civil-protection plans on (Regione Lombardia's PPC
 * online), with the regional framework it belongs to.
 */
@ObjectType('CivilProtectionPlatformInfo', {
  implements: Node,
  description:
    'A platform comuni write their civil-protection plans on, with the regional framework it belongs to.',
})
@Entity({ tableName: 'civil_protection_platform_info' })
export class PlanPlatformInfo extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'planningReorganisedIn';

  @Field(() => PlanPlatform, { description: 'The platform (the value plans carry in `platform`).' })
  @Enum({ items: () => PlanPlatform, nativeEnumName: 'civil_protection_platform', primary: true })
  platform!: PlanPlatform;

  @Field(() => String, { description: 'Name of the platform.' })
  @Property({ type: 'text' })
  name!: string;

  /** Who runs it (Regione Lombardia). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'restrict' })
  operator!: Ref<Organization>;

  @Property({ type: 'date', nullable: true })
  reorganisedOn?: string | null;

  @Enum({ items: () => DatePrecision, nullable: true })
  reorganisedPrecision?: DatePrecision | null;

  @Field(() => String, { description: 'What the platform is for, as the source puts it.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The regional guidelines for emergency management that go with it, as far as the source says.',
  })
  @Property({ type: 'text', nullable: true })
  guidelines?: string | null;

  get id(): string {
    return toGlobalId('CivilProtectionPlatformInfo', this.platform);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description:
      'When the region reorganised municipal civil-protection planning around the platform (2021: YEAR precision); null when not known.',
  })
  get planningReorganisedIn(): PreciseDate | null {
    return this.reorganisedOn && this.reorganisedPrecision
      ? PreciseDate.of(this.reorganisedOn, this.reorganisedPrecision)
      : null;
  }
}
