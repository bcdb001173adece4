import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import { ComuneOrderField, OrderDirection } from '../model/enums.js';

/** Filter of the comuni list; all given conditions must hold. */
@InputType({ description: 'Filter of the comuni list; all given conditions must hold.' })
export class ComuneFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only members of this territory (a grouping code or an ISTAT code).',
  })
  grouping?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name contains this text, ignoring case, accents, apostrophes and spacing.',
  })
  nameContains?: string | null;
}

/** Order of the comuni list. */
@InputType({ description: 'Order of the comuni list (ties broken by ISTAT code).' })
export class ComuneOrder {
  @Field(() => ComuneOrderField, { description: 'Sort field.' })
  field!: ComuneOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction: OrderDirection = OrderDirection.ASC;
}

/** Arguments of `comuni`. */
@ArgsType()
export class ComuniArgs extends PageArgs {
  @Field(() => ComuneFilter, { nullable: true, description: 'Filter.' })
  filter?: ComuneFilter | null;
  @Field(() => ComuneOrder, { nullable: true, description: 'Order (default: ISTAT code).' })
  orderBy?: ComuneOrder | null;
}
