import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/dates.js';

/** Provenance of a record, as exposed on every type of the hub. */
@ObjectType({ description: 'Provenance (fonte) of a record: dataset, publisher, licence, note.' })
export class Source {
  @Field(() => String, { description: 'Title of the dataset the record comes from.' })
  dataset!: string;
  @Field(() => String, { description: 'Id of the dataset (see `datasets`).' })
  datasetId!: string;
  @Field(() => String, { description: 'Publisher of the dataset.' })
  publisher!: string;
  @Field(() => String, { nullable: true, description: 'Licence; null when none is stated.' })
  licence!: string | null;
  @Field(() => String, { nullable: true, description: 'URL of the dataset, when known.' })
  url!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Retrieval date of the data.' })
  retrievedOn!: string | null;
  @Field(() => Boolean, { description: 'True when the record is synthetic (not real data).' })
  synthetic!: boolean;
  @Field(() => String, { nullable: true, description: "Note on this record's origin." })
  note!: string | null;
}
