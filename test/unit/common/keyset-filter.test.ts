import { describe, expect, it } from 'vitest';
import { keysetFilter, type SortProp } from '../../../src/common/pagination.js';

const asc = (name: string, nullable = false): SortProp => ({ name, dir: 'asc', nullable });
const desc = (name: string, nullable = false): SortProp => ({ name, dir: 'desc', nullable });

describe('keysetFilter (the keyset of findPage as a MikroORM filter)', () => {
  it('pages past a unique key either way', () => {
    expect(keysetFilter([asc('id')], [7])).toEqual({ $or: [{ id: { $gt: 7 } }] });
    expect(keysetFilter([desc('pk')], ['12'])).toEqual({ $or: [{ pk: { $lt: '12' } }] });
  });

  it('breaks ties on the next property', () => {
    expect(keysetFilter([asc('comune'), asc('pk')], ['019035', 4])).toEqual({
      $or: [{ comune: { $gt: '019035' } }, { $and: [{ comune: '019035' }, { pk: { $gt: 4 } }] }],
    });
  });

  it('sorts nulls as PostgreSQL does: last ascending, first descending', () => {
    // Ascending: after a value come greater values and the nulls.
    expect(keysetFilter([asc('pop', true), asc('istatCode')], [100, '019001'])).toEqual({
      $or: [
        { $or: [{ pop: { $gt: 100 } }, { pop: null }] },
        { $and: [{ pop: 100 }, { istatCode: { $gt: '019001' } }] },
      ],
    });
    // Ascending, after a null: only the other nulls, by the tie-breaker.
    expect(keysetFilter([asc('pop', true), asc('istatCode')], [null, '019001'])).toEqual({
      $or: [{ $and: [{ pop: null }, { istatCode: { $gt: '019001' } }] }],
    });
    // Descending, after a null: every value, and the nulls after it.
    expect(keysetFilter([desc('pop', true), desc('istatCode')], [null, '019001'])).toEqual({
      $or: [{ pop: { $ne: null } }, { $and: [{ pop: null }, { istatCode: { $lt: '019001' } }] }],
    });
  });
});
