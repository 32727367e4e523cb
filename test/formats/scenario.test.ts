import { describe, expect, it } from 'vitest';
import { readScenario } from '../../solver/io/read.ts';
import type { Scenario } from '../../solver/domain/schemas.ts';
import { scenario, trainee } from '../rules/fixtures.ts';

/** A minimal valid document: only the fields formats.md requires. */
const minimal = (): Record<string, unknown> => ({
  format: 'randplan.scenario/1',
  name: 'Minimal',
  horizon: { from: '2027-01-01', to: '2034-12-31' },
  clinics: [{ id: 'psyk-vxo', name: 'Psykiatriska kliniken Växjö', specialty: 'psykiatri', capacity: 2 }],
  units: [{ id: 'vc-teleborg', name: 'Teleborgs vårdcentral', maxAway: 1 }],
  trainees: [{ id: 't01', name: 'Anna Andersson', unit: 'vc-teleborg', start: '2027-02-01', regulation: '2015:8' }],
});

function errorsOf(doc: unknown): string[] {
  const r = readScenario(doc);
  return r.ok ? [] : r.errors;
}

describe('readScenario', () => {
  it('accepts a minimal document and returns it', () => {
    const doc = minimal();
    const r = readScenario(doc);
    expect(r).toEqual({ ok: true, value: doc });
  });

  it('accepts the full example of formats.md, with extra fields', () => {
    const doc = {
      ...minimal(),
      profile: 'kronoberg',
      rules: { 'max-away': { months: 3, returnWeeks: 1 }, 'initial-vc': { months: 12 } },
      clinics: [
        { id: 'psyk-vxo', name: 'Psykiatriska kliniken Växjö', specialty: 'psykiatri', capacity: 2,
          capacityChanges: [{ from: '2027-06-21', to: '2027-08-15', capacity: 0 }] },
        { id: 'barn-vxo', name: 'Barnkliniken Växjö', specialty: 'pediatrik', capacity: 1 },
      ],
      trainees: [
        { id: 't01', name: 'Anna Andersson', unit: 'vc-teleborg', start: '2027-02-01', regulation: '2015:8',
          employment: [{ from: '2027-02-01', rate: 1.0 }, { from: '2029-01-01', rate: 0.8 }],
          leave: [{ from: '2028-03-01', to: '2028-08-31', kind: 'parental' }],
          creditMonths: 0,
          rotations: [{ specialty: 'internmedicin', months: [3, 6] }, { specialty: 'psykiatri', months: 3 }],
          locked: [{ kind: 'rotation', specialty: 'pediatrik', clinic: 'barn-vxo', from: '2028-09-01', to: '2028-11-30' }],
          wishes: [{ specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: 1 }],
          favouriteColour: 'blue' },
      ],
      generatedBy: 'a future Randplan',
    };
    expect(errorsOf(doc)).toEqual([]);
  });

  it('names every malformed field, the way formats.md does', () => {
    const doc = minimal();
    const trainees = [0, 1, 2, 3].map((i) => ({ ...(doc.trainees as object[])[0]!, id: `t0${i}` })) as Record<string, unknown>[];
    trainees[3]!.start = 'next spring';
    trainees[1]!.regulation = '2020:1';
    delete trainees[2]!.name;
    trainees[0]!.creditMonths = -3;
    doc.trainees = trainees;
    (doc.clinics as Record<string, unknown>[])[0]!.specialty = 'kardiologi';
    expect(errorsOf(doc)).toEqual([
      'clinics[0].specialty: must be one of internmedicin, psykiatri, pediatrik, gynekologi, onh, ogon, hud, kirurgi, ortopedi, akutgeriatrik, infektion, akutsjukvard',
      'trainees[0].creditMonths: must be a number ≥ 0',
      'trainees[1].regulation: must be one of 2015:8, 2021:8',
      'trainees[2].name: required',
      'trainees[3].start: not a date',
    ]);
  });

  it('rejects what a schema cannot see: impossible dates, reversed periods, duplicates, references', () => {
    const s = scenario([
      trainee('t01', { start: '2027-02-30' }),
      trainee('t01'),
      trainee('t03', { unit: 'vc-x', leave: [{ from: '2028-05-01', to: '2028-04-01' }], plannedEnd: '2026-01-01' }),
      trainee('t04', {
        rotations: [{ specialty: 'hud', months: [3, 1] }, { specialty: 'hud' }],
        locked: [
          { kind: 'rotation', specialty: 'hud', clinic: 'psyk-vxo', from: '2029-01-01', to: '2029-01-31' },
          { kind: 'rotation', specialty: 'hud', clinic: 'nowhere', from: '2029-03-01', to: '2029-03-31' },
          { kind: 'course', from: '2029-05-01', to: '2029-05-02' },
          { kind: 'milestone', from: '2029-05-01', to: '2029-05-01' },
          { kind: 'rotation', from: '2029-06-01', to: '2029-06-30' },
        ],
      }),
    ]);
    s.horizon.to = '2026-12-31';
    s.units.push({ id: 'vc-a', name: 'Dubblett', maxAway: 1 });
    s.clinics[0]!.capacityChanges = [{ from: '2029-08-15', to: '2029-06-21', capacity: 0 }];
    s.units[0]!.maxAwayChanges = [{ from: '2029-08-15', to: '2029-06-21', maxAway: 2 }];
    expect(errorsOf(s)).toEqual([
      'horizon.to: 2026-12-31 is before from 2027-01-01',
      'clinics[0].capacityChanges[0].to: 2029-06-21 is before from 2029-08-15',
      'units[2].id: duplicate id "vc-a" (also units[0])',
      'units[0].maxAwayChanges[0].to: 2029-06-21 is before from 2029-08-15',
      'trainees[1].id: duplicate id "t01" (also trainees[0])',
      'trainees[0].start: not a date (2027-02-30 does not exist)',
      'trainees[2].unit: unknown unit "vc-x"',
      'trainees[2].plannedEnd: 2026-01-01 is before start 2027-02-01',
      'trainees[2].leave[0].to: 2028-04-01 is before from 2028-05-01',
      'trainees[3].rotations[0].months: max 1 is below min 3',
      'trainees[3].rotations[1].specialty: hud is listed twice (also rotations[0])',
      'trainees[3].locked[0].clinic: "psyk-vxo" is a psykiatri clinic, not hud',
      'trainees[3].locked[1].clinic: unknown clinic "nowhere"',
      'trainees[3].locked[2].course: required for a course',
      'trainees[3].locked[3].milestone: required for a milestone',
      'trainees[3].locked[4].specialty: required for a rotation',
      'trainees[3].locked[4].clinic: required for a rotation',
    ]);
  });

  it("checks rule overrides against each rule's parameter schema", () => {
    const s: Scenario = scenario();
    s.rules = {
      'max-away': { months: 0, returnWeek: 1 },
      'no-such-rule': { x: 1 },
      'total-side-time': { min: 30 },
      'rotation-length': { lengths: { hud: [1] } },
      'clinic-capacity': { strict: true },
    };
    expect(errorsOf(s)).toEqual([
      'rules.max-away.returnWeek: unknown parameter (known: months, returnWeeks)',
      expect.stringMatching(/^rules\.no-such-rule: unknown rule \(known: rotation-length, required-rotations, /),
      'rules.clinic-capacity.strict: unknown parameter (this rule has none)',
      'rules.max-away.months: must be a number > 0',
      'rules.total-side-time.max: must be ≥ min (30)',
      'rules.rotation-length.lengths.hud: must be a list of 2 items',
    ]);
  });

  it('accepts a partial override of a nested parameter (one specialty, one course window)', () => {
    const s = scenario();
    s.rules = { 'rotation-length': { lengths: { hud: [1, 2] } }, 'course-windows': { windows: { lek: 'any' } }, 'minimum-time': { months: { '2015:8': 60 } } };
    expect(errorsOf(s)).toEqual([]);
  });

  it('rejects documents that are not scenarios at all, without throwing', () => {
    expect(errorsOf(null)).toEqual(['document: must be an object']);
    expect(errorsOf([])).toEqual(['document: must be an object']);
    expect(errorsOf({ format: 'randplan.plan/1' })).toEqual([
      'name: required',
      'horizon: required',
      'clinics: required',
      'units: required',
      'trainees: required',
      'format: must be "randplan.scenario/1"',
    ]);
  });

  it('leaves the input unchanged', () => {
    const doc = minimal();
    (doc.trainees as Record<string, unknown>[])[0]!.start = '2027-02-30';
    const before = structuredClone(doc);
    readScenario(doc);
    expect(doc).toEqual(before);
  });
});
