import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ApiKeyRole } from './enums.js';

/**
 * An API key. The key itself is never stored: only the SHA-256 of it (keys are 256-bit
 * random values, so a fast hash is enough and lookup is by hash, with no timing leak).
 * Not exposed through GraphQL; managed with `npm run keys`.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'comuni' | 'domains';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Unique human label ("Comune di Crema – ufficio tecnico"). */
  @Property({ type: 'text', unique: true })
  label!: string;

  @Enum({ items: () => ApiKeyRole, nativeEnumName: 'api_key_role' })
  role!: ApiKeyRole;

  /** ISTAT codes an EDITOR key may write (empty for other roles). */
  @Property({ type: 'text[]', default: '{}' })
  comuni: string[] = [];

  /** Domains an EDITOR key may write; empty = every domain. */
  @Property({ type: 'text[]', default: '{}' })
  domains: string[] = [];

  /** Hex SHA-256 of the key. */
  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  /** When set, the key no longer authenticates (requests get UNAUTHENTICATED). */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
