import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Hazard, HazardLevel, HazardGroupBy } from '../model/enums.js';
import { SeismicClassification } from '../model/hazard.entity.js';
import { MAX_COMUNI, MaxItems, enumSize } from '../../../common/limits.js';

/** Where a figure comes from: resolved to a `Source` by the dataset loader. */
export interface FigureSource {
  datasetId: string;
  sourceNote: string | null;
}

/** Exposed elements of one kind in a hazard area: a count and its share. */
@ObjectType({
  description:
    'Exposed elements of one kind (residents, families, buildings, business units, cultural heritage) in a hazard area: count and share. Null figures are unknown or undefined, with the reason.',
})
export class ExposedCount {
  @Field(() => Int, {
    nullable: true,
    description: 'Number of elements in the hazard area; null when unknown (see unknownReason).',
  })
  count!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share of the elements of the comune (or of the set of comuni) in the hazard area, in percent (0–100, three decimals as ISPRA publishes it: ISPRA's own figure for one comune, 100 × Σcount / Σbase for several). Null when unknown or undefined (see unknownReason).",
  })
  percent!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year of the data the elements are counted on (2011: ISTAT censuses; 2021: ISCR cultural heritage); null when not known.',
  })
  dataYear!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why count or percent is null; null when both are known.',
  })
  unknownReason!: string | null;
}

/** Area of a hazard level: km² and share of the comune's area. */
@ObjectType({ description: 'Area of a hazard level (superficie): km² and share of the area.' })
export class ExposedArea {
  @Field(() => Float, {
    nullable: true,
    description: 'Area in km² (exact sum of the published values); null when unknown.',
  })
  km2!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "ISPRA's share of the comune's area, in percent (it can slightly exceed 100 where the hazard map and ISPRA's comune area differ). Null for a set of several comuni: ISPRA does not publish the area it divides by. See unknownReason.",
  })
  percent!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why km2 or percent is null; null when both are known.',
  })
  unknownReason!: string | null;
}

/** The figures of one hazard level (e.g. flood P3) for a comune or a set of comuni. */
@ObjectType({
  description:
    'Hazard areas of one level (e.g. flood P3, high) and what they expose, for a comune or a set of comuni (ISPRA IdroGEO).',
})
export class HazardLevelExposure {
  @Field(() => Hazard, {
    description: 'Kind of hazard: FLOOD or HYDROGEOLOGICAL (landslides).',
  })
  hazard!: Hazard;

  @Field(() => HazardLevel, { description: 'Hazard level.' })
  level!: HazardLevel;

  @Field(() => String, {
    description: "ISPRA's class code: P3, P2, P1 (flood); P4, P3, P2, P1, AA (landslide).",
  })
  code!: string;

  @Field(() => String, { description: 'Readable name of the level, with the Italian term.' })
  label!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Year of ISPRA's national hazard mosaic the areas come from; null when unknown.",
  })
  mapYear!: number | null;

  @Field(() => ExposedArea, { description: 'Area of the level.' })
  area!: ExposedArea;

  @Field(() => ExposedCount, {
    description: 'Residents (popolazione residente) in the hazard areas, ISTAT census 2011.',
  })
  residents!: ExposedCount;

  @Field(() => ExposedCount, { description: 'Families (famiglie), ISTAT census 2011.' })
  families!: ExposedCount;

  @Field(() => ExposedCount, { description: 'Buildings (edifici), ISTAT census 2011.' })
  buildings!: ExposedCount;

  @Field(() => ExposedCount, {
    description: "Local business units (unità locali d'impresa), ISTAT census 2011.",
  })
  businessUnits!: ExposedCount;

  @Field(() => ExposedCount, {
    description: 'Cultural heritage items (beni culturali), ISCR 2021.',
  })
  culturalHeritage!: ExposedCount;

  /** Provenance, resolved by `source`. */
  origin!: FigureSource;
}

/** A comune-wide total that shares are computed over. */
@ObjectType({ description: 'A total of a comune or a set of comuni that shares are over.' })
export class ExposureTotal {
  @Field(() => Int, { nullable: true, description: 'The total; null when unknown.' })
  count!: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of the data; null when not known.' })
  dataYear!: number | null;

  @Field(() => String, { nullable: true, description: 'Why count is null.' })
  unknownReason!: string | null;

  /** Provenance, resolved by `source`. */
  origin!: FigureSource;
}

/** The totals the shares of exposed elements are over. */
@ObjectType({
  description:
    "The totals the shares (percent) of exposed elements are over, as ISPRA computes them: residents over the legal population of the 2011 census, buildings, business units and cultural heritage over ISPRA's own counts. Families: ISPRA's base (2011 census families) is not in the data.",
})
export class ExposureBase {
  @Field(() => ExposureTotal, { description: 'Legal population, census 2011 (ISTAT).' })
  residents!: ExposureTotal;
  @Field(() => ExposureTotal, { description: 'Families: not known (see unknownReason).' })
  families!: ExposureTotal;
  @Field(() => ExposureTotal, { description: 'Buildings, ISTAT census 2011 (per ISPRA).' })
  buildings!: ExposureTotal;
  @Field(() => ExposureTotal, {
    description: 'Local business units, ISTAT census 2011 (per ISPRA).',
  })
  businessUnits!: ExposureTotal;
  @Field(() => ExposureTotal, { description: 'Cultural heritage items, ISCR 2021 (per ISPRA).' })
  culturalHeritage!: ExposureTotal;
}

/** Flood and landslide figures of a comune or a set of comuni. */
@ObjectType({ description: 'Flood and landslide figures of a comune or a set of comuni.' })
export abstract class HazardFigures {
  @MaxItems(enumSize(HazardLevel))
  @Field(() => [HazardLevelExposure], {
    description:
      'Flood hazard (pericolosità idraulica), levels HIGH (P3), MEDIUM (P2), LOW (P1). The levels are nested scenarios: never add them up.',
  })
  flood!: HazardLevelExposure[];

  @MaxItems(enumSize(HazardLevel))
  @Field(() => [HazardLevelExposure], {
    description:
      'Landslide hazard (pericolosità da frana, PAI), levels VERY_HIGH (P4), HIGH (P3), MEDIUM (P2), LOW (P1) and ATTENTION (AA). The classes do not overlap.',
  })
  landslide!: HazardLevelExposure[];

  @Field(() => ExposureBase, { description: 'The totals the shares are over.' })
  exposureBase!: ExposureBase;
}

/** The hazard profile of a comune. */
@ObjectType({
  description:
    "Hazard profile (profilo di pericolosità) of a comune: ISPRA IdroGEO's flood and landslide indicators and the seismic zone of the Dipartimento della Protezione Civile, each with source and data year. What the hub does not hold is null with the reason, never 0.",
})
export class HazardProfile extends HazardFigures {
  @Field(() => String, { description: 'ISTAT code of the comune.' })
  istatCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Why ISPRA's figures (flood, landslide, exposureBase) are null for this comune; null when the hub holds them.",
  })
  idrogeoUnknownReason!: string | null;

  @Field(() => SeismicClassification, {
    nullable: true,
    description: 'Seismic zone; null when not held (see seismicUnknownReason).',
  })
  seismic!: SeismicClassification | null;

  @Field(() => String, { nullable: true, description: 'Why `seismic` is null.' })
  seismicUnknownReason!: string | null;

  @MaxItems(enumSize(Hazard))
  @Field(() => [Hazard], {
    nullable: true,
    description:
      'Kinds of hazard the sources map in the comune: FLOOD when ISPRA maps any flood hazard area, HYDROGEOLOGICAL when it maps any landslide or attention area, SEISMIC when the comune has a seismic zone (every Italian comune has one; zone 4 is the lowest). The same values as plan scenarios. Null when a source is not held for the comune.',
  })
  mappedHazards!: Hazard[] | null;

  /** Dataset ids behind the profile, resolved by `sources`. */
  datasetIds!: string[];
}

/** Number of comuni in one seismic zone. */
@ObjectType({ description: 'Number of comuni in one seismic zone.' })
export class SeismicZoneCount {
  @Field(() => String, { description: 'Seismic zone ("1" to "4").' })
  zone!: string;
  @Field(() => Int, { description: 'Comuni in that zone.' })
  comuneCount!: number;
}

/** One row of `hazardSummary`: a comune, a grouping, or the whole territory. */
@ObjectType({ description: 'One row of a hazard summary: a comune, a grouping or the territory.' })
export class HazardSummaryRow extends HazardFigures {
  @Field(() => String, { description: 'Key of the row: ISTAT code, grouping code or territory.' })
  key!: string;

  @Field(() => String, { description: 'Readable label of the row.' })
  label!: string;

  @Field(() => Int, { description: 'Comuni the row covers.' })
  comuneCount!: number;

  @MaxItems(MAX_COMUNI)
  @Field(() => [String], {
    description:
      'ISTAT codes of the comuni of the row whose ISPRA figures the hub does not hold (their sums are then null, never partial).',
  })
  comuniWithoutIdrogeo!: string[];

  @MaxItems(10)
  @Field(() => [SeismicZoneCount], { description: 'Comuni per seismic zone, by zone.' })
  seismicZones!: SeismicZoneCount[];

  @MaxItems(MAX_COMUNI)
  @Field(() => [String], {
    description: 'ISTAT codes of the comuni of the row without a seismic zone in the hub.',
  })
  comuniWithoutSeismicZone!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'What the row cannot cover: e.g. a grouping that declares more comuni than it names (its figures cover the named ones only). Null when nothing is missing.',
  })
  membershipNote!: string | null;
}

/** A hazard summary of a territory. */
@ObjectType({
  description: 'Hazard summary of a territory (riepilogo della pericolosità), ISPRA and DPC.',
})
export class HazardSummary {
  @Field(() => String, { description: 'The territory asked for.' })
  territory!: string;
  @Field(() => HazardGroupBy, { description: 'How rows are grouped.' })
  groupBy!: HazardGroupBy;
  @Field(() => HazardSummaryRow, { description: 'The whole territory.' })
  total!: HazardSummaryRow;
  @MaxItems(200)
  @Field(() => [HazardSummaryRow], { description: 'The rows, by key.' })
  rows!: HazardSummaryRow[];
}
