/**
 * Editing the region's data in the browser: a trainee as a form and back (their wishes too; their
 * locked placements shown, as history or agreed, never edited here), the API's field errors
 * placed at their fields (in Swedish), and the preview of a clinic's new capacity, or a unit's new
 * limit on trainees away at once, against the published plan. Pure, so the views stay thin and the rules are tested without a DOM.
 */
import type { Clinic, Unit, Leave, Placement, PlanPlacement, Regulation, RequiredRotation, Specialty, Trainee, Wish } from '../../../solver/domain/schemas.ts';
import { clinicLimit, unitLimit, type Limit } from '../../../solver/domain/capacity.ts';
import { monthRange, requirementsFor } from '../../../solver/domain/requirements.ts';
import type { RuleParams } from '../../../solver/domain/profiles.ts';
import { overloadRunsAround } from '../../../solver/rules/sweep.ts';
import { formatDay, isIsoDate, parseDay, type Day } from '../../../solver/time/dates.ts';
import { samePlacement, type Lang } from './placements.ts';

export type LeaveKind = NonNullable<Leave['kind']>;

/** A trainee as the form holds it: text as typed, employment in per cent. */
export interface TraineeForm {
  id: string;
  name: string;
  unit: string;
  start: string;
  regulation: Regulation;
  employment: { from: string; percent: string }[];
  leave: { from: string; to: string; kind: LeaveKind | '' }[];
  creditMonths: string;
  latestEnd: string;
  btDone: boolean;
  /** False: the profile's required rotations for the regulation. */
  ownRotations: boolean;
  rotations: { specialty: Specialty; min: string; max: string; bt: boolean }[];
  /** Weight as typed; empty: the format's default. */
  wishes: { specialty: Specialty; from: string; to: string; weight: string }[];
}

/** The weights the form offers: the format takes any, the form keeps to a scale a person can weigh. */
export const WISH_WEIGHT = { min: 1, max: 10, default: 1 } as const;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function emptyForm(unit: string, start: string): TraineeForm {
  return { id: '', name: '', unit, start, regulation: '2015:8', employment: [], leave: [], creditMonths: '', latestEnd: '', btDone: false, ownRotations: false, rotations: [], wishes: [] };
}

export function formOf(t: Trainee): TraineeForm {
  return {
    id: t.id,
    name: t.name,
    unit: t.unit,
    start: t.start,
    regulation: t.regulation,
    employment: (t.employment ?? []).map((e) => ({ from: e.from, percent: String(Math.round(e.rate * 1000) / 10) })),
    leave: (t.leave ?? []).map((l) => ({ from: l.from, to: l.to, kind: l.kind ?? '' })),
    creditMonths: text(t.creditMonths),
    latestEnd: t.latestEnd ?? '',
    btDone: t.btDone === true,
    ownRotations: t.rotations !== undefined,
    rotations: (t.rotations ?? []).map(rotationRow),
    wishes: (t.wishes ?? []).map((w) => ({ specialty: w.specialty, from: w.from, to: w.to, weight: text(w.weight) })),
  };
}

/** The specialties a wish may name: those of the rotations the form's trainee needs (the requirements' own reading of the form). */
export function wishSpecialties(form: TraineeForm, params: RuleParams): Specialty[] {
  const rotations = form.ownRotations ? form.rotations.map((r) => ({ specialty: r.specialty, ...(r.bt ? { bt: true } : {}) })) : undefined;
  const shape: Trainee = { id: '', name: '', unit: '', start: '', regulation: form.regulation, btDone: form.regulation === '2021:8' && form.btDone, ...(rotations ? { rotations } : {}) };
  return requirementsFor(shape, params).map((r) => r.specialty);
}

/** A new wish row: the first specialty the trainee needs, the weight the format assumes. */
export function newWish(form: TraineeForm, params: RuleParams): TraineeForm['wishes'][number] | null {
  const specialty = wishSpecialties(form, params)[0];
  return specialty ? { specialty, from: '', to: '', weight: String(WISH_WEIGHT.default) } : null;
}

function rotationRow(r: RequiredRotation): TraineeForm['rotations'][number] {
  const [min, max] = r.months === undefined ? [undefined, undefined] : typeof r.months === 'number' ? [r.months, r.months] : r.months;
  return { specialty: r.specialty, min: text(min), max: text(max), bt: r.bt === true };
}

/** The profile's required rotations for a regulation, with their lengths, as rows to start an own list from. */
export function profileRotations(params: RuleParams, regulation: Regulation): TraineeForm['rotations'] {
  const lengths = params['rotation-length'].lengths;
  return params['required-rotations'].byRegulation[regulation].map((r) => {
    const [min, max] = monthRange(r.months, lengths[r.specialty]);
    return { specialty: r.specialty, min: String(min), max: String(max), bt: r.bt === true };
  });
}

export type FieldErrors = Record<string, string>;

/** A number as typed, with a decimal comma or point; null when it is not one. */
function numberOf(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * The trainee the form describes, on top of `base` (fields the form does not show — locked
 * placements — stay as they were). Refused here: what cannot be sent at all (a per cent that is no
 * number) and a wish the form can tell is wrong; everything else is the API's to judge, field by field.
 */
export function traineeOf(form: TraineeForm, base: Trainee | null, lang: Lang, params: RuleParams): { trainee: Trainee } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const sv = lang === 'sv';
  const { employment: _e, leave: _l, creditMonths: _c, latestEnd: _le, rotations: _r, btDone: _b, wishes: _w, ...kept } = base ?? ({} as Partial<Trainee>);
  const t: Trainee = { ...kept, id: form.id.trim(), name: form.name.trim(), unit: form.unit, start: form.start, regulation: form.regulation };
  if (form.employment.length > 0) {
    t.employment = form.employment.map((e, i) => {
      const p = numberOf(e.percent);
      if (p === null || p <= 0 || p > 100) errors[`employment[${i}].rate`] = sv ? 'ange 1–100 %' : 'enter 1–100 %';
      return { from: e.from, rate: (p ?? 0) / 100 };
    });
  }
  if (form.leave.length > 0) t.leave = form.leave.map((l) => ({ from: l.from, to: l.to, ...(l.kind ? { kind: l.kind } : {}) }));
  if (form.creditMonths.trim() !== '') {
    const c = numberOf(form.creditMonths);
    if (c === null) errors.creditMonths = sv ? 'inte ett tal' : 'not a number';
    else t.creditMonths = c;
  }
  if (form.latestEnd !== '') t.latestEnd = form.latestEnd;
  if (form.regulation === '2021:8' && form.btDone) t.btDone = true;
  if (form.ownRotations) {
    t.rotations = form.rotations.map((r, i) => {
      const out: RequiredRotation = { specialty: r.specialty };
      const [min, max] = [numberOf(r.min), numberOf(r.max)];
      if ((r.min.trim() !== '' && min === null) || (r.max.trim() !== '' && max === null)) errors[`rotations[${i}].months`] = sv ? 'inte ett tal' : 'not a number';
      else if (min !== null && max !== null) out.months = min === max ? min : [min, max];
      else if (min !== null || max !== null) out.months = (min ?? max)!;
      if (r.bt) out.bt = true;
      return out;
    });
  }
  if (form.wishes.length > 0) t.wishes = wishesOf(form, params, lang, errors);
  return Object.keys(errors).length > 0 ? { errors } : { trainee: t };
}

/** The form's wishes, with what is wrong in a row named at its field in `errors`. */
function wishesOf(form: TraineeForm, params: RuleParams, lang: Lang, errors: FieldErrors): Wish[] {
  const sv = lang === 'sv';
  const needed = wishSpecialties(form, params);
  return form.wishes.map((w, i) => {
    const at = `wishes[${i}]`;
    if (!needed.includes(w.specialty)) errors[`${at}.specialty`] = sv ? 'ST-läkaren har ingen randning i den specialiteten' : 'the trainee has no rotation of this specialty';
    // The API says the same of a period; said here, it stands with the row's other faults.
    if (isIsoDate(w.from) && isIsoDate(w.to) && w.to < w.from) errors[`${at}.to`] = sv ? 'ligger före från-datumet' : 'is before from';
    const out: Wish = { specialty: w.specialty, from: w.from, to: w.to };
    if (w.weight.trim() === '') return out;
    const weight = numberOf(w.weight);
    if (weight === null || weight < WISH_WEIGHT.min || weight > WISH_WEIGHT.max) errors[`${at}.weight`] = sv ? `ange ${WISH_WEIGHT.min}–${WISH_WEIGHT.max}` : `enter ${WISH_WEIGHT.min}–${WISH_WEIGHT.max}`;
    return weight === null ? out : { ...out, weight };
  });
}

export type LockedStatus = 'history' | 'agreed';

/**
 * A trainee's locked placements, as the Locks view gathers them (listed on the trainee, or flagged in
 * the published plan), by date, each history when it began before the planning day, else agreed.
 */
export function lockedPlacements(
  trainee: Pick<Trainee, 'id' | 'locked'>,
  planned: readonly (PlanPlacement & { locked?: boolean })[],
  planFrom: Day,
): { placement: Placement; status: LockedStatus }[] {
  const list: Placement[] = [];
  const flagged = planned.filter((p) => p.trainee === trainee.id && p.locked === true).map(({ trainee: _t, locked: _l, ...p }) => p);
  for (const p of [...(trainee.locked ?? []), ...flagged]) if (!list.some((q) => samePlacement(q, p))) list.push(p);
  return list
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((placement) => ({ placement, status: parseDay(placement.from) < planFrom ? 'history' : 'agreed' }));
}

/** The API's English detail texts in Swedish; an unknown one is shown as it came. */
const SWEDISH: [RegExp, string][] = [
  [/^not a date.*/, 'inte ett giltigt datum'],
  [/^must match pattern.*/, 'inte ett datum (ÅÅÅÅ-MM-DD)'],
  [/^\S+ is outside the years (\d+)–(\d+)$/, 'ligger utanför åren $1–$2'],
  [/^\S+ is before from \S+$/, 'ligger före från-datumet'],
  [/^\S+ is not after start \S+$/, 'måste ligga efter startdatumet'],
  [/^\S+ is before start \S+$/, 'ligger före startdatumet'],
  [/^unknown unit .*/, 'okänd enhet'],
  [/^must NOT have fewer than 1 characters$/, 'får inte vara tomt'],
  [/^must have required property .*/, 'måste fyllas i'],
  [/^must be <= (\S+)$/, 'högst $1'],
  [/^must be >= (\S+)$/, 'minst $1'],
  [/^must be > (\S+)$/, 'större än $1'],
  [/^must be integer$/, 'ett heltal'],
  [/^\S+ is listed twice.*/, 'finns två gånger'],
  [/^max (\S+) is below min (\S+)$/, 'max $1 är mindre än min $2'],
  [/^duplicate id .*/, 'id:t finns redan'],
  [/^already exists$/, 'finns redan'],
];

function swedish(message: string): string {
  for (const [re, sv] of SWEDISH) if (re.test(message)) return message.replace(re, sv);
  return message;
}

/**
 * The API's `details` ("trainees[12].leave[0].to: 2027-01-01 is before from 2027-02-01") by form
 * field ("leave[0].to"): the scenario path of the row is dropped, a range's ends are one field.
 */
export function fieldErrors(details: readonly string[], lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) {
    const at = d.indexOf(': ');
    if (at < 0) continue;
    const key = d
      .slice(0, at)
      .replace(/^(trainees|clinics|units)\[\d+\]\./, '')
      .replace(/^(rotations\[\d+\]\.months)\[\d\]$/, '$1');
    const message = d.slice(at + 2);
    out[key] ??= lang === 'sv' ? swedish(message) : message;
  }
  return out;
}

/** The id of the element that shows a field's error, for its input's aria-describedby. */
export const errorId = (key: string) => `err-${key.replace(/[^\w-]/g, '_')}`;

/** "Ledighet 1 · till": a field key ("leave[0].to") as a person reads it, with `word` naming each part. */
export function fieldLabel(key: string, word: (part: string) => string): string {
  const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(key);
  if (!m) return key;
  return `${word(m[1]!)}${m[2] !== undefined ? ` ${Number(m[2]) + 1}` : ''}${m[3] ? ` · ${word(m[3])}` : ''}`;
}

/** The Swedish (or English) half of an API message "Svensk text / English text". */
export function messageIn(message: string, lang: Lang): string {
  const [sv, en] = message.split(' / ');
  return (lang === 'sv' ? sv : (en ?? sv)) ?? message;
}

/** A clinic's capacity, or a unit's limit on trainees away at once, as the form holds it. */
export interface CapacityForm {
  capacity: string;
  changes: { from: string; to: string; capacity: string }[];
}

export function capacityFormOf(c: Clinic): CapacityForm {
  return { capacity: String(c.capacity), changes: (c.capacityChanges ?? []).map((x) => ({ from: x.from, to: x.to, capacity: String(x.capacity) })) };
}

export function awayFormOf(u: Unit): CapacityForm {
  return { capacity: String(u.maxAway), changes: (u.maxAwayChanges ?? []).map((x) => ({ from: x.from, to: x.to, capacity: String(x.maxAway) })) };
}

/** A number that is none goes as typed, for the API to name. */
const typed = (s: string) => numberOf(s) ?? (s as unknown as number);

/** The clinic with the form's capacity. */
export function clinicOf(form: CapacityForm, base: Clinic): Clinic {
  const { capacityChanges: _c, ...rest } = base;
  const changes = form.changes.map((x) => ({ from: x.from, to: x.to, capacity: typed(x.capacity) }));
  return { ...rest, capacity: typed(form.capacity), ...(changes.length > 0 ? { capacityChanges: changes } : {}) };
}

/** The unit with the form's limit. */
export function unitOf(form: CapacityForm, base: Unit): Unit {
  const { maxAwayChanges: _c, ...rest } = base;
  const changes = form.changes.map((x) => ({ from: x.from, to: x.to, maxAway: typed(x.capacity) }));
  return { ...rest, maxAway: typed(form.capacity), ...(changes.length > 0 ? { maxAwayChanges: changes } : {}) };
}

export interface OverPlacement {
  placement: PlanPlacement;
  /** The overbooked days it lies in (the first run it touches). */
  from: string;
  to: string;
}

export interface CapacityPreview {
  /** Placements at the clinic (rotations of the unit's trainees), from the planning day on, that lie in overbooked days: now and with the change. */
  before: OverPlacement[];
  after: OverPlacement[];
  /** Overbooked with the change but not now: what the change breaks. */
  added: OverPlacement[];
  /** Overbooked now but not with the change: what it repairs. */
  repaired: OverPlacement[];
  /** The overbooked runs with the change: when, how many over. */
  runs: { from: string; to: string; over: number; places: number }[];
}

const places = (n: number) => Number.isInteger(n) && n >= 0;

/** Periods complete enough to read: those still being typed are left out. */
const usablePeriods = <T extends { from: string; to: string }>(list: readonly T[] | undefined, value: (x: T) => number) =>
  (list ?? []).filter((c) => isIsoDate(c.from) && isIsoDate(c.to) && c.from <= c.to && places(value(c)));

/** The clinic as far as the form is complete: periods still being typed are left out, a capacity that is no number counts as none. */
export function usableClinic(clinic: Clinic): Clinic {
  return { ...clinic, capacity: places(clinic.capacity) ? clinic.capacity : 0, capacityChanges: usablePeriods(clinic.capacityChanges, (c) => c.capacity) };
}

/** The unit as far as the form is complete, read as `usableClinic` reads a clinic. */
export function usableUnit(unit: Unit): Unit {
  return { ...unit, maxAway: places(unit.maxAway) ? unit.maxAway : 0, maxAwayChanges: usablePeriods(unit.maxAwayChanges, (c) => c.maxAway) };
}

/** Overbooked runs of the rotations against the limit, by the rules' own sweep (history left out). */
function overRuns(limit: Limit, parts: readonly PlanPlacement[], planFrom: Day | null) {
  const loads = parts.map((p) => ({ from: parseDay(p.from), to: parseDay(p.to), who: p.trainee }));
  return overloadRunsAround(loads, limit.base, limit.steps, planFrom).filter((r) => !r.past);
}

function overPlacements(parts: readonly PlanPlacement[], runs: ReturnType<typeof overRuns>): OverPlacement[] {
  const out: OverPlacement[] = [];
  for (const p of parts) {
    const [from, to] = [parseDay(p.from), parseDay(p.to)];
    const run = runs.find((r) => r.from <= to && from <= r.to && r.who.includes(p.trainee));
    if (run) out.push({ placement: p, from: formatDay(run.from), to: formatDay(run.to) });
  }
  return out;
}

function previewOf(parts: readonly PlanPlacement[], before: Limit, after: Limit, planFrom: Day | null): CapacityPreview {
  const runsAfter = overRuns(after, parts, planFrom);
  const b = overPlacements(parts, overRuns(before, parts, planFrom));
  const a = overPlacements(parts, runsAfter);
  return {
    before: b,
    after: a,
    added: a.filter((x) => !b.some((y) => y.placement === x.placement)),
    repaired: b.filter((x) => !a.some((y) => y.placement === x.placement)),
    runs: runsAfter.map((r) => ({ from: formatDay(r.from), to: formatDay(r.to), over: r.over, places: r.peakCapacity })),
  };
}

/** What a clinic's new capacity does to the published plan: which placements would be over the capacity. */
export function capacityPreview(before: Clinic, after: Clinic, placements: readonly PlanPlacement[], planFrom: Day | null): CapacityPreview {
  const parts = placements.filter((p) => p.kind === 'rotation' && p.clinic === before.id);
  return previewOf(parts, clinicLimit(usableClinic(before)), clinicLimit(usableClinic(after)), planFrom);
}

/** What a unit's new limit does to the published plan: which of its trainees' rotations would be over the limit. */
export function awayPreview(
  before: Unit,
  after: Unit,
  placements: readonly PlanPlacement[],
  unitOfTrainee: (trainee: string) => string | undefined,
  planFrom: Day | null,
): CapacityPreview {
  const parts = placements.filter((p) => p.kind === 'rotation' && unitOfTrainee(p.trainee) === before.id);
  return previewOf(parts, unitLimit(usableUnit(before)), unitLimit(usableUnit(after)), planFrom);
}
