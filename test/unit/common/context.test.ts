import { describe, expect, it } from 'vitest';
import {
  clearLoaders,
  defineLoaders,
  perRequest,
  requestValues,
  type HubContext,
} from '../../../src/common/context.js';

const request = () => ({ loaders: requestValues() }) as HubContext;

describe('typed loader sets', () => {
  let built = 0;
  const numbers = defineLoaders((ctx) => ({ id: ++built, ctx }));

  it('builds a set once per request, typed, and never shares it across requests', () => {
    const a = request();
    const b = request();
    const first = numbers(a);
    expect(numbers(a)).toBe(first);
    expect(first.ctx).toBe(a);
    expect(numbers(b).id).not.toBe(first.id);
  });

  it('forgets what a request built once cleared (after a write)', () => {
    const a = request();
    const before = numbers(a);
    clearLoaders(a);
    expect(numbers(a)).not.toBe(before);
  });

  it('keeps perRequest working, keyed by the factory', () => {
    const a = request();
    const factory = () => new Map<string, number>();
    perRequest(a, factory).set('x', 1);
    expect(perRequest(a, factory).get('x')).toBe(1);
  });

  it('hides the store: nothing to read on it', () => {
    expect(Object.keys(requestValues())).toEqual([]);
    expect(Object.isFrozen(requestValues())).toBe(true);
  });
});
