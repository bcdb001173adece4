import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';

/** Below this many ANNCSU civic numbers per resident, a count is probably incomplete. */
export const ANNCSU_LOW_PER_RESIDENT = 0.1;

/**
 * How many civic numbers the national archive of civic numbers and streets (ANNCSU)
 * registers for a comune. Known for 78 of the 113 comuni; the others have no row (unknown,
 * not zero). The archive is still being filled in some comuni (see the quality flags).
 */
@ObjectType({
  description:
    'Civic numbers registered in ANNCSU (Archivio nazionale dei numeri civici e delle strade urbane) for a comune.',
})
@Entity({ tableName: 'anncsu_civic_count' })
export class AnncsuCivicCount extends Sourced {
  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => Int, { description: 'Civic numbers registered (totale).' })
  @Property({ type: 'integer' })
  total!: number;

  @Field(() => Int, {
    description: 'Of which geocoded inside the comune (civico_geocodificato).',
  })
  @Property({ type: 'integer' })
  geocodedInside!: number;

  @Field(() => Int, {
    description: 'Of which geocoded outside the comune\u2019s boundary (fuori_limite_comunale).',
  })
  @Property({ type: 'integer' })
  outsideBoundary!: number;

  @Field(() => Int, {
    description:
      'Civic numbers registered by other comuni but geocoded inside this one (civici_da_altri_comuni); not in `total`.',
  })
  @Property({ type: 'integer' })
  fromOtherComuni!: number;
}
