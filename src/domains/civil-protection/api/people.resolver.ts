import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { readPersonal } from '../../../access/access-log.js';
import { DOMAIN } from '../model/enums.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  planCodeOf,
} from '../model/plan-content.entity.js';

const PERSONAL =
  ' Personal data: readable only with an EDITOR key for this comune and domain civil-protection, or an ADMIN key; otherwise null with a FORBIDDEN error. Each read is logged (accessLog).';

/** Personal fields of the officer: checked and access-logged one by one. */
@Resolver(() => CivilProtectionOfficer)
export class OfficerPersonalResolver {
  private read(ctx: HubContext, o: CivilProtectionOfficer, field: 'name' | 'phone' | 'email') {
    const comune = planCodeOf(o);
    const entity = `CivilProtectionOfficer:${comune}`;
    return readPersonal(ctx, { comune, domain: DOMAIN, entity, field }, o[field]);
  }

  @FieldResolver(() => String, { nullable: true, description: `Full name (nome).${PERSONAL}` })
  name(@Root() o: CivilProtectionOfficer, @Ctx() ctx: HubContext) {
    return this.read(ctx, o, 'name');
  }

  @FieldResolver(() => String, { nullable: true, description: `Phone (telefono).${PERSONAL}` })
  phone(@Root() o: CivilProtectionOfficer, @Ctx() ctx: HubContext) {
    return this.read(ctx, o, 'phone');
  }

  @FieldResolver(() => String, { nullable: true, description: `E-mail.${PERSONAL}` })
  email(@Root() o: CivilProtectionOfficer, @Ctx() ctx: HubContext) {
    return this.read(ctx, o, 'email');
  }
}

/** Personal fields of crisis-unit members: checked and access-logged one by one. */
@Resolver(() => CrisisUnitMember)
export class CrisisMemberPersonalResolver {
  private read(ctx: HubContext, m: CrisisUnitMember, field: 'name' | 'phone') {
    const entity = `CrisisUnitMember:${m.pk}`;
    return readPersonal(ctx, { comune: planCodeOf(m), domain: DOMAIN, entity, field }, m[field]);
  }

  @FieldResolver(() => String, { nullable: true, description: `Full name (nome).${PERSONAL}` })
  name(@Root() m: CrisisUnitMember, @Ctx() ctx: HubContext) {
    return this.read(ctx, m, 'name');
  }

  @FieldResolver(() => String, { nullable: true, description: `Phone (telefono).${PERSONAL}` })
  phone(@Root() m: CrisisUnitMember, @Ctx() ctx: HubContext) {
    return this.read(ctx, m, 'phone');
  }
}
