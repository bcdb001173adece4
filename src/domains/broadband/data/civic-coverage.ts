import { Field, Int, ObjectType } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { badInput, notFound } from '../../../common/errors.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Source } from '../../../core/model/source.js';
import { sourceOf } from '../../../core/api/source.resolver.js';
import { CivicAddress } from '../model/address.entity.js';
import { matchStreet, StreetMatchLevel, type ListedStreet } from '../rules/civic-match.js';
import { readCivic, type ComuneKey } from '../rules/civic-text.js';
import {
  GAP_CATEGORY_MEANING,
  GapCategory,
  CivicCoverageResult,
  StreetMatch,
} from '../model/enums.js';
import { currentMapping } from './gaps.stats.js';
import { BroadbandMapping } from '../model/mapping.entity.js';
import { MaxItems, enumSize } from '../../../common/limits.js';

const LEVEL: Record<StreetMatchLevel, StreetMatch> = {
  [StreetMatchLevel.LITERAL]: StreetMatch.EXACT,
  [StreetMatchLevel.NAME]: StreetMatch.EXACT,
  [StreetMatchLevel.EXACT]: StreetMatch.EXACT,
  [StreetMatchLevel.WORDS]: StreetMatch.WORDS,
  [StreetMatchLevel.SIMILAR]: StreetMatch.SIMILAR,
};

/** The answer of `civicCoverage`. */
@ObjectType({
  description:
    'The coverage of one civic number as the current mapping (Infratel) states it, with its source and date.',
})
export class CivicCoverage {
  @Field(() => String, { description: 'The text as given.' })
  address!: string;

  @Field(() => Comune, { description: 'The comune the text was read as.' })
  comune!: Comune;

  @Field(() => String, { description: 'How the comune was told (its name, or postal code).' })
  comuneReadAs!: string;

  @Field(() => String, { description: 'The street as read from the text (folded).' })
  street!: string;

  @Field(() => Int, { nullable: true, description: 'House number read; null for "snc".' })
  number!: number | null;

  @Field(() => String, { nullable: true, description: 'Exponent read (e.g. "A"); null if none.' })
  exponent!: string | null;

  @Field(() => CivicCoverageResult, { description: 'What the check found.' })
  result!: CivicCoverageResult;

  @Field(() => Boolean, { description: 'Whether the civic number is listed by the mapping.' })
  listed!: boolean;

  @Field(() => Boolean, {
    description: 'Whether the list knows the street (has any civic of it in the comune).',
  })
  streetInList!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether, by the mapping\u2019s construction, the civic number is expected to be reached by a network above the mapping\u2019s speed by its horizon year (true when not listed).',
  })
  expectedAboveThreshold!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The listed street the text was matched to, as published; null when none.',
  })
  matchedStreet!: string | null;

  @Field(() => StreetMatch, { nullable: true, description: 'How the street was matched.' })
  streetMatch!: StreetMatch | null;

  @MaxItems(50)
  @Field(() => [CivicAddress], {
    description:
      'The listed civic numbers that are this one: usually one; several when the list repeats a street and number it cannot tell apart; empty when not listed.',
  })
  civics!: CivicAddress[];

  @MaxItems(enumSize(GapCategory))
  @Field(() => [GapCategory], { description: 'Their categories (empty when not listed).' })
  categories!: GapCategory[];

  @MaxItems(50)
  @Field(() => [CivicAddress], {
    description:
      'Listed civic numbers of the same street with the same number and another exponent (e.g. 12/A when 12 was asked).',
  })
  sameNumberListed!: CivicAddress[];

  @MaxItems(5)
  @Field(() => [String], {
    description:
      'Streets of the list in the comune with a similar name but another street type, when the street was not found (e.g. "PIAZZA ROMA" for "via Roma").',
  })
  similarStreets!: string[];

  @Field(() => String, { description: 'The answer in plain words, with its basis.' })
  answer!: string;

  @MaxItems(10)
  @Field(() => [String], { description: 'What the answer cannot say.' })
  caveats!: string[];

  @Field(() => BroadbandMapping, { description: 'The mapping the answer rests on (its date).' })
  mapping!: BroadbandMapping;

  @Field(() => Source, { description: 'Source of the answer (the mapping\u2019s dataset).' })
  source!: Source;
}

interface CivicRow {
  pk: number;
  number: number;
  exponent: string;
  category: GapCategory;
}

const squash = (e: string | null) => (e ?? '').replace(/\s+/g, '').toUpperCase();

/** Words for a mapping: "Infratel's 2025 mapping (published 2025-08)". */
function mappingWords(m: BroadbandMapping): string {
  return `${m.name}${m.published ? ` (published ${m.published.label})` : ''}`;
}

/**
 * Checks one civic number typed by a person against the current mapping: reads the text,
 * matches the street among the streets the list holds in the comune, then the number and
 * exponent. Four statements at most.
 */
export async function civicCoverage(ctx: HubContext, text: string): Promise<CivicCoverage> {
  const { em } = ctx;
  const comuni = await em.execute<ComuneKey[]>(
    `select istat_code as "istatCode", name, name_key as "nameKey", postal_codes as "postalCodes" from comune`,
  );
  const q = readCivic(text, comuni);
  const mapping = await currentMapping(em);
  if (!mapping)
    throw notFound('No mapping of fixed networks is loaded: the coverage check has no basis.');
  const streets = await em.execute<ListedStreet[]>(
    `select distinct a.street_type as "streetType", a.name_key as "nameKey", a.street_text as "streetText"
       from coverage_observation o join civic_address a on a.pk = o.address_pk
      where o.mapping_code = ? and o.comune_istat_code = ?`,
    [mapping.code, q.comune.istatCode],
  );
  const match = matchStreet(q, streets);
  if (match.kind === 'many')
    throw badInput(
      'address',
      `the street "${q.street}" fits ${match.streets.length} streets of the list in ${q.comune.name} (${match.streets
        .map((s) => s.streetText)
        .join(', ')}): write its full name`,
    );
  const threshold = `${mapping.thresholdMbps} Mbit/s`;
  const by = mapping.horizonYear ? `by ${mapping.horizonYear}` : 'by the mapping\u2019s horizon';
  const civic = `${q.number ?? 'snc'}${q.exponent ? `/${q.exponent}` : ''}`;
  let civics: CivicAddress[] = [];
  let same: CivicAddress[] = [];
  let categories: GapCategory[] = [];
  if (match.kind === 'one') {
    const rows = await em.execute<(CivicRow & Record<string, unknown>)[]>(
      `select a.*, o.category from coverage_observation o join civic_address a on a.pk = o.address_pk
        where o.mapping_code = ? and a.comune_istat_code = ? and a.street_type = ? and a.name_key = ?
          and a.number = ? order by a.exponent, a.pk`,
      [
        mapping.code,
        q.comune.istatCode,
        match.street.streetType,
        match.street.nameKey,
        q.number ?? 0,
      ],
    );
    const mine = rows.filter((r) => squash(r.exponent) === squash(q.exponent));
    civics = mine.map(({ category: _c, ...r }) => em.map(CivicAddress, r));
    categories = mine.map((r) => r.category);
    same = rows
      .filter((r) => squash(r.exponent) !== squash(q.exponent))
      .map(({ category: _c, ...r }) => em.map(CivicAddress, r));
  }
  const listed = civics.length > 0;
  const streetInList = match.kind === 'one';
  const where = `${match.kind === 'one' ? match.street.streetText : q.street.toUpperCase()} ${civic} in ${q.comune.name}`;
  let answer: string;
  if (listed) {
    const cats = [...new Set(categories)];
    answer =
      `Listed: ${where} is among the civic numbers that ${mappingWords(mapping)} does not expect to be reached by a network above ${threshold} ${by}` +
      (civics.length > 1
        ? ` (the list holds it ${civics.length} times: civics it cannot tell apart). Categories ${categories.join(', ')}: ${cats.map((c) => `${c}: ${GAP_CATEGORY_MEANING[c]}`).join(' ')}`
        : `. Category ${categories[0]}: ${GAP_CATEGORY_MEANING[categories[0]]}`);
  } else if (streetInList)
    answer = `Not listed: ${where} is not among the civic numbers that ${mappingWords(mapping)} expects to stay below ${threshold} ${by}, though other civics of the street are; by the mapping's construction it is expected to be reached above ${threshold} ${by}.`;
  else
    answer = `Not listed: ${mappingWords(mapping)} lists no civic number on a street "${q.street}" in ${q.comune.name}. If the address exists, it is not among the civic numbers the mapping expects to stay below ${threshold} ${by}, so it is expected to be reached above ${threshold} ${by}; the hub cannot confirm that the street exists (it holds no complete list of streets).`;
  const caveats = [
    `The mapping is about ${mapping.horizonYear ?? 'a future year'}: a civic number that is not listed may still be without a fast network today.`,
    'Matching is by street name and house number as written: the mapping has no coordinates, and its street names may differ from the ones in use.',
    ...(same.length && !listed
      ? [
          `The list holds ${same.map((a) => a.civicNumber).join(', ')} on this street: check the exponent of the house number.`,
        ]
      : []),
    ...(categories.includes(GapCategory.A)
      ? ['Category A: the coordinate of the civic number is of poor quality in the mapping.']
      : []),
  ];
  return Object.assign(new CivicCoverage(), {
    address: text,
    comune: (await hubLoaders(ctx).comune.load(q.comune.istatCode))!,
    comuneReadAs: q.comuneReadAs,
    street: q.street,
    number: q.number,
    exponent: q.exponent,
    result: listed
      ? CivicCoverageResult.LISTED
      : streetInList
        ? CivicCoverageResult.NOT_LISTED_STREET_IN_LIST
        : CivicCoverageResult.NOT_LISTED_STREET_NOT_IN_LIST,
    listed,
    streetInList,
    expectedAboveThreshold: !listed,
    matchedStreet: match.kind === 'one' ? match.street.streetText : null,
    streetMatch: match.kind === 'one' ? LEVEL[match.level] : null,
    civics,
    categories,
    sameNumberListed: same,
    similarStreets: match.kind === 'none' ? match.similar.map((s) => s.streetText) : [],
    answer,
    caveats,
    mapping,
    source: await sourceOf(ctx, mapping),
  });
}
