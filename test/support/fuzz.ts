import {
  astFromValue,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Prng } from '../../src/domains/broadband/ingest/sample/prng.js';

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Global ids: real ones, unknown keys, forged types and keys. */
const IDS = [
  b64('Comune:019035'),
  b64('Comune:000000'),
  b64('TerritorialGrouping:consorzio-it'),
  b64('Organization:consorzio-it'),
  b64('CivilProtectionPlan:019018'),
  b64('CivilProtectionOfficer:019018'),
  b64('CivicAddress:1'),
  b64('CivicAddress:99999999999999999999'),
  b64('Coverage:-1'),
  b64('PnrrGrant:1e9'),
  b64('PnrrProject:x'),
  b64('Claim:nope'),
  b64('RiskScenario:2147483648'),
  b64('__proto__:x'),
  b64('constructor:x'),
  b64('toString:1'),
  b64('valueOf:1'),
  b64('hasOwnProperty:1'),
  b64('Comune:\u0000'),
  b64('Comune:'),
  b64(':019035'),
  'nonsense',
  '',
];

/** Cursors: forged JSON (objects, huge numbers, wrong types) and garbage. */
const CURSORS = [
  b64('[0]'),
  b64('[-1]'),
  b64('[1e308]'),
  b64('[99999999999999999999]'),
  b64('["019035"]'),
  b64('["019035", 1]'),
  b64('[null]'),
  b64('[]'),
  b64('[{"$gt": 0}]'),
  b64('[["x"]]'),
  b64('["\\u0000"]'),
  b64('[true, false, "x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]'),
  b64('{"a": 1}'),
  b64('"x"'),
  b64('not json'),
  'not-base64!',
  'eyJ9',
];

/** Strings: valid codes and names, boundaries, and hostile values. */
const STRINGS = [
  '019035',
  '019018',
  '019999',
  '19035',
  'consorzio-it',
  'area-omogenea-cremasca',
  'province-cr',
  'crema',
  'Crema',
  "spino d'adda",
  'via mazzini 12 crema',
  'olivetti',
  'civil-protection',
  'pnrr',
  'hub',
  '1.2',
  '1.4.1',
  'DECLARED_COUNT_MISMATCH',
  'cer-crema-ex-olivetti',
  'ccr-upgrade-2023',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'toString',
  "'; drop table comune; --",
  '%',
  '_',
  '\\',
  '%_%',
  '"',
  '\ud800',
  '😀',
  '\u202eevil',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '{"$gt": ""}',
  'x'.repeat(200),
  'x'.repeat(1001),
  'é'.repeat(999),
  ...IDS.slice(0, 4),
  ...CURSORS.slice(0, 4),
];

const INTS = [
  0, 1, 2, -1, 10, 20, 50, 51, 100, 101, 500, 501, 10000, 10001, 2147483647, -2147483648,
];
const FLOATS = [0, 1, -1, 45.36, 9.68, 90, 90.0001, -180.5, 1e308, -1e308, 1e-308, 0.5];
const DATES = ['2022-11-17', '2024-01-01', '0001-01-01', '9999-12-31'];

/** What a generated operation needs to run. */
export interface FuzzOperation {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Generates random operations from the schema with a fixed seed: random root fields
 * (queries, and the mutation against the one plan the fuzz may touch), random sub-selections
 * a few levels deep, random arguments with boundary and hostile values, given inline or as
 * variables. The same seed gives the same operations.
 */
export class OperationFuzzer {
  private readonly rnd: Prng;
  private vars: Record<string, unknown> = {};
  private defs: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    seed: string,
    /** The only comune whose plan the mutation may target (others are other tests' data). */
    private readonly mutableComune: string,
  ) {
    this.rnd = new Prng(seed);
  }

  private chance(p: number) {
    return this.rnd.next() < p;
  }
  private one<T>(xs: readonly T[]): T {
    return xs[this.rnd.int(0, xs.length - 1)];
  }

  /** A random value of an input type; may be null where allowed, or wrong on purpose. */
  private value(type: GraphQLInputType, name: string, depth = 0): unknown {
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    const t = getNullableType(type);
    if (isListType(t)) {
      const n = this.chance(0.05) ? 101 : this.rnd.int(0, 3);
      return Array.from({ length: n }, () => this.value(t.ofType, name, depth + 1));
    }
    if (isInputObjectType(t)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(t.getFields()))
        if (isNonNullType(f.type) || (depth < 3 && this.chance(0.5)))
          out[f.name] = this.value(f.type, f.name, depth + 1);
      return out;
    }
    if (isEnumType(t)) return this.one(t.getValues()).value;
    if (!isScalarType(t)) return null;
    switch (t.name) {
      case 'Int':
        return this.one(INTS);
      case 'Float':
        return this.one(FLOATS);
      case 'Boolean':
        return this.chance(0.5);
      case 'Date':
        return this.one(DATES);
      case 'ID':
        return this.one(IDS);
      default:
        if (name === 'after') return this.one(CURSORS);
        if (name === 'istatCode' && this.chance(0.5)) return this.one(['019035', '019018']);
        return this.one(STRINGS);
    }
  }

  /** The arguments of a field, inline or as variables. */
  private args(field: GraphQLField<unknown, unknown>, forMutation: boolean): string {
    const parts: string[] = [];
    for (const a of field.args as GraphQLArgument[]) {
      if (!isNonNullType(a.type) && !this.chance(0.6)) continue;
      let v = this.value(a.type, a.name);
      if (forMutation && a.name === 'istatCode')
        v = this.chance(0.8) ? this.mutableComune : this.one(['01911', 'x\u0000', '999999']);
      if (this.chance(0.5)) {
        const name = `v${this.defs.length}`;
        this.defs.push(`$${name}: ${String(a.type)}`);
        this.vars[name] = v;
        parts.push(`${a.name}: $${name}`);
      } else {
        const ast = astFromValue(v, a.type);
        if (!ast) continue;
        parts.push(`${a.name}: ${print(ast)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** A random selection of a composite type, `depth` levels at most. */
  private selection(type: GraphQLCompositeType, depth: number): string {
    if (isAbstractType(type)) {
      const impls = this.schema.getPossibleTypes(type);
      const picks = Array.from({ length: this.rnd.int(1, 3) }, () => this.one(impls));
      const own = isInterfaceType(type) ? this.fields(type, depth) : [];
      return `{ __typename ${own.join(' ')} ${[...new Set(picks)]
        .map((t) => `... on ${t.name} ${this.selection(t, depth)}`)
        .join(' ')} }`;
    }
    const fields = this.fields(type, depth);
    return `{ ${fields.length ? fields.join(' ') : '__typename'} }`;
  }

  private fields(type: GraphQLCompositeType, depth: number): string[] {
    if (!isObjectType(type) && !isInterfaceType(type)) return [];
    const all = Object.values(type.getFields());
    const out: string[] = [];
    for (const f of all) {
      if (!this.chance(all.length > 8 ? 0.3 : 0.6)) continue;
      const named = getNamedType(f.type);
      if (isLeafType(named)) out.push(`${f.name}${this.args(f, false)}`);
      else if (depth > 0 && isCompositeType(named))
        out.push(`${f.name}${this.args(f, false)} ${this.selection(named, depth - 1)}`);
    }
    return out;
  }

  /** The next random operation. */
  next(): FuzzOperation {
    this.vars = {};
    this.defs = [];
    const mutation = this.chance(0.05);
    const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const picked = Array.from({ length: this.rnd.int(1, 3) }, () => this.one(fields));
    const body = [...new Set(picked)]
      .map((f) => {
        const named = getNamedType(f.type);
        const args = this.args(f, mutation);
        return isLeafType(named)
          ? `${f.name}${args}`
          : `${f.name}${args} ${this.selection(named as GraphQLCompositeType, this.rnd.int(1, 4))}`;
      })
      .join(' ');
    const defs = this.defs.length ? `(${this.defs.join(', ')})` : '';
    return {
      query: `${mutation ? 'mutation' : 'query'} Fuzz${defs} { ${body} }`,
      variables: this.vars,
    };
  }
}
