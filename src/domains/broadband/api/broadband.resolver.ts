import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { badInput } from '../../../common/errors.js';
import { broadbandLoaders } from '../data/loaders.js';
import { AddressMatch, BroadbandSummary, CoverageAt } from './types.js';
import { distanceMeters } from '../rules/geo.js';
import { CivicCoverage, civicCoverage } from '../data/civic-coverage.js';
import { BroadbandMapping } from '../model/mapping.entity.js';
import { BroadbandProgramme } from '../model/network.entity.js';
import { MAX_MATCHES, nearestAddress, searchAddresses } from '../data/search.js';
import { findMappings, findProgrammes } from '../data/programmes.js';
import { summarise } from '../data/summary.js';
import { MaxItems } from '../../../common/limits.js';
import { BroadbandGroupBy } from '../model/enums.js';
import { checkPoint } from '../../../core/rules/geo.js';

/** Root queries of the broadband domain. */
@Resolver()
export class BroadbandResolver {
  @MaxItems(MAX_MATCHES)
  @Query(() => [AddressMatch], {
    description:
      'Civic addresses matching free text, best first. Forgiving: any case, no accents, straight or curly apostrophes, abbreviations (v., v.le, p.za, c.so...), a typo or two, "12a" / "12/A" / "12 a", the comune name or postal code anywhere. Empty or absurd text is BAD_USER_INPUT.',
  })
  addressSearch(
    @Ctx() ctx: HubContext,
    @Arg('text', () => String, {
      description: 'What the user typed, e.g. "v.le repubblica 12 crema".',
    })
    text: string,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many matches, 1 to 50.' })
    first: number,
  ): Promise<AddressMatch[]> {
    return searchAddresses(ctx.em, text, first);
  }

  @Query(() => CoverageAt, {
    nullable: true,
    description:
      'The located civic address nearest to a point (WGS84) and its per-address coverage record; null when none lies within maxDistanceMeters. Only the synthetic sample and imported extracts have locations: Infratel\u2019s list has none, so on real data alone this finds nothing (use civicCoverage).',
  })
  async coverageAt(
    @Ctx() ctx: HubContext,
    @Arg('lat', () => Float, { description: 'Latitude in degrees.' }) lat: number,
    @Arg('lon', () => Float, { description: 'Longitude in degrees.' }) lon: number,
    @Arg('maxDistanceMeters', () => Int, {
      defaultValue: 1000,
      description: 'Farthest distance to look at, 1 to 10000 metres.',
    })
    maxDistanceMeters: number,
  ): Promise<CoverageAt | null> {
    checkPoint(lat, lon);
    if (!Number.isInteger(maxDistanceMeters) || maxDistanceMeters < 1 || maxDistanceMeters > 10000)
      throw badInput(
        'maxDistanceMeters',
        `must be an integer from 1 to 10000, got ${maxDistanceMeters}`,
      );
    // The nearest located address (GiST, planar order); the exact distance follows.
    const address = await nearestAddress(ctx, lat, lon);
    if (!address) return null;
    const distance = distanceMeters(lat, lon, address.lat!, address.lon!);
    if (distance > maxDistanceMeters) return null;
    return Object.assign(new CoverageAt(), {
      address,
      distanceMeters: Math.round(distance * 10) / 10,
      coverage: await broadbandLoaders(ctx).coverage.load(address.pk),
    });
  }

  @Query(() => BroadbandSummary, {
    description:
      'Broadband figures of a territory (a grouping code or an ISTAT code), grouped by comune, plan, technology, status or grouping.',
  })
  broadbandSummary(
    @Ctx() ctx: HubContext,
    @Arg('territory', () => String, {
      description: 'A grouping code (e.g. "consorzio-it") or an ISTAT code.',
    })
    territory: string,
    @Arg('groupBy', () => BroadbandGroupBy, {
      defaultValue: BroadbandGroupBy.COMUNE,
      description: 'How rows are grouped.',
    })
    groupBy: BroadbandGroupBy,
  ): Promise<BroadbandSummary> {
    return summarise(ctx, territory, groupBy);
  }

  @MaxItems(20)
  @Query(() => [BroadbandProgramme], {
    description:
      'Public broadband programmes (white areas, grey areas) as presented for the Consorzio.IT comuni, with their press figures as claims.',
  })
  broadbandProgrammes(@Ctx() ctx: HubContext): Promise<BroadbandProgramme[]> {
    return findProgrammes(ctx);
  }

  @Query(() => CivicCoverage, {
    description:
      'The coverage of a civic number typed by a person ("via Roma 12, Crema", "V. ROMA 12/a 26013", "cascina Ca\u2019 de\u2019 Tocchi 1 Acquanegra"), as the current mapping (Infratel 2025) states it: listed (not expected above 300 Mbit/s by 2028) with its category, or not listed (on a street the list knows, or not), with the source and date. A comune that cannot be told apart, or text that is not an address, is BAD_USER_INPUT naming what is missing.',
  })
  civicCoverage(
    @Ctx() ctx: HubContext,
    @Arg('address', () => String, {
      description:
        'A civic number as a person writes it: street, house number (or "snc") and exponent, and the comune\u2019s name or postal code, in any order, case or punctuation.',
    })
    address: string,
  ): Promise<CivicCoverage> {
    return civicCoverage(ctx, address);
  }

  @MaxItems(20)
  @Query(() => [BroadbandMapping], {
    description:
      'The mappings of fixed networks loaded (Infratel), newest first: the first is the current one, older ones stay readable with their date.',
  })
  broadbandMappings(@Ctx() ctx: HubContext): Promise<BroadbandMapping[]> {
    return findMappings(ctx);
  }
}
