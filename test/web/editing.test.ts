/** The pure side of editing (web/src/lib/editing.ts): a trainee as a form and back (wishes too), their locked placements, the API's field errors by field, the capacity preview. */
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { parseDay } from '../../solver/time/dates.ts';
import {
  awayFormOf,
  awayPreview,
  capacityFormOf,
  capacityPreview,
  clinicOf,
  emptyForm,
  fieldErrors,
  fieldLabel,
  formOf,
  lockedPlacements,
  messageIn,
  newWish,
  profileRotations,
  traineeOf,
  unitOf,
  wishSpecialties,
} from '../../web/src/lib/editing.ts';
import { awayLimitText } from '../../web/src/lib/i18n.ts';
import { cleanPlacements, clinics, rot, trainee } from '../rules/fixtures.ts';

const params = resolveParams({ profile: 'kronoberg' });

describe('a trainee as a form', () => {
  const anna = trainee('t01', {
    employment: [{ from: '2027-02-01', rate: 1 }, { from: '2029-01-01', rate: 0.8 }],
    leave: [{ from: '2028-03-01', to: '2028-08-31', kind: 'parental' }],
    creditMonths: 2.5,
    latestEnd: '2033-06-30',
    rotations: [{ specialty: 'internmedicin', months: [3, 6] }, { specialty: 'psykiatri', months: 3, bt: true }],
    wishes: [{ specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30' }],
  });

  it('goes to the form and back unchanged, keeping what the form does not show', () => {
    const form = formOf(anna);
    expect(form.employment).toEqual([{ from: '2027-02-01', percent: '100' }, { from: '2029-01-01', percent: '80' }]);
    expect(form.rotations).toEqual([
      { specialty: 'internmedicin', min: '3', max: '6', bt: false },
      { specialty: 'psykiatri', min: '3', max: '3', bt: true },
    ]);
    expect(traineeOf(form, anna, 'sv', params)).toEqual({ trainee: anna });
  });

  it('drops what was cleared: the profile’s rotations, no leave, no latest end', () => {
    const form = { ...formOf(anna), ownRotations: false, leave: [], latestEnd: '', creditMonths: '' };
    const out = traineeOf(form, anna, 'sv', params);
    expect('trainee' in out && out.trainee).toEqual({ ...trainee('t01'), employment: anna.employment, wishes: anna.wishes });
  });

  it('refuses only what cannot be sent, by field; a decimal comma is a number', () => {
    const form = { ...formOf(anna), creditMonths: '2,5', employment: [{ from: '2027-02-01', percent: '120' }], rotations: [{ specialty: 'hud' as const, min: 'x', max: '', bt: false }], wishes: [] };
    expect(traineeOf(form, anna, 'sv', params)).toEqual({ errors: { 'employment[0].rate': 'ange 1–100 %', 'rotations[0].months': 'inte ett tal' } });
    expect(traineeOf({ ...form, employment: [], rotations: [], wishes: [] }, anna, 'sv', params)).toMatchObject({ trainee: { creditMonths: 2.5, rotations: [] } });
  });

  it('starts an own list from the profile’s, with the lengths', () => {
    const rows = profileRotations(params, '2021:8');
    expect(rows.find((r) => r.specialty === 'psykiatri')).toEqual({ specialty: 'psykiatri', min: '4', max: '4', bt: false });
    expect(rows.find((r) => r.specialty === 'internmedicin')).toEqual({ specialty: 'internmedicin', min: '3', max: '6', bt: false });
  });
});

describe('wishes in the form', () => {
  const berit = trainee('t02', {
    wishes: [
      { specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: 3 },
      { specialty: 'pediatrik', from: '2028-01-01', to: '2028-12-31' },
    ],
  });

  it('go to the form and back unchanged: a weight as typed, none left as none', () => {
    const form = formOf(berit);
    expect(form.wishes).toEqual([
      { specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: '3' },
      { specialty: 'pediatrik', from: '2028-01-01', to: '2028-12-31', weight: '' },
    ]);
    expect(traineeOf(form, berit, 'sv', params)).toEqual({ trainee: berit });
  });

  it('are added, changed and removed in the form and saved with the trainee', () => {
    const form = formOf(berit);
    form.wishes.splice(1, 1);
    form.wishes[0]!.weight = '7';
    form.wishes.push({ ...newWish(form, params)!, specialty: 'onh', from: '2030-03-01', to: '2030-05-31' });
    const out = traineeOf(form, berit, 'sv', params);
    expect('trainee' in out && out.trainee.wishes).toEqual([
      { specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: 7 },
      { specialty: 'onh', from: '2030-03-01', to: '2030-05-31', weight: 1 },
    ]);
    expect(traineeOf({ ...form, wishes: [] }, berit, 'sv', params)).toEqual({ trainee: trainee('t02') });
  });

  it('name the specialties of the trainee’s rotations: the profile’s, or the own list; BT’s left out once BT is done', () => {
    const form = formOf(trainee('t03', { regulation: '2021:8' }));
    expect(wishSpecialties(form, params)).toEqual(profileRotations(params, '2021:8').map((r) => r.specialty));
    const btDone = wishSpecialties({ ...form, btDone: true }, params);
    expect(btDone).toEqual(profileRotations(params, '2021:8').filter((r) => !r.bt).map((r) => r.specialty));
    expect(wishSpecialties({ ...form, ownRotations: true, rotations: [{ specialty: 'hud', min: '', max: '', bt: false }] }, params)).toEqual(['hud']);
    const none = { ...emptyForm('vc-a', '2027-02-01'), ownRotations: true };
    expect(newWish(none, params)).toBeNull();
  });

  it('refuse a bad row by its fields, in Swedish: to before from, a specialty without a rotation, a weight off the scale', () => {
    const form = { ...formOf(berit), ownRotations: true, rotations: [{ specialty: 'psykiatri' as const, min: '', max: '', bt: false }] };
    form.wishes = [
      { specialty: 'psykiatri', from: '2029-06-30', to: '2029-01-01', weight: '11' },
      { specialty: 'pediatrik', from: '2028-01-01', to: '2028-12-31', weight: '0' },
      { specialty: 'psykiatri', from: '2028-01-01', to: '2028-12-31', weight: 'mycket' },
      { specialty: 'psykiatri', from: '2028-01-01', to: '2028-12-31', weight: '10' },
    ];
    expect(traineeOf(form, berit, 'sv', params)).toEqual({
      errors: {
        'wishes[0].to': 'ligger före från-datumet',
        'wishes[0].weight': 'ange 1–10',
        'wishes[1].specialty': 'ST-läkaren har ingen randning i den specialiteten',
        'wishes[1].weight': 'ange 1–10',
        'wishes[2].weight': 'ange 1–10',
      },
    });
    expect(traineeOf(form, berit, 'en', params)).toMatchObject({ errors: { 'wishes[1].specialty': 'the trainee has no rotation of this specialty' } });
  });
});

describe('locked placements in the form', () => {
  const locked = [{ kind: 'rotation' as const, specialty: 'pediatrik' as const, clinic: 'barn-vxo', from: '2028-09-01', to: '2028-11-30' }];
  const planned = [
    { trainee: 't01', kind: 'course' as const, course: 'lek' as const, from: '2027-02-08', to: '2027-02-12', locked: true },
    { trainee: 't01', ...locked[0]!, locked: true },
    { trainee: 't01', kind: 'bvc' as const, from: '2029-03-01', to: '2029-06-30' },
    { trainee: 't02', kind: 'sabo' as const, from: '2027-03-01', to: '2027-06-30', locked: true },
  ];

  it('are the trainee’s and the plan’s flagged ones, once each, by date: history before the planning day, agreed after', () => {
    const rows = lockedPlacements(trainee('t01', { locked }), planned, parseDay('2028-01-01'));
    expect(rows.map((r) => [r.placement.kind, r.placement.from, r.status])).toEqual([
      ['course', '2027-02-08', 'history'],
      ['rotation', '2028-09-01', 'agreed'],
    ]);
    expect(rows[0]!.placement).not.toHaveProperty('locked');
    expect(lockedPlacements(trainee('t01', { locked }), [], parseDay('2028-09-02'))[0]!.status).toBe('history');
  });
});

describe('the API’s field errors', () => {
  it('places each at its form field, in Swedish, the scenario row dropped', () => {
    const details = [
      'trainees[12].latestEnd: 2027-01-01 is not after start 2027-09-01',
      'trainees[12].leave[0].to: 2027-01-01 is before from 2027-02-01',
      'trainees[12].rotations[1].months: max 2 is below min 3',
      'trainees[12].wishes[1].to: 2029-01-01 is before from 2029-06-30',
      'wishes[2].weight: must be >= 0',
      'start: must match pattern "^\\d{4}-\\d{2}-\\d{2}$"',
      'clinics[3].capacityChanges[0].from: not a date (2027-02-30 does not exist)',
      'name: something new',
    ];
    expect(fieldErrors(details, 'sv')).toEqual({
      latestEnd: 'måste ligga efter startdatumet',
      'leave[0].to': 'ligger före från-datumet',
      'rotations[1].months': 'max 2 är mindre än min 3',
      'wishes[1].to': 'ligger före från-datumet',
      'wishes[2].weight': 'minst 0',
      start: 'inte ett datum (ÅÅÅÅ-MM-DD)',
      'capacityChanges[0].from': 'inte ett giltigt datum',
      name: 'something new',
    });
    expect(fieldErrors(['latestEnd: 2027-01-01 is not after start 2027-09-01'], 'en')).toEqual({ latestEnd: '2027-01-01 is not after start 2027-09-01' });
  });

  it('names a field key as a person reads it', () => {
    const words: Record<string, string> = { leave: 'Ledighet', to: 'till', latestEnd: 'Senaste slut på ST', wishes: 'Önskemål', weight: 'vikt' };
    expect(fieldLabel('leave[0].to', (w) => words[w]!)).toBe('Ledighet 1 · till');
    expect(fieldLabel('wishes[1].weight', (w) => words[w]!)).toBe('Önskemål 2 · vikt');
    expect(fieldLabel('latestEnd', (w) => words[w]!)).toBe('Senaste slut på ST');
  });

  it('reads the language’s half of a message', () => {
    expect(messageIn('Inget ändrades / Nothing changed', 'sv')).toBe('Inget ändrades');
    expect(messageIn('Inget ändrades / Nothing changed', 'en')).toBe('Nothing changed');
  });
});

describe('the capacity preview', () => {
  const psyk = clinics(2).find((c) => c.id === 'psyk-vxo')!;
  // Three trainees at psychiatry: two from September to November, one in October only.
  const placements = [...cleanPlacements('t01'), ...cleanPlacements('t02'), rot('t03', 'psykiatri', '2028-10-01', '2028-10-31')];

  it('names the placements a reduced term puts over capacity, and the run', () => {
    const form = { ...capacityFormOf(psyk), changes: [{ from: '2028-10-15', to: '2028-10-20', capacity: '1' }] };
    const p = capacityPreview(psyk, clinicOf(form, psyk), placements, parseDay('2027-03-15'));
    expect(p.before.map((o) => o.placement.trainee)).toEqual(['t01', 't02', 't03']); // three at once already
    expect(p.after.map((o) => o.placement.trainee)).toEqual(['t01', 't02', 't03']);
    expect(p.added).toEqual([]);
    // One run of overbooked days, as the rule reports it: the most over, at the fewest places.
    expect(p.runs).toEqual([{ from: '2028-10-01', to: '2028-10-31', over: 2, places: 1 }]);
  });

  it('tells what a change breaks from what it repairs; history before the planning day is left out', () => {
    const two = placements.filter((p) => p.trainee !== 't03');
    const closed = clinicOf({ capacity: '2', changes: [{ from: '2028-07-01', to: '2028-09-15', capacity: '0' }] }, psyk);
    const p = capacityPreview(psyk, closed, two, parseDay('2027-03-15'));
    expect(p.before).toEqual([]);
    expect(p.added.map((o) => [o.placement.trainee, o.from, o.to])).toEqual([['t01', '2028-09-01', '2028-09-15'], ['t02', '2028-09-01', '2028-09-15']]);
    const back = capacityPreview(closed, psyk, two, parseDay('2027-03-15'));
    expect(back.repaired).toHaveLength(2);
    expect(capacityPreview(psyk, closed, two, parseDay('2029-01-01')).after).toEqual([]);
  });

  it('leaves a period out while its dates are still being typed', () => {
    const half = clinicOf({ capacity: '2', changes: [{ from: '2028-', to: '2028-09-15', capacity: '0' }] }, psyk);
    expect(capacityPreview(psyk, half, placements, null).added).toEqual([]);
  });
});

describe('the unit limit preview', () => {
  const unit = { id: 'vc-a', name: 'Vårdcentralen A', maxAway: 2 };
  // t01 and t02 of vc-a share the clean plan (two away at once, at the limit); t03 of vc-b is away in October too.
  const unitOfTrainee = (id: string) => (id === 't03' ? 'vc-b' : 'vc-a');
  const placements = [...cleanPlacements('t01'), ...cleanPlacements('t02'), rot('t03', 'psykiatri', '2028-10-01', '2028-10-31')];

  it('goes to the form and back unchanged', () => {
    const summer = { ...unit, maxAwayChanges: [{ from: '2028-06-01', to: '2028-08-31', maxAway: 3 }] };
    expect(unitOf(awayFormOf(summer), summer)).toEqual(summer);
    expect(unitOf(awayFormOf(unit), unit)).toEqual(unit);
  });

  it('names the unit’s rotations a lower limit puts over it, not other units’ trainees', () => {
    const form = { ...awayFormOf(unit), changes: [{ from: '2028-10-01', to: '2028-10-31', capacity: '1' }] };
    const p = awayPreview(unit, unitOf(form, unit), placements, unitOfTrainee, parseDay('2027-03-15'));
    expect(p.before).toEqual([]);
    expect(p.added.map((o) => [o.placement.trainee, o.placement.specialty, o.from, o.to])).toEqual([
      ['t01', 'psykiatri', '2028-10-01', '2028-10-31'],
      ['t02', 'psykiatri', '2028-10-01', '2028-10-31'],
    ]);
    expect(p.runs).toEqual([{ from: '2028-10-01', to: '2028-10-31', over: 1, places: 1 }]);
  });

  it('says the limit and the periods with another', () => {
    expect(awayLimitText({ maxAway: 1, maxAwayChanges: [{ from: '2027-06-01', to: '2027-08-31', maxAway: 2 }] }, 'sv')).toBe('Högst 1 borta samtidigt; 2 under 2027-06-01 – 2027-08-31');
    expect(awayLimitText({ maxAway: 1 }, 'en')).toBe('At most 1 away at once');
  });
});
