import { describe, expect, it } from 'vitest';
import { checkPoint } from '../../../src/core/rules/geo.js';
import { HubError } from '../../../src/common/errors.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as HubError;
  }
  throw new Error('not refused');
};

describe('checkPoint', () => {
  it('accepts a point on the globe, edges included', () => {
    expect(checkPoint(45.36, 9.68)).toEqual({ lat: 45.36, lon: 9.68 });
    expect(checkPoint(-90, 180)).toEqual({ lat: -90, lon: 180 });
  });
  it.each([
    [91, 0, 'lat', 'must be a latitude from -90 to 90, got 91'],
    [Number.NaN, 0, 'lat', 'must be a latitude from -90 to 90, got NaN'],
    [0, -180.5, 'lon', 'must be a longitude from -180 to 180, got -180.5'],
    [0, Infinity, 'lon', 'must be a longitude from -180 to 180, got Infinity'],
  ])('refuses (%s, %s) naming %s', (lat, lon, arg, message) => {
    const e = refusal(() => checkPoint(lat, lon));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: arg });
    expect(e.message).toBe(`Argument "${arg}": ${message}`);
  });
  it('names the argument the caller gives', () => {
    const e = refusal(() => checkPoint(95, 9, 'input.areas[0].location.lat', 'x'));
    expect(e.message).toMatch(/^Argument "input\.areas\[0\]\.location\.lat": must be a latitude/);
  });
});
