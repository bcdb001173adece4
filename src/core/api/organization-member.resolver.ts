import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { Organization } from '../model/organization.entity.js';

/** Relations of an organisation's member. */
@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  @FieldResolver(() => Organization, { description: 'The organisation.' })
  async organization(@Root() m: OrganizationMember, @Ctx() ctx: HubContext): Promise<Organization> {
    const o = await hubLoaders(ctx).organization.load(m.organization.unwrap().code);
    if (!o) throw new Error(`organisation ${m.organization.unwrap().code} is missing`);
    return o;
  }

  @FieldResolver(() => Comune, { nullable: true, description: 'The member comune, when one.' })
  comune(@Root() m: OrganizationMember, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = m.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The member organisation, when one (e.g. Consorzio.IT).',
  })
  memberOrganization(
    @Root() m: OrganizationMember,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    const code = m.memberOrganization?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }
}
