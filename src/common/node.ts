import { Field, ID, InterfaceType } from 'type-graphql';

/** Encodes a global id: the type name and the record key, opaque to clients. */
export const toGlobalId = (type: string, key: string | number): string =>
  Buffer.from(`${type}:${key}`).toString('base64url');

/** Decodes a global id into type and key, or null when it is not one. */
export function fromGlobalId(id: string): { type: string; key: string } | null {
  const raw = Buffer.from(id, 'base64url').toString('utf8');
  const at = raw.indexOf(':');
  if (at <= 0) return null;
  return { type: raw.slice(0, at), key: raw.slice(at + 1) };
}

/** Every object with an identity implements Node: an opaque, globally unique id. */
@InterfaceType({ description: 'An object with a global, opaque identifier (Relay Node).' })
export abstract class Node {
  @Field(() => ID, { description: 'Global opaque identifier; stable across releases.' })
  id!: string;
}
