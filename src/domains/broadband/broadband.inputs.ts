import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import { CoverageStatus, Plan, Technology } from './enums.js';

/** Filter of a comune's civic addresses; all given conditions must hold. */
@InputType({ description: "Filter of a comune's civic addresses; all given conditions hold." })
export class AddressFilter {
  @Field(() => Plan, { nullable: true, description: 'Only addresses covered by this plan.' })
  plan?: Plan | null;
  @Field(() => Technology, { nullable: true, description: 'Only this technology.' })
  technology?: Technology | null;
  @Field(() => CoverageStatus, { nullable: true, description: 'Only this coverage status.' })
  status?: CoverageStatus | null;
  @Field(() => String, {
    nullable: true,
    description: 'Street name contains this text (ignoring case, accents and apostrophes).',
  })
  street?: string | null;
}

/** Arguments of `ComuneBroadband.addresses`. */
@ArgsType()
export class AddressesArgs extends PageArgs {
  @Field(() => AddressFilter, { nullable: true, description: 'Filter.' })
  filter?: AddressFilter | null;
}
