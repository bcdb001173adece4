import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { facilitationLoaders } from '../data/facilitation.loaders.js';
import { FacilitationMeeting } from '../model/meeting.entity.js';
import { MaxItems } from '../../../common/limits.js';

/** The digital facilitation in one comune: counts and sessions. */
@ObjectType({
  description:
    'The PNRR digital facilitation (facilitazione digitale) in one comune: sessions recorded there, and whether the count can be complete.',
})
export class ComuneFacilitation {
  istatCode!: string;

  @Field(() => Int, { description: 'Sessions recorded in this comune (held or announced).' })
  meetingCount!: number;

  @Field(() => Int, { description: 'Of those, reported as held.' })
  heldCount!: number;

  @Field(() => Int, {
    description: 'Of those, announced (whether they took place is not reported).',
  })
  announcedCount!: number;

  @Field(() => Int, {
    description:
      'Sessions that programmes concerning this comune report only as a count, without dates or comuni (some may have been here).',
  })
  unplacedReportedCount!: number;

  @Field(() => Boolean, {
    description:
      'False when sessions reported without their comune may have taken place here: meetingCount is then a lower bound, not the total.',
  })
  countComplete!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the count may be incomplete.' })
  note!: string | null;
}

/** The facilitation field of Comune and its sessions. */
@Resolver(() => ComuneFacilitation)
export class ComuneFacilitationResolver {
  @MaxItems(100)
  @FieldResolver(() => [FacilitationMeeting], { description: 'The sessions, oldest first.' })
  meetings(@Root() s: ComuneFacilitation, @Ctx() ctx: HubContext): Promise<FacilitationMeeting[]> {
    return facilitationLoaders(ctx).meetingsOfComune.load(s.istatCode);
  }
}

/** Adds `digitalFacilitation` to Comune. */
@Resolver(() => Comune)
export class ComuneDigitalFacilitationResolver {
  @FieldResolver(() => ComuneFacilitation, {
    description:
      'PNRR digital facilitation in this comune: counts of the sessions recorded, and whether sessions reported without their comune may add to them. One statement for any number of comuni.',
  })
  async digitalFacilitation(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
  ): Promise<ComuneFacilitation> {
    const c = await facilitationLoaders(ctx).counts.load(comune.istatCode);
    return Object.assign(new ComuneFacilitation(), {
      istatCode: comune.istatCode,
      meetingCount: c.meetings,
      heldCount: c.held,
      announcedCount: c.announced,
      unplacedReportedCount: c.unplaced,
      countComplete: c.unplaced === 0,
      note: c.unplaced
        ? `${c.unplaced} session(s) of a facilitation programme concerning ${comune.name} are reported without dates or comuni (see facilitationTallies): some may have taken place here, so the count of ${c.meetings} is a lower bound.`
        : null,
    });
  }
}
