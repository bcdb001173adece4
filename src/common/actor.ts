/** Roles of API keys; anonymous callers have no key. */
export type Role = 'PARTNER' | 'ANALYST' | 'EDITOR' | 'ADMIN';

/** Who is calling: anonymous, or the holder of an API key. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'key';
      keyId: number;
      label: string;
      role: Role;
      /** ISTAT codes an editor may write (empty for other roles). */
      comuni: string[];
      /** Domains an editor may write (empty means all domains for the role). */
      domains: string[];
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
