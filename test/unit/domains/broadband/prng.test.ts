import { describe, expect, it } from 'vitest';
import { Prng } from '../../../../src/domains/broadband/ingest/sample/prng.js';

const draw = (p: Prng, n: number) => Array.from({ length: n }, () => p.next());

describe('Prng (the synthetic sample\u2019s generator)', () => {
  it('repeats the same sequence for the same seed, another for another seed', () => {
    expect(draw(new Prng('cremasco'), 20)).toEqual(draw(new Prng('cremasco'), 20));
    expect(draw(new Prng('cremasco'), 20)).not.toEqual(draw(new Prng('cremasco2'), 20));
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draw(new Prng('uniform'), 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Ten bins of 2,000 expected each; a fair generator stays well within ±10 %.
    const bins = Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const b of bins) expect(Math.abs(b - 2000)).toBeLessThan(200);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('draws integers within both bounds, and each of them', () => {
    const p = new Prng('dice');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = p.int(1, 6);
      expect(Number.isInteger(n) && n >= 1 && n <= 6).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < 100; i++) {
      const r = p.range(-2, 3);
      expect(r >= -2 && r < 3).toBe(true);
    }
  });

  it('picks by weight, never a value of weight 0', () => {
    const p = new Prng('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++)
      counts[
        p.pick([
          ['a', 3],
          ['b', 1],
          ['c', 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(Math.abs(counts.a / 10000 - 0.75)).toBeLessThan(0.03);
  });

  it('shuffles a copy holding the same items', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = new Prng('cards').shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(items);
    expect(out).not.toEqual(items);
  });

  it('draws normals with mean 0 and deviation 1', () => {
    const p = new Prng('bell');
    const xs = Array.from({ length: 20000 }, () => p.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});
