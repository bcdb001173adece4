import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { HubContext } from '../../common/context.js';
import { capExceeded, type SizeExtensions } from '../../common/limits.js';
import { MAX_PAGE } from '../../common/pagination.js';

const done = new WeakSet<GraphQLSchema>();

const isPromise = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/** The most items a list field may answer with, whatever its arguments. */
function capOf(field: GraphQLField<unknown, unknown>): number {
  const ext = (field.extensions ?? {}) as SizeExtensions;
  return ext.maxItems ?? MAX_PAGE;
}

/**
 * Guards the resolvers of a built schema, in one place:
 * - root fields and list fields check the request's budget (time, and whether it is spent)
 *   before they start work;
 * - list fields charge their items to the budget's rows, and refuse an answer longer than
 *   their documented cap (never cut it short: that would be a silent lie). A list past its
 *   cap is a defect of the hub, reported as such (INTERNAL_SERVER_ERROR, limit `listCap`).
 * A list field with a hard cap and no size argument gets "At most N." in its description.
 * Resolvers that return plain values stay synchronous.
 */
export function instrumentSchema(schema: GraphQLSchema): GraphQLSchema {
  if (done.has(schema)) return schema;
  done.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const list = isListType(getNullableType(field.type));
      if (!list && !roots.has(type)) continue;
      const ext = (field.extensions ?? {}) as SizeExtensions;
      const cap = capOf(field);
      const sized = ext.sizeArg || ext.sizedByParent || field.args.some((a) => a.name === 'first');
      if (list && ext.maxItems && !sized)
        field.description = `${field.description ?? ''} At most ${ext.maxItems}.`.trim();
      const name = `${type.name}.${field.name}`;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<
        unknown,
        HubContext
      >;
      const counted = (value: unknown, ctx: HubContext) => {
        if (!Array.isArray(value)) return value;
        if (value.length > cap) throw capExceeded(name, value.length, cap);
        ctx.budget?.charge(value.length);
        return value;
      };
      field.resolve = (source, args, ctx: HubContext, info) => {
        ctx.budget?.check();
        const out = resolve(source, args, ctx, info);
        if (!list) return out;
        return isPromise(out) ? out.then((v) => counted(v, ctx)) : counted(out, ctx);
      };
    }
  }
  return schema;
}
