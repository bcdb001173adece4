import { describe, expect, it } from 'vitest';
import type { PlanFact } from '../../../../src/domains/broadband/data/programmes.js';
import type { BroadbandClaim } from '../../../../src/domains/broadband/model/claim.entity.js';
import { PlanWorkState } from '../../../../src/domains/broadband/model/enums.js';
import { checkNote, fibreInPlan } from '../../../../src/domains/broadband/rules/claim-check.js';

const fact = (comune: string, fibre: boolean, state: PlanWorkState | null, known = '2024-03-25') =>
  ({
    comune,
    name: `Comune ${comune}`,
    fibre_in_plan: fibre,
    fibre_state: state,
    as_of: null,
    known_by: known,
    as_of_note: 'not dated',
    dataset_id: 'bul-stato-lavori',
  }) satisfies PlanFact;

const claim = (value: string) =>
  ({
    value,
    statement: `FTTH reached ${value} comuni`,
    statedOn: '2022-11-29',
    reportedOn: null,
  }) as unknown as BroadbandClaim;

// Three comuni: A has two places, one with fibre finished and one without fibre (counted, and
// finished: every fibre place of A is); B has fibre still in works; C is FWA only.
const facts = [
  fact('A', true, PlanWorkState.COMPLETED),
  fact('A', false, null),
  fact('B', true, PlanWorkState.IN_WORKS),
  fact('C', false, null),
];

describe('the fibre-in-plan check of a broadband claim', () => {
  it('counts the comuni with fibre in at least one place, and those whose fibre works are all finished', () => {
    const c = fibreInPlan(claim('2'), facts)!;
    expect(c.comuni).toEqual(['A', 'B']);
    expect(c.otherComuni).toEqual(['C']);
    expect([c.computed, c.completed, c.difference, c.consistent]).toEqual([2, 1, 0, true]);
    expect(c.dataset).toBe('bul-stato-lavori');
    expect(c.dataKnownBy).toBe('2024-03-25');
  });

  it('flags a claim that differs, naming both figures and the comuni outside the fibre plan', () => {
    const c = fibreInPlan(claim('3'), facts)!;
    expect([c.difference, c.consistent]).toEqual([-1, false]);
    const note = checkNote(claim('3'), c, 'press release', 'Infratel BUL file');
    expect(note).toContain('Open data: 2 of the 3 comuni have fibre in the white-areas plan');
    expect(note).toContain('1 of them with works finished');
    expect(note).toContain('Not in the fibre plan (FWA only): Comune C.');
    expect(note).toContain('The figures differ by -1');
  });

  it('says when the rows behind it carry different dates, and is null without rows', () => {
    const mixed = [...facts.slice(0, 3), fact('C', false, null, '2025-01-10')];
    const c = fibreInPlan(claim('2'), mixed)!;
    expect(c.dataAsOf).toBeNull();
    expect(c.dataKnownBy).toBe('2025-01-10');
    expect(c.dataDateNote).toMatch(/^rows of different dates: /);
    expect(fibreInPlan(claim('2'), [])).toBeNull();
  });
});
