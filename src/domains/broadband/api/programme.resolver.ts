import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import { BroadbandProgramme } from '../model/network.entity.js';
import { claimsOfProgramme } from '../data/programmes.js';
import { MaxItems } from '../../../common/limits.js';

/** Fields of a programme that reach other records: its operator and its claims. */
@Resolver(() => BroadbandProgramme)
export class ProgrammeResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Operator running the network; null when not stated.',
  })
  operator(@Root() p: BroadbandProgramme, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = p.operator?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  @MaxItems(50)
  @FieldResolver(() => [BroadbandClaim], {
    description: 'The figures stated in the press about the programme, as claims.',
  })
  claims(@Root() p: BroadbandProgramme, @Ctx() ctx: HubContext): Promise<BroadbandClaim[]> {
    return claimsOfProgramme(ctx, p.code);
  }
}
