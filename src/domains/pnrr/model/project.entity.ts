import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { PnrrMeasure } from './measure.entity.js';

/** A PNRR project of the Italia Domani (ReGiS) open data, validated by its administration. */
@ObjectType('PnrrProject', {
  implements: Node,
  description:
    'A PNRR project (progetto) from the Italia Domani / ReGiS open data, validated by its administration.',
})
@Entity({ tableName: 'pnrr_project' })
export class PnrrProject extends Sourced implements Node {
  [OptionalProps]?: 'id';

  /** Local project code: unique, where the CUP may repeat (one CUP, two yearly tranches). */
  @Field(() => String, {
    description: 'Local project code (codice locale progetto); often equal to the CUP.',
  })
  @PrimaryKey({ type: 'text' })
  localCode!: string;

  @Field(() => String, { description: 'CUP, the public investment code.' })
  @Index()
  @Property({ type: 'text' })
  cup!: string;

  @Field(() => String, { description: 'Title (titolo progetto).' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary (sintesi progetto).' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @Field(() => String, { description: 'Mission (missione), e.g. "M1".' })
  @Property({ type: 'text' })
  mission!: string;

  @Field(() => String, { description: 'Component (componente), e.g. "M1C1".' })
  @Property({ type: 'text' })
  component!: string;

  @Field(() => String, { description: 'PNRR measure id (ID misura), e.g. "M1C1I1.4".' })
  @Property({ type: 'text' })
  measureId!: string;

  @Field(() => String, { description: 'Measure title (descrizione misura).' })
  @Property({ type: 'text' })
  measureTitle!: string;

  @Field(() => String, { description: 'Sub-measure code (codice submisura), e.g. "M1C1I1.04.03".' })
  @Property({ type: 'text' })
  submeasureCode!: string;

  @Field(() => String, { description: 'Sub-measure title (descrizione submisura).' })
  @Property({ type: 'text' })
  submeasureTitle!: string;

  /** The PA digitale 2026 measure, when the sub-measure is one of them (M1C1 1.x). */
  @Index()
  @ManyToOne({ entity: 'PnrrMeasure', ref: true, nullable: true })
  measure?: Ref<PnrrMeasure> | null;

  @Field(() => String, { description: 'Owning administration (amministrazione titolare).' })
  @Property({ type: 'text' })
  administration!: string;

  @Field(() => String, { nullable: true, description: 'Activation procedure (titolo procedura).' })
  @Property({ type: 'text', nullable: true })
  procedure?: string | null;

  @Field(() => String, { description: 'Implementing body (soggetto attuatore).' })
  @Property({ type: 'text' })
  implementingBody!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Tax code of the implementing body (codice fiscale soggetto attuatore).',
  })
  @Property({ type: 'text', nullable: true })
  implementingBodyTaxCode?: string | null;

  @Field(() => MoneyScalar, {
    description: 'PNRR funding of the whole project (finanziamento PNRR), EUR.',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  pnrrFunding!: string;

  @Field(() => MoneyScalar, {
    description: 'Total funding of the whole project (finanziamento totale), EUR.',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  totalFunding!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last update in ReGiS (data aggiornamento).',
  })
  @Property({ type: 'date', nullable: true })
  updatedOn?: string | null;

  get id(): string {
    return toGlobalId('PnrrProject', this.localCode);
  }
}

/** A place of a project: a comune, or the whole province ("TUTTI I COMUNI"). */
@ObjectType('PnrrProjectLocation', {
  description: 'A place (localizzazione) of a PNRR project.',
})
@Entity({ tableName: 'pnrr_project_location' })
@Index({ properties: ['comune', 'project'] })
export class PnrrProjectLocation extends Sourced {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'PnrrProject', ref: true, deleteRule: 'cascade' })
  project!: Ref<PnrrProject>;

  /** Null when the project is placed in the whole province ("TUTTI I COMUNI"). */
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true })
  comune?: Ref<Comune> | null;

  @Field(() => String, { nullable: true, description: 'Address (indirizzo), when given.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (CAP), when given.' })
  @Property({ type: 'text', nullable: true })
  postalCode?: string | null;

  @Field(() => Boolean, {
    description:
      'True when the source places the project in all comuni of the province ("TUTTI I COMUNI"); comune is then null.',
  })
  @Property({ type: 'boolean' })
  wholeProvince!: boolean;
}
