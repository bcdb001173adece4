import { defineLoaders, type HubContext } from '../../common/context.js';
import { manyLoader } from '../../common/loaders.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { OrganizationName } from '../model/organization-name.entity.js';
import { DataQualityIssue } from '../model/quality.entity.js';

/** DataLoaders of the organisations' members, names and flags, built once per request. */
function createOrganizationLoaders({ em }: HubContext) {
  return {
    membersOfOrganization: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          OrganizationMember,
          { organization: { $in: [...codes] } },
          { orderBy: { role: 'asc', pk: 'asc' } },
        ),
      (m) => m.organization.unwrap().code,
    ),
    /** Roles of each comune in shared organisations, by ISTAT code. */
    rolesOfComune: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          OrganizationMember,
          { comune: { $in: [...codes] } },
          { orderBy: { organization: { code: 'asc' }, pk: 'asc' } },
        ),
      (m) => m.comune!.unwrap().istatCode,
    ),
    namesOfOrganization: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          OrganizationName,
          { organization: { $in: [...codes] } },
          { orderBy: { pk: 'asc' } },
        ),
      (n) => n.organization.unwrap().code,
    ),
    /** Data-quality flags about each organisation (entity "Organization:<code>"). */
    issuesOfOrganization: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          DataQualityIssue,
          { entity: { $in: codes.map((c) => `Organization:${c}`) } },
          { orderBy: { domain: 'asc', code: 'asc', pk: 'asc' } },
        ),
      (i) => i.entity.slice('Organization:'.length),
    ),
  };
}

/** The organisation loaders of this request. */
export const organizationLoaders = defineLoaders(createOrganizationLoaders);
