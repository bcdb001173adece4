import { Field, ID, InterfaceType } from 'type-graphql';

/** Encodes a global id: the type name and the record key, opaque to clients. */
export const toGlobalId = (type: string, key: string | number): string =>
  Buffer.from(`${type}:${key}`).toString('base64url');

/** A type name as the schema writes it (`__proto__` or `constructor` are not: see below). */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** Control characters (NUL included) never occur in a key the hub made. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Decodes a global id into type and key, or null when it is not one the hub could have
 * made: the type must look like a type name (never an Object.prototype member such as
 * `__proto__` or `toString`) and the key must be free of control characters (NUL would
 * reach SQL).
 */
export function fromGlobalId(id: string): { type: string; key: string } | null {
  const raw = Buffer.from(id, 'base64url').toString('utf8');
  const at = raw.indexOf(':');
  if (at <= 0) return null;
  const type = raw.slice(0, at);
  const key = raw.slice(at + 1);
  if (!TYPE_NAME.test(type) || !key || CONTROL.test(key)) return null;
  return { type, key };
}

/** Every object with an identity implements Node: an opaque, globally unique id. */
@InterfaceType({ description: 'An object with a global, opaque identifier (Relay Node).' })
export abstract class Node {
  @Field(() => ID, { description: 'Global opaque identifier; stable across releases.' })
  id!: string;
}
