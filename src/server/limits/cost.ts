import {
  DirectiveLocation,
  getNamedType,
  isAbstractType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
// The CommonJS build on purpose: its `import` build loads graphql's .mjs copy, whose classes
// are not the ones type-graphql built the schema with (instanceof would fail silently).
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import type { SizeExtensions } from '../../common/limits.js';
import { MAX_PAGE } from '../../common/pagination.js';

/**
 * How many items a field can answer with: 1 for a single value; for a list or a connection,
 * the size asked for (`first`, or the length of a list argument such as `ids`) capped at the
 * field's maximum, else the field's documented hard cap. A connection's `edges` count 1:
 * the field that returned the connection already multiplied by its `first`.
 */
export function itemsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const ext = (field.extensions ?? {}) as SizeExtensions;
  if (ext.sizedByParent) return 1;
  const sizeArg = ext.sizeArg ?? (field.args.some((a) => a.name === 'first') ? 'first' : null);
  const max = ext.maxItems ?? MAX_PAGE;
  if (sizeArg) {
    const v = args[sizeArg];
    const n = Array.isArray(v) ? v.length : typeof v === 'number' ? v : max;
    return Math.min(Math.max(n, 0), max);
  }
  return isListType(getNullableType(field.type)) ? max : 1;
}

/**
 * The sizes of the schema's introspection: the lists it can answer with (the most fields of
 * a type, args of a field...) and the elements of the whole description (`total`) and of its
 * largest type (`largest`), which bound any `__schema` and `__type` answer.
 */
function introspectionSizes(schema: GraphQLSchema) {
  const lists: Record<string, number> = {
    types: 0,
    directives: schema.getDirectives().length,
    fields: 0,
    inputFields: 0,
    enumValues: 0,
    interfaces: 0,
    possibleTypes: 0,
    args: Math.max(0, ...schema.getDirectives().map((d) => d.args.length)),
    locations: Object.keys(DirectiveLocation).length,
  };
  let total = lists.directives;
  let largest = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    lists.types++;
    let n = 1;
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      lists.fields = Math.max(lists.fields, fields.length);
      lists.interfaces = Math.max(lists.interfaces, type.getInterfaces().length);
      for (const f of fields) {
        lists.args = Math.max(lists.args, f.args.length);
        n += 1 + f.args.length;
      }
    } else if (isInputObjectType(type)) {
      n += Object.keys(type.getFields()).length;
      lists.inputFields = Math.max(lists.inputFields, n - 1);
    } else if (isEnumType(type)) {
      n += type.getValues().length;
      lists.enumValues = Math.max(lists.enumValues, n - 1);
    }
    if (isAbstractType(type))
      lists.possibleTypes = Math.max(lists.possibleTypes, schema.getPossibleTypes(type).length);
    total += n;
    largest = Math.max(largest, n);
  }
  return { lists, total, largest };
}

/**
 * Values an element of the schema (a type, field, argument, enum value) answers with in
 * introspection at most: name, description, kind, deprecation, its type reference (up to
 * seven levels of `ofType`). GraphiQL's full introspection of this schema: 11.4 per element.
 */
const VALUES_PER_ELEMENT = 16;

/**
 * The hub's cost model, an upper bound of the values a response can hold: a field costs 1
 * plus its selection, times the items it can answer with ({@link itemsOf}). So a list of 150
 * comuni with 2 fields each costs 150 × (1 + 2) = 450, and nested lists multiply.
 * Introspection is costed the same way with the schema's real list sizes, and never more than
 * the whole schema's description (`__schema`) or its largest type (`__type`) can hold.
 */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const introspection = introspectionSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__schema')
      return Math.min(introspection.total * VALUES_PER_ELEMENT, 1 + childComplexity);
    if (field.name === '__type')
      return Math.min(introspection.largest * VALUES_PER_ELEMENT, 1 + childComplexity);
    if (type.name.startsWith('__')) {
      const items = isListType(getNullableType(field.type))
        ? (introspection.lists[field.name] ?? introspection.total)
        : 1;
      return items * (1 + childComplexity);
    }
    const items = itemsOf(field, args);
    return items * (1 + (isCompositeType(getNamedType(field.type)) ? childComplexity : 0));
  };
}

/**
 * Most selections the estimate walks (fragments expanded at each use): a document past it
 * (fragments spread inside fragments, doubling at each level) is refused as too costly.
 */
export const MAX_ESTIMATED_NODES = 10000;

/**
 * Estimates an operation's cost with graphql-query-complexity, the variables applied.
 * Throws when the document cannot be walked within {@link MAX_ESTIMATED_NODES}.
 */
export function estimateCost(
  schema: GraphQLSchema,
  estimator: ComplexityEstimator,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [estimator],
    maxQueryNodes: MAX_ESTIMATED_NODES,
  });
}
