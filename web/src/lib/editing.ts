/**
 * Editing the region's data in the browser: a trainee as a form and back, the API's field errors
 * placed at their fields (in Swedish), and the preview of a clinic's new capacity against the
 * published plan. Pure, so the views stay thin and the rules are tested without a DOM.
 */
import type { Clinic, Leave, PlanPlacement, Regulation, RequiredRotation, Specialty, Trainee } from '../../../solver/domain/schemas.ts';
import { capacitySteps } from '../../../solver/domain/capacity.ts';
import { monthRange } from '../../../solver/domain/requirements.ts';
import type { RuleParams } from '../../../solver/domain/profiles.ts';
import { overloadRunsAround } from '../../../solver/rules/sweep.ts';
import { formatDay, isIsoDate, parseDay, type Day } from '../../../solver/time/dates.ts';
import type { Lang } from './placements.ts';

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
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function emptyForm(unit: string, start: string): TraineeForm {
  return { id: '', name: '', unit, start, regulation: '2015:8', employment: [], leave: [], creditMonths: '', latestEnd: '', btDone: false, ownRotations: false, rotations: [] };
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
  };
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
 * placements, wishes — stay as they were). Only what cannot be sent at all is refused here (a
 * per cent that is no number); everything else is the API's to judge, field by field.
 */
export function traineeOf(form: TraineeForm, base: Trainee | null, lang: Lang): { trainee: Trainee } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const sv = lang === 'sv';
  const { employment: _e, leave: _l, creditMonths: _c, latestEnd: _le, rotations: _r, btDone: _b, ...kept } = base ?? ({} as Partial<Trainee>);
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
  return Object.keys(errors).length > 0 ? { errors } : { trainee: t };
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

/** A clinic's capacity as the form holds it. */
export interface CapacityForm {
  capacity: string;
  changes: { from: string; to: string; capacity: string }[];
}

export function capacityFormOf(c: Clinic): CapacityForm {
  return { capacity: String(c.capacity), changes: (c.capacityChanges ?? []).map((x) => ({ from: x.from, to: x.to, capacity: String(x.capacity) })) };
}

/** The clinic with the form's capacity; a number that is none goes as typed, for the API to name. */
export function clinicOf(form: CapacityForm, base: Clinic): Clinic {
  const n = (s: string) => numberOf(s) ?? (s as unknown as number);
  const { capacityChanges: _c, ...rest } = base;
  const changes = form.changes.map((x) => ({ from: x.from, to: x.to, capacity: n(x.capacity) }));
  return { ...rest, capacity: n(form.capacity), ...(changes.length > 0 ? { capacityChanges: changes } : {}) };
}

export interface OverPlacement {
  placement: PlanPlacement;
  /** The overbooked days it lies in (the first run it touches). */
  from: string;
  to: string;
}

export interface CapacityPreview {
  /** Placements at the clinic, from the planning day on, that lie in overbooked days: now and with the change. */
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

/** The clinic as far as the form is complete: periods still being typed are left out, a capacity that is no number counts as none. */
export function usableClinic(clinic: Clinic): Clinic {
  const changes = (clinic.capacityChanges ?? []).filter((c) => isIsoDate(c.from) && isIsoDate(c.to) && c.from <= c.to && places(c.capacity));
  return { ...clinic, capacity: places(clinic.capacity) ? clinic.capacity : 0, capacityChanges: changes };
}

/** Over-capacity runs of a clinic's rotations, by the clinic-capacity rule's own sweep (history left out). */
function overRuns(clinic: Clinic, parts: readonly PlanPlacement[], planFrom: Day | null) {
  const usable = usableClinic(clinic);
  const loads = parts.map((p) => ({ from: parseDay(p.from), to: parseDay(p.to), who: p.trainee }));
  return overloadRunsAround(loads, usable.capacity, capacitySteps(usable), planFrom).filter((r) => !r.past);
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

/** What a clinic's new capacity does to the published plan: which placements would be over the capacity. */
export function capacityPreview(before: Clinic, after: Clinic, placements: readonly PlanPlacement[], planFrom: Day | null): CapacityPreview {
  const parts = placements.filter((p) => p.kind === 'rotation' && p.clinic === before.id);
  const runsBefore = overRuns(before, parts, planFrom);
  const runsAfter = overRuns(after, parts, planFrom);
  const b = overPlacements(parts, runsBefore);
  const a = overPlacements(parts, runsAfter);
  return {
    before: b,
    after: a,
    added: a.filter((x) => !b.some((y) => y.placement === x.placement)),
    repaired: b.filter((x) => !a.some((y) => y.placement === x.placement)),
    runs: runsAfter.map((r) => ({ from: formatDay(r.from), to: formatDay(r.to), over: r.over, places: r.peakCapacity })),
  };
}
