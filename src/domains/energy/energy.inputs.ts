import { Field, InputType } from 'type-graphql';
import { EnergyCommunityStatus } from './energy.enums.js';

/** Filter of energy communities; all given conditions must hold. */
@InputType({ description: 'Filter of energy communities; all given conditions must hold.' })
export class EnergyCommunityFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only communities covering a comune of this territory (grouping or ISTAT code).',
  })
  territory?: string | null;

  @Field(() => EnergyCommunityStatus, { nullable: true, description: 'Only at this stage.' })
  status?: EnergyCommunityStatus | null;
}
