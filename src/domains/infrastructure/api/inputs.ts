import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../../common/pagination.js';
import { CollectionCentreKind } from '../model/enums.js';

/** Filter of the collection centres list; all given conditions must hold. */
@InputType({ description: 'Filter of collection centres; all given conditions must hold.' })
export class CollectionCentreFilter {
  @Field(() => CollectionCentreKind, { nullable: true, description: 'Only centres of this kind.' })
  kind?: CollectionCentreKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only centres in this territory (a grouping code or an ISTAT code).',
  })
  territory?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only centres with a known location; false: only those without.',
  })
  locationKnown?: boolean | null;
}

/** Arguments of `collectionCentres`. */
@ArgsType()
export class CollectionCentresArgs extends PageArgs {
  @Field(() => CollectionCentreFilter, { nullable: true, description: 'Filter.' })
  filter?: CollectionCentreFilter | null;
}
