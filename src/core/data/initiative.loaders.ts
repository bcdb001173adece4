import { defineLoaders, type HubContext } from '../../common/context.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import { Initiative, InitiativeComune, InitiativeParticipant } from '../model/initiative.entity.js';

/** The initiatives' DataLoaders, built once per request. */
function createInitiativeLoaders({ em }: HubContext) {
  return {
    initiative: oneLoader(
      (codes: readonly string[]) => em.find(Initiative, { code: { $in: [...codes] } }),
      (i) => i.code,
    ),
    /** Participants of each initiative, in the order the source lists them. */
    participantsOfInitiative: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          InitiativeParticipant,
          { initiative: { $in: [...codes] } },
          { orderBy: { position: 'asc', pk: 'asc' } },
        ),
      (p) => p.initiative.unwrap().code,
    ),
    /** Comuni each initiative concerns (with their basis), by ISTAT code. */
    comuniOfInitiative: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          InitiativeComune,
          { initiative: { $in: [...codes] } },
          { orderBy: { comune: { istatCode: 'asc' } } },
        ),
      (c) => c.initiative.unwrap().code,
    ),
    /** Initiatives concerning each comune, newest first (undated last). */
    initiativesOfComune: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          InitiativeComune,
          { comune: { $in: [...codes] } },
          {
            populate: ['initiative'],
            orderBy: { initiative: { on: 'desc nulls last', code: 'asc' } },
          },
        ),
      (c) => c.comune.unwrap().istatCode,
    ),
    /** Initiatives each organisation takes part in (one row per role). */
    participationsOfOrganization: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          InitiativeParticipant,
          { organization: { $in: [...codes] } },
          {
            populate: ['initiative'],
            orderBy: { initiative: { on: 'desc nulls last', code: 'asc' }, position: 'asc' },
          },
        ),
      (p) => p.organization.unwrap().code,
    ),
  };
}

/** The initiative loaders of this request. */
export const initiativeLoaders = defineLoaders(createInitiativeLoaders);
