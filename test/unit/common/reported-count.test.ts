import { describe, expect, it } from 'vitest';
import { ReportedCount } from '../../../src/common/reported-count.js';

describe('ReportedCount.of', () => {
  it('keeps a count as the source reports it ("circa 250 persone")', () => {
    expect(ReportedCount.of(250, true)).toEqual(
      Object.assign(new ReportedCount(), { value: 250, approximate: true }),
    );
    expect(ReportedCount.of(12, false)?.approximate).toBe(false);
  });

  it('reads an unknown approximation as exact, never an unknown number as 0', () => {
    expect(ReportedCount.of(40, null)).toMatchObject({ value: 40, approximate: false });
    expect(ReportedCount.of(40, undefined)).toMatchObject({ value: 40, approximate: false });
    expect(ReportedCount.of(null, true)).toBeNull();
    expect(ReportedCount.of(undefined, false)).toBeNull();
  });

  it('keeps 0 as a reported zero, not as unknown', () => {
    expect(ReportedCount.of(0, false)).toMatchObject({ value: 0, approximate: false });
  });
});
