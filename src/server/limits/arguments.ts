import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type DocumentNode,
  type SelectionSetNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import { HubError } from '../../common/errors.js';
import { httpStatusOf } from '../../common/http-errors.js';
import {
  MAX_STRING_LENGTH,
  type ArgumentExtensions,
  type LengthExtensions,
} from '../../common/limits.js';

/** A string no argument may hold: PostgreSQL refuses NUL in text, and no code or name has it. */
const NUL = '\u0000';

function refuse(path: string, field: string, message: string, extra: Record<string, unknown> = {}) {
  return new HubError('BAD_USER_INPUT', `Argument "${path}" of ${field} ${message}`, {
    argument: path,
    field,
    ...extra,
    http: { status: httpStatusOf('BAD_USER_INPUT') },
  });
}

/** Checks one argument value against its input type, recursively (lists, input objects). */
function checkValue(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  field: string,
  maxLength: number,
): void {
  if (value == null) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value))
      value.forEach((v, i) => checkValue(v, t.ofType, `${path}[${i}]`, field, maxLength));
    return;
  }
  if (isInputObjectType(t)) {
    for (const f of Object.values(t.getFields())) {
      const max = (f.extensions as LengthExtensions).maxLength ?? MAX_STRING_LENGTH;
      checkValue(
        (value as Record<string, unknown>)[f.name],
        f.type,
        `${path}.${f.name}`,
        field,
        max,
      );
    }
    return;
  }
  if (typeof value !== 'string') return;
  if (value.includes(NUL))
    throw refuse(path, field, 'contains a NUL character (U+0000), which no text of the hub holds.');
  if (value.length > maxLength)
    throw refuse(
      path,
      field,
      `is ${value.length} characters long; the most it takes is ${maxLength}.`,
      { limit: 'stringLength', max: maxLength },
    );
}

/**
 * Checks every string argument of an operation before it runs, its variables applied: no
 * NUL characters (PostgreSQL refuses them: they would be an internal error) and no string
 * longer than its field allows ({@link MAX_STRING_LENGTH} unless an input field declares
 * more), and each field's own check when it declares one ({@link ArgumentExtensions}).
 * Throws BAD_USER_INPUT (HTTP 400) naming the argument and the field; nothing runs.
 * Fragments are checked once each; variables that do not coerce are left to the executor.
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> | undefined,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {});
  if (coerced.errors) return;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) {
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const def = parent.getFields()[node.name.value];
        if (!def) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, node, variables);
        } catch {
          continue; // the executor reports it
        }
        const name = `${parent.name}.${def.name}`;
        for (const a of def.args) {
          const max = (a.extensions as LengthExtensions).maxLength ?? MAX_STRING_LENGTH;
          checkValue(args[a.name], a.type, a.name, name, max);
        }
        const check = (def.extensions as ArgumentExtensions).checkArguments;
        if (check)
          try {
            check(args);
          } catch (e) {
            if (!(e instanceof HubError)) throw e;
            throw new HubError(e.code, e.message, {
              ...e.extensions,
              http: { status: httpStatusOf(e.code) },
            });
          }
        const type = getNamedType(def.type);
        if (node.selectionSet && isCompositeType(type)) walk(node.selectionSet, type);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        const type = node.typeCondition ? schema.getType(node.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(node.selectionSet, type);
      } else {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type);
      }
    }
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (root) walk(operation.selectionSet, root);
}
