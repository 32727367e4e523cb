/**
 * Named fixtures for the rule tests: a small region (one unit, one clinic per specialty) and
 * `cleanPlacements`, a complete plan for a full-time 2015:8 trainee starting 2027-02-01 that keeps
 * every rule (end of ST 2032-01-31, initial VC until 2028-01-31, second half from 2029-08-01).
 * Each rule test breaks it in one named way and asserts the exact violations.
 */
import type { Clinic, Plan, PlanPlacement, Scenario, Specialty, Trainee, Violation } from '../../solver/domain/schemas.ts';
import { createValidator, validate } from '../../solver/validate.ts';

export const CLINIC_OF: Record<Specialty, string> = {
  internmedicin: 'med-vxo',
  psykiatri: 'psyk-vxo',
  pediatrik: 'barn-vxo',
  gynekologi: 'gyn-vxo',
  onh: 'onh-vxo',
  ogon: 'ogon-vxo',
  hud: 'hud-vxo',
  kirurgi: 'kir-vxo',
  ortopedi: 'ort-vxo',
  akutgeriatrik: 'ger-vxo',
  infektion: 'inf-vxo',
  akutsjukvard: 'akut-vxo',
};

export function clinics(capacity = 2): Clinic[] {
  return (Object.entries(CLINIC_OF) as [Specialty, string][]).map(([specialty, id]) => ({
    id,
    name: `${specialty[0]!.toUpperCase()}${specialty.slice(1)} Växjö`,
    specialty,
    capacity,
  }));
}

export function trainee(id = 't01', over: Partial<Trainee> = {}): Trainee {
  return { id, name: `Läkare ${id}`, unit: 'vc-a', start: '2027-02-01', regulation: '2015:8', ...over };
}

export function scenario(trainees: Trainee[] = [trainee()], over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'randplan.scenario/1',
    name: 'Testregion',
    horizon: { from: '2027-01-01', to: '2034-12-31' },
    clinics: clinics(),
    units: [
      { id: 'vc-a', name: 'Vårdcentralen A', maxAway: 2 },
      { id: 'vc-b', name: 'Vårdcentralen B', maxAway: 1 },
    ],
    trainees,
    ...over,
  };
}

export function rot(trainee: string, specialty: Specialty, from: string, to: string, clinic = CLINIC_OF[specialty]): PlanPlacement {
  return { trainee, kind: 'rotation', specialty, clinic, from, to };
}

/** A complete plan that keeps every rule for `trainee()` (full-time 2015:8 from 2027-02-01). */
export function cleanPlacements(t = 't01'): PlanPlacement[] {
  return [
    { trainee: t, kind: 'course', course: 'allmanmedicinskt-arbetssatt', from: '2027-03-01', to: '2027-03-03' },
    { trainee: t, kind: 'course', course: 'forsakringsmedicin', from: '2027-05-10', to: '2027-05-12' },
    { trainee: t, kind: 'course', course: 'patientcentrerat-samtal', from: '2027-09-06', to: '2027-09-08' },
    { trainee: t, kind: 'course', course: 'lek', from: '2027-11-08', to: '2027-11-12' },
    { trainee: t, kind: 'course', course: 'medicinsk-vetenskap', from: '2028-01-17', to: '2028-01-19' },
    rot(t, 'internmedicin', '2028-02-01', '2028-04-30'),
    rot(t, 'internmedicin', '2028-05-08', '2028-08-07'),
    rot(t, 'psykiatri', '2028-09-01', '2028-11-30'),
    rot(t, 'pediatrik', '2029-01-01', '2029-03-31'),
    { trainee: t, kind: 'course', course: 'bvc', from: '2029-04-10', to: '2029-04-12' },
    { trainee: t, kind: 'bvc', from: '2029-04-15', to: '2029-08-14' },
    rot(t, 'gynekologi', '2029-09-01', '2029-10-31'),
    { trainee: t, kind: 'milestone', milestone: 'mitt-i-st', from: '2029-10-15', to: '2029-10-15' },
    { trainee: t, kind: 'course', course: 'sjukdomsforebyggande', from: '2029-11-05', to: '2029-11-07' },
    rot(t, 'onh', '2029-12-01', '2030-01-31'),
    { trainee: t, kind: 'course', course: 'lagar', from: '2030-02-04', to: '2030-02-06' },
    rot(t, 'ogon', '2030-03-01', '2030-03-31'),
    { trainee: t, kind: 'course', course: 'lakemedel', from: '2030-04-07', to: '2030-04-09' },
    rot(t, 'hud', '2030-05-01', '2030-05-31'),
    { trainee: t, kind: 'milestone', milestone: 'kvalitetsarbete', from: '2030-06-15', to: '2030-06-15' },
    { trainee: t, kind: 'sabo', from: '2030-09-01', to: '2030-12-31' },
    { trainee: t, kind: 'course', course: 'palliativ-vard', from: '2031-03-01', to: '2031-03-03' },
    { trainee: t, kind: 'milestone', milestone: 'vetenskapligt-arbete', from: '2031-05-15', to: '2031-05-15' },
  ];
}

export function plan(placements: PlanPlacement[]): Plan {
  return { format: 'randplan.plan/1', scenario: 'Testregion', placements };
}

/** The clean plan with placements matching `drop` removed and `add` appended. */
export function edited(t: string, drop: (p: PlanPlacement) => boolean, add: PlanPlacement[] = []): PlanPlacement[] {
  return [...cleanPlacements(t).filter((p) => !drop(p)), ...add];
}

/** The violations of one rule for a plan, through the real validator. */
export function violationsOf(rule: string, s: Scenario, placements: PlanPlacement[]): Violation[] {
  return validate(s, plan(placements)).violations.filter((v) => v.rule === rule);
}

/** The same through `validateTrainee`, for checking that the one-trainee path agrees. */
export function traineeViolationsOf(rule: string, s: Scenario, placements: PlanPlacement[], id: string): Violation[] {
  return createValidator(s).validateTrainee(plan(placements), id).violations.filter((v) => v.rule === rule);
}

/** The fields tests compare exactly; the message is checked separately where it matters. */
export function brief(v: Violation): Omit<Violation, 'message'> {
  const { message: _message, ...rest } = v;
  return rest;
}
