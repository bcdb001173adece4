import { Field, Int, ObjectType } from 'type-graphql';

/** A count as a source reports it ("about 250 people"): the number and whether it is rounded. */
@ObjectType({
  description: 'A count as the source reports it, e.g. "about 250 people" (circa 250 persone).',
})
export class ReportedCount {
  @Field(() => Int, { description: 'The number reported.' })
  value!: number;

  @Field(() => Boolean, {
    description: 'True when the source gives it as approximate ("about", "circa").',
  })
  approximate!: boolean;

  /** Null when no number is reported: unknown stays unknown. */
  static of(value: number | null | undefined, approximate: boolean | null | undefined) {
    if (value == null) return null;
    return Object.assign(new ReportedCount(), { value, approximate: Boolean(approximate) });
  }
}
