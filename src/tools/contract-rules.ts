import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  DEFAULT_DEPRECATION_REASON,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The rules guarding the GraphQL contract (`npm run check:contract`):
 *
 * - every BREAKING change between the released schema (`schema/released.graphql`) and the
 *   current one (`schema/schema.graphql`), as classified by @graphql-inspector/core, is
 *   recorded in CHANGELOG.md under "Unreleased" → "Breaking", as a bullet naming the
 *   change's schema path in backticks (e.g. "- `Comune.areaKm2`: removed; use …");
 * - every deprecation added since the release is recorded there under "Deprecated" too;
 * - every deprecation in the current schema carries a reason and the date it was
 *   deprecated ("… since YYYY-MM-DD").
 */

/** A change the diff found, as the check reports it. */
export interface ContractChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  type: string;
  /** Schema path of the change, e.g. `Query.comuni.first`; the type code when it has none. */
  path: string;
  message: string;
}

/** What the check found. */
export interface ContractReport {
  changes: ContractChange[];
  /** Problems that fail the check, one readable line each. */
  problems: string[];
  /** Worth knowing, does not fail the check. */
  warnings: string[];
}

/** Parsed "Unreleased" section of a changelog: the paths named in each subsection. */
export interface Unreleased {
  found: boolean;
  /** Subsection name (lower case, e.g. "breaking") -> paths named in backticks. */
  sections: Map<string, Set<string>>;
}

/** Reads the "## Unreleased" section of a Keep-a-Changelog style file. */
export function readUnreleased(changelog: string): Unreleased {
  const sections = new Map<string, Set<string>>();
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+\[?unreleased\]?\s*$/i.test(l.trim()));
  if (start < 0) return { found: false, sections };
  let current = '';
  for (const line of lines.slice(start + 1)) {
    if (/^##\s/.test(line)) break;
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = heading[1].toLowerCase();
      if (!sections.has(current)) sections.set(current, new Set());
      continue;
    }
    // Bullets, and the lines that continue them.
    if (!current || !line.trim()) continue;
    for (const m of line.matchAll(/`([^`]+)`/g)) sections.get(current)!.add(m[1].trim());
  }
  return { found: true, sections };
}

const DATE = /\bsince (\d{4}-\d{2}-\d{2})\b/;

/** A deprecation reason's problem, or null when it gives a reason and a valid date. */
export function deprecationProblem(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (!text || text === DEFAULT_DEPRECATION_REASON)
    return 'has no reason: say what to use instead and since when ("… since YYYY-MM-DD")';
  const m = DATE.exec(text);
  if (!m) return `reason "${text}" has no date: end it with "since YYYY-MM-DD"`;
  const day = new Date(`${m[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[1])
    return `reason "${text}" has an invalid date ${m[1]}`;
  if (text.replace(DATE, '').replace(/[\s.,;:()–-]+/g, '').length < 8)
    return `reason "${text}" says only the date: say what to use instead`;
  return null;
}

/** Every deprecated field, argument, input field and enum value: path -> reason. */
export function deprecations(schema: GraphQLSchema): Map<string, string> {
  const out = new Map<string, string>();
  const add = (path: string, reason: string | null | undefined) => {
    if (reason != null) out.set(path, reason);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args)
          add(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        add(`${type.name}.${field.name}`, field.deprecationReason);
    if (isEnumType(type))
      for (const value of type.getValues())
        add(`${type.name}.${value.name}`, value.deprecationReason);
  }
  return out;
}

const toChange = (c: Change): ContractChange => ({
  level: c.criticality.level as ContractChange['level'],
  type: c.type,
  path: c.path ?? c.type,
  message: c.message,
});

/**
 * Compares the current SDL with the released SDL and checks the changelog and the
 * deprecations. Pure: the caller reads the files.
 */
export async function checkContract(input: {
  released: string;
  current: string;
  changelog: string | null;
}): Promise<ContractReport> {
  const released = buildSchema(input.released);
  const current = buildSchema(input.current);
  const changes = (await diff(released, current)).map(toChange);
  const problems: string[] = [];
  const warnings: string[] = [];
  const unreleased = readUnreleased(input.changelog ?? '');
  const recorded = (section: string, path: string) =>
    unreleased.sections.get(section)?.has(path) ?? false;

  const breaking = changes.filter((c) => c.level === CriticalityLevel.Breaking);
  const before = deprecations(released);
  const now = deprecations(current);
  // Deprecations of arguments and input fields escape the diff library: compare the sets.
  const deprecated = [...now.keys()].filter((path) => !before.has(path)).sort();
  if ((breaking.length || deprecated.length) && !unreleased.found)
    problems.push('CHANGELOG.md has no "## Unreleased" section to record the changes below in');
  for (const c of breaking)
    if (!recorded('breaking', c.path))
      problems.push(
        `breaking change not recorded in CHANGELOG.md (Unreleased → Breaking, a bullet naming \`${c.path}\`): ${c.message}`,
      );
  for (const path of deprecated)
    if (!recorded('deprecated', path))
      problems.push(
        `deprecation not recorded in CHANGELOG.md (Unreleased → Deprecated, a bullet naming \`${path}\`)`,
      );
  for (const [path, reason] of [...now].sort(([a], [b]) => a.localeCompare(b))) {
    const p = deprecationProblem(reason);
    if (p) problems.push(`\`${path}\` is deprecated but ${p}`);
  }

  // A dangerous change is covered by a bullet naming its path or a parent of it (a field
  // for its arguments).
  const covered = (path: string) =>
    ['dangerous', 'changed', 'added'].some((section) =>
      [...(unreleased.sections.get(section) ?? [])].some(
        (p) => p === path || path.startsWith(`${p}.`),
      ),
    );
  for (const c of changes.filter((x) => x.level === CriticalityLevel.Dangerous))
    if (!covered(c.path))
      warnings.push(`dangerous change (worth a line under Unreleased → Changed): ${c.message}`);
  const breakingPaths = new Set(breaking.map((c) => c.path));
  for (const path of unreleased.sections.get('breaking') ?? [])
    if (!breakingPaths.has(path))
      warnings.push(
        `CHANGELOG.md lists \`${path}\` as breaking, but the diff finds no breaking change there`,
      );
  return { changes, problems, warnings };
}
