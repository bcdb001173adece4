import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { MoneyScalar } from '../../../common/money.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';

/** The regional grant that funds drafting or updating a plan. */
@ObjectType({ description: 'The regional grant (contributo regionale) funding a plan.' })
export class RegionalGrant {
  @Field(() => String, { description: 'What the grant funds.' })
  description!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Amount granted for this plan, EUR; null: the sources do not state it.',
  })
  amount!: string | null;

  /** Code of the funding organisation. */
  funderCode!: string;
}

/** The funder of a grant, through the request's organisation loader. */
@Resolver(() => RegionalGrant)
export class RegionalGrantResolver {
  @FieldResolver(() => Organization, { description: 'Who funds it (Regione Lombardia).' })
  async funder(@Root() grant: RegionalGrant, @Ctx() ctx: HubContext): Promise<Organization> {
    return (await hubLoaders(ctx).organization.load(grant.funderCode))!;
  }
}
