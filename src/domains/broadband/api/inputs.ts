import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../../common/pagination.js';
import { CoverageStatus, GapCategory, Plan, Technology } from '../model/enums.js';

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
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only civic numbers listed by the current mapping (not expected above its speed by its horizon year); false: only those it does not list.',
  })
  listed?: boolean | null;
  @Field(() => GapCategory, {
    nullable: true,
    description: 'Only civic numbers the current mapping lists with this category.',
  })
  category?: GapCategory | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only synthetic civic addresses (the sample); false: only real ones.',
  })
  synthetic?: boolean | null;
}

/** Arguments of `ComuneBroadband.addresses`. */
@ArgsType()
export class AddressesArgs extends PageArgs {
  @Field(() => AddressFilter, { nullable: true, description: 'Filter.' })
  filter?: AddressFilter | null;
}
