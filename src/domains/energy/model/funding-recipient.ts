import { Field, ObjectType } from 'type-graphql';
import { Comune } from '../../../core/model/comune.entity.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { FundingRecipientKind } from './enums.js';

/** Who receives a funding: an organisation or a comune, with a common name. */
@ObjectType({ description: 'Recipient (beneficiario) of a funding: an organisation or a comune.' })
export class FundingRecipient {
  @Field(() => FundingRecipientKind, { description: 'Organisation or comune.' })
  kind!: FundingRecipientKind;

  @Field(() => String, { description: 'Name of the organisation or comune.' })
  name!: string;

  @Field(() => Organization, { nullable: true, description: 'The organisation, when one.' })
  organization!: Organization | null;

  @Field(() => Comune, { nullable: true, description: 'The comune, when one.' })
  comune!: Comune | null;

  static of(org: Organization | null, comune: Comune | null): FundingRecipient | null {
    if (org)
      return Object.assign(new FundingRecipient(), {
        kind: FundingRecipientKind.ORGANIZATION,
        name: org.name,
        organization: org,
        comune: null,
      });
    if (comune)
      return Object.assign(new FundingRecipient(), {
        kind: FundingRecipientKind.COMUNE,
        name: comune.name,
        organization: null,
        comune,
      });
    return null;
  }
}
