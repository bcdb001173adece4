import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  isRole,
  isScopedRole,
  ROLES,
  type KeyActor,
} from '../../../src/common/actor.js';
import type { ExportDefinition } from '../../../src/common/domain.js';
import { ApiKeyRole } from '../../../src/access/model/enums.js';
import { accessOf, EXPORT_ROLES, exportRefusal } from '../../../src/access/export-access.js';
import { scopeOf } from '../../../src/access/guard.js';

const keyOf = (role: (typeof ROLES)[number]): KeyActor => ({
  kind: 'key',
  keyId: 1,
  label: `a ${role} key`,
  role,
  comuni: role === 'EDITOR' ? ['019035'] : [],
  domains: [],
});

describe('one role model', () => {
  it('makes the GraphQL enum from ROLES: same values, same order', () => {
    expect(Object.keys(ApiKeyRole)).toEqual([...ROLES]);
    expect(Object.values(ApiKeyRole)).toEqual([...ROLES]);
  });

  it('knows a role only as spelled in ROLES', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const other of ['admin', 'ANONYMOUS', '', undefined]) expect(isRole(other)).toBe(false);
  });

  it('scopes EDITOR keys only', () => {
    expect(ROLES.filter(isScopedRole)).toEqual(['EDITOR']);
    expect(scopeOf(keyOf('EDITOR'))).toEqual({ comuni: ['019035'], domains: [] });
    expect(scopeOf(keyOf('ADMIN'))).toBeNull();
  });
});

describe('export access', () => {
  const def = {
    title: 'T',
    description: 'D',
    columns: [{ name: 'name', description: 'n' }],
    tables: ['t'],
    sql: () => 'select 1',
  } as unknown as ExportDefinition;
  const personal = {
    ...def,
    columns: [{ name: 'phone', description: 'p', personal: true }],
  } as unknown as ExportDefinition;

  it('is open when every source has an open licence and no column is personal', () => {
    expect(accessOf(def, [{ id: 'a', licence: 'CC-BY-4.0' }])).toEqual({
      access: 'OPEN',
      reasons: [],
    });
    expect(accessOf(def, [{ id: 'a', licence: null }])).toEqual({
      access: 'KEY',
      reasons: ['no licence stated by a'],
    });
    expect(accessOf(personal, []).reasons).toEqual(['personal data in column(s) phone']);
  });

  it('lets anyone download an open export', () => {
    const open = { access: 'OPEN' as const, reasons: [] };
    expect(exportRefusal(ANONYMOUS, 'comuni', open)).toBeNull();
    for (const role of ROLES) expect(exportRefusal(keyOf(role), 'comuni', open)).toBeNull();
  });

  it('needs an ANALYST or ADMIN key for the others: UNAUTHENTICATED, else FORBIDDEN', () => {
    const closed = { access: 'KEY' as const, reasons: ['no licence stated by a'] };
    const needs =
      'Export "addresses" needs an ANALYST or ADMIN key (Authorization: Bearer <key>): no licence stated by a. Exports made only of open-licence data need none (see GET /export).';
    const anonymous = exportRefusal(ANONYMOUS, 'addresses', closed)!;
    expect(anonymous.extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.message).toBe(needs);
    expect(EXPORT_ROLES).toEqual(['ANALYST', 'ADMIN']);
    for (const role of ROLES) {
      const refused = exportRefusal(keyOf(role), 'addresses', closed);
      if (EXPORT_ROLES.includes(role)) expect(refused).toBeNull();
      else {
        expect(refused!.extensions.code).toBe('FORBIDDEN');
        expect(refused!.message).toBe(`${needs} This key is ${role}.`);
      }
    }
  });
});
