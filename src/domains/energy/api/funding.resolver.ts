import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { energyLoaders } from '../data/loaders.js';
import { FundingRecipient } from '../model/funding-recipient.js';
import { Funding } from '../model/funding.entity.js';

/** Relations of fundings. */
@Resolver(() => Funding)
export class FundingResolver {
  @FieldResolver(() => Organization, { description: 'Who gives the money (finanziatore).' })
  async funder(@Root() f: Funding, @Ctx() ctx: HubContext): Promise<Organization> {
    const org = await hubLoaders(ctx).organization.load(f.funder.unwrap().code);
    if (!org) throw new Error(`organisation ${f.funder.unwrap().code} is missing`);
    return org;
  }

  @FieldResolver(() => FundingRecipient, {
    nullable: true,
    description:
      'Who receives the money (beneficiario); null when the source does not say (see recipientNote).',
  })
  async recipient(@Root() f: Funding, @Ctx() ctx: HubContext): Promise<FundingRecipient | null> {
    const loaders = hubLoaders(ctx);
    const orgCode = f.recipientOrganization?.unwrap().code;
    const istat = f.recipientComune?.unwrap().istatCode;
    const [org, comune] = await Promise.all([
      orgCode ? loaders.organization.load(orgCode) : null,
      istat ? loaders.comune.load(istat) : null,
    ]);
    return FundingRecipient.of(org, comune);
  }

  @FieldResolver(() => EnergyCommunity, { description: 'The community funded.' })
  async community(@Root() f: Funding, @Ctx() ctx: HubContext): Promise<EnergyCommunity> {
    const c = await energyLoaders(ctx).community.load(f.community.unwrap().code);
    if (!c) throw new Error(`energy community ${f.community.unwrap().code} is missing`);
    return c;
  }
}
