import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { broadbandLoaders } from '../data/loaders.js';
import { BroadbandMapping } from '../model/mapping.entity.js';

/** Fields of a mapping that reach other records. */
@Resolver(() => BroadbandMapping)
export class MappingResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Who published the mapping (Infratel Italia).',
  })
  publisher(@Root() m: BroadbandMapping, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = m.publisher?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: 'Whether it is the current (newest) mapping.' })
  async current(@Root() m: BroadbandMapping, @Ctx() ctx: HubContext): Promise<boolean> {
    return (await broadbandLoaders(ctx).current.load('current')) === m.code;
  }
}
