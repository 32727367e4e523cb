/**
 * The greedy planner: the honest baseline the cohort solver is measured against, and the demo's plan.
 *
 * Trainees are taken in order of their end of ST and each gets, in turn, the earliest placements that
 * keep every hard limit *given everyone placed before them*: clinic capacity over the calendar, the
 * unit's away limit, leave, the away limit with return weeks, the initial VC period; nothing new before
 * the planning day, and past the end of ST (extension) only as far as the trainee's limit. Locked
 * placements of all trainees are reserved first and copied unchanged. Whatever cannot be placed is
 * left out (and listed in `unplaced`), so the validator reports it instead of greedy breaking a limit.
 *
 * Per trainee: SÄBO is reserved at the end of ST; BT rotations from the start; then the required
 * rotations (pediatrics first, own BVC and the BVC course right after it), each at its minimum length,
 * lengthened within its range only as far as the `total-side-time` minimum needs (`plannedLengths`;
 * for the trainees given as `atMinimum`, the minimum only),
 * split into parts by max-away's `splitRotation` (as the model splits them); wishes are tried first
 * inside their window. Then Mitt-i-ST (in mid-st's `midStWindow`) and the other milestones (one-day
 * events, allowed during a rotation) and the courses, each in its window. Rotations start on Mondays; other placements avoid rotations.
 *
 * Occupancy is kept per day in typed arrays: a region of 800 trainees over 12 years is
 * ~4,400 days × a few hundred clinics and units, small enough to check day by day.
 */
import { clinicLimit, limitByDay, unitLimit } from './domain/capacity.ts';
import { WRITTEN_WORK_MONTHS } from './domain/delmal.ts';
import { resolveParams } from './domain/params.ts';
import type { RuleParams } from './domain/profiles.ts';
import { plannedLengths, requirementsFor, ROTATION_PRIORITY, type Requirement } from './domain/requirements.ts';
import {
  PLAN_FORMAT,
  type Clinic,
  type CourseId,
  type MilestoneId,
  type Placement,
  type PlacementKind,
  type Plan,
  type PlanPlacement,
  type Scenario,
  type Specialty,
  type Trainee,
  type Unit,
} from './domain/schemas.ts';
import { traineeFacts, type TraineeFacts } from './plan/context.ts';
import { courseDays } from './rules/course-windows.ts';
import { firstRotationDay } from './rules/initial-vc.ts';
import { returnDays as returnDaysOf, splitRotation } from './rules/max-away.ts';
import { rotationDeadline } from './rules/required-rotations.ts';
import { keepsLength } from './rules/rotation-length.ts';
import { midStWindow } from './rules/mid-st.ts';
import { ownBvcPeriod } from './rules/pediatrics-before-bvc.ts';
import { saboPeriod } from './rules/sabo-second-half.ts';
import { addMonths, formatDay, isWeekend, mondayOnOrAfter, parseDay, type Day } from './time/dates.ts';
import { fullTimeEnd, type WorkCalendar } from './time/months.ts';

export interface Unplaced {
  trainee: string;
  kind: PlacementKind;
  specialty?: Specialty;
  course?: CourseId;
  milestone?: MilestoneId;
  /** Full-time months still missing (rotations). */
  months?: number;
}

export interface GreedyResult {
  plan: Plan;
  unplaced: Unplaced[];
}

/** The greedy plan of a scenario (see the module comment). Deterministic; never throws for a valid scenario. */
export function greedyPlan(scenario: Scenario, atMinimum?: ReadonlySet<string>): Plan {
  return greedyPlace(scenario, atMinimum).plan;
}

/**
 * Courses with the full-time month (from the start, credit included) greedy aims for; the window
 * itself comes from the `course-windows` parameters. The BVC course is placed with own BVC.
 */
const COURSE_TARGETS: [CourseId, number][] = [
  ['allmanmedicinskt-arbetssatt', 3],
  ['patientcentrerat-samtal', 6],
  ['forsakringsmedicin', 9],
  ['lek', 14],
  ['medicinsk-vetenskap', 18],
  ['lagar', 22],
  ['lakemedel', 26],
  ['sjukdomsforebyggande', 38],
  ['palliativ-vard', 0], // second half: aimed at 3 months after it begins
];

const COURSE_DAYS = 5;

interface Interval {
  from: Day;
  to: Day;
}

interface TraineeState {
  trainee: Trainee;
  facts: TraineeFacts;
  calendar: WorkCalendar;
  start: Day;
  /** The end of ST: rotations, own BVC and SÄBO after it extend ST. */
  end: Day;
  /** Nothing new begins before this day: the start of ST, or the planning day when later. */
  first: Day;
  /** Nothing is placed after this day (`latestEnd`, else the end of ST plus the extension's `maxMonths`). */
  limit: Day;
  secondHalf: Day;
  unit: number;
  busy: Interval[];
  rotations: Interval[];
  placements: PlanPlacement[];
}

/** Per-day occupancy of the clinics and units, with the limits to compare against. */
class Occupancy {
  readonly base: Day;
  readonly days: number;
  readonly clinicIds: string[];
  readonly clinicCap: Int32Array[];
  readonly clinicUse: Int16Array[];
  readonly unitMax: Int32Array[];
  readonly unitAway: Int16Array[];

  constructor(base: Day, last: Day, clinics: Clinic[], units: Unit[]) {
    this.base = base;
    this.days = last - base + 1;
    this.clinicIds = clinics.map((c) => c.id);
    this.clinicCap = clinics.map((c) => limitByDay(clinicLimit(c), base, last));
    this.clinicUse = clinics.map(() => new Int16Array(this.days));
    this.unitMax = units.map((u) => limitByDay(unitLimit(u), base, last));
    this.unitAway = units.map(() => new Int16Array(this.days));
  }

  /** True when one more trainee fits at the clinic and away from the unit on every day of the interval. */
  fits(clinic: number, unit: number, iv: Interval): boolean {
    const from = iv.from - this.base;
    const to = iv.to - this.base;
    if (from < 0 || to >= this.days) return false;
    const cap = this.clinicCap[clinic]!;
    const use = this.clinicUse[clinic]!;
    const away = this.unitAway[unit]!;
    const max = this.unitMax[unit]!;
    for (let i = from; i <= to; i++) {
      if (use[i]! >= cap[i]! || away[i]! >= max[i]!) return false;
    }
    return true;
  }

  /** Books the interval; out-of-range days (a locked placement outside the horizon) are ignored. */
  add(clinic: number | undefined, unit: number | undefined, iv: Interval): void {
    const from = Math.max(0, iv.from - this.base);
    const to = Math.min(this.days - 1, iv.to - this.base);
    for (let i = from; i <= to; i++) {
      if (clinic !== undefined) this.clinicUse[clinic]![i]!++;
      if (unit !== undefined) this.unitAway[unit]![i]!++;
    }
  }
}

/** Like `greedyPlan`, and also lists what could not be placed (the demo generator sizes capacities with it). */
export function greedyPlace(scenario: Scenario, atMinimum: ReadonlySet<string> = new Set()): GreedyResult {
  const params = resolveParams(scenario);
  const unitIndex = new Map(scenario.units.map((u, i) => [u.id, i]));
  const clinicIndex = new Map(scenario.clinics.map((c, i) => [c.id, i]));
  const clinicsBySpecialty = new Map<Specialty, number[]>();
  scenario.clinics.forEach((c, i) => {
    const list = clinicsBySpecialty.get(c.specialty) ?? [];
    list.push(i);
    clinicsBySpecialty.set(c.specialty, list);
  });

  const planFrom = scenario.planFrom === undefined ? -Infinity : parseDay(scenario.planFrom);
  const states: TraineeState[] = scenario.trainees.map((t) => {
    const facts = traineeFacts(t, params);
    return {
      trainee: t,
      facts,
      calendar: facts.calendar,
      start: facts.start,
      end: facts.end,
      first: Math.max(facts.start, planFrom),
      limit: facts.planLimit,
      secondHalf: facts.secondHalf,
      unit: unitIndex.get(t.unit) ?? -1,
      busy: [],
      rotations: [],
      placements: [],
    };
  });

  let base = parseDay(scenario.horizon.from);
  let last = parseDay(scenario.horizon.to);
  for (const s of states) {
    base = Math.min(base, s.start);
    last = Math.max(last, s.limit);
    for (const p of s.trainee.locked ?? []) {
      base = Math.min(base, parseDay(p.from));
      last = Math.max(last, parseDay(p.to));
    }
  }
  const occupancy = new Occupancy(base, last, scenario.clinics, scenario.units);
  const unplaced: Unplaced[] = [];
  const returnDays = returnDaysOf(params['max-away']);

  // Locked placements of everyone come first: they are fixed facts the others must plan around.
  for (const s of states) {
    for (const p of s.trainee.locked ?? []) {
      const iv = { from: parseDay(p.from), to: parseDay(p.to) };
      s.placements.push({ trainee: s.trainee.id, ...p });
      s.busy.push(iv);
      if (p.kind === 'rotation') {
        s.rotations.push(iv);
        const clinic = p.clinic === undefined ? undefined : clinicIndex.get(p.clinic);
        occupancy.add(clinic, s.unit >= 0 ? s.unit : undefined, iv);
      }
    }
  }

  // Those nearest their end of ST first, as course places are given: measured on generated regions
  // under way, it extends ST far less than planning in order of start (bench:solve prints it).
  const ordered = [...states].sort((a, b) => a.end - b.end || (a.trainee.id < b.trainee.id ? -1 : 1));
  for (const s of ordered) {
    const planner = new TraineePlanner(s, params, occupancy, clinicsBySpecialty, returnDays, unplaced, atMinimum.has(s.trainee.id));
    planner.planAll();
  }

  const placements = states.flatMap((s) =>
    [...s.placements].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
  );
  return { plan: { format: PLAN_FORMAT, scenario: scenario.name, placements }, unplaced };
}

/** Places one trainee's rotations, own BVC, SÄBO, courses and milestones around what is already booked. */
class TraineePlanner {
  private readonly locked: Placement[];

  constructor(
    private readonly s: TraineeState,
    private readonly params: RuleParams,
    private readonly occupancy: Occupancy,
    private readonly clinicsBySpecialty: Map<Specialty, number[]>,
    private readonly returnDays: number,
    private readonly unplaced: Unplaced[],
    private readonly atMinimum: boolean,
  ) {
    this.locked = s.trainee.locked ?? [];
  }

  planAll(): void {
    const s = this.s;
    const credit = s.trainee.creditMonths ?? 0;
    const requirements = s.facts.requirements;
    const { initialVcEnd } = s.facts;
    const tolerance = this.params['rotation-length'].toleranceMonths;

    // SÄBO is reserved first, at the end of ST: the time least wanted for rotations (which should come
    // early), so that rotations crowding into the second half cannot squeeze it out.
    const saboAt = (from: Day) => saboPeriod(from, this.params['sabo-second-half']);
    let sabo: Interval | null = null;
    if (!this.locked.some((p) => p.kind === 'sabo')) {
      sabo = this.findSabo(saboAt);
      if (sabo) this.book('sabo', sabo, {});
      else this.unplaced.push({ trainee: s.trainee.id, kind: 'sabo' });
    }

    const byPriority = [...requirements].sort(
      (a, b) => Number(b.bt) - Number(a.bt) || ROTATION_PRIORITY.indexOf(a.specialty) - ROTATION_PRIORITY.indexOf(b.specialty),
    );
    const lengths = plannedLengths(requirements, this.params, this.atMinimum);
    let bvcDone = false;
    for (const req of byPriority) {
      const done = this.lockedRotationMonths(req.specialty);
      const need = (lengths.get(req) ?? req.months[0]) - done;
      if (need > tolerance) {
        const earliest = Math.max(firstRotationDay(s.facts, req), s.first);
        const latest = Math.min(rotationDeadline(s.facts, req), s.limit);
        let placed = this.placeRotation(req, need, earliest, latest);
        if (!placed && sabo) {
          // The reserved SÄBO may be what is in the way: try the rotation without it, then SÄBO again.
          this.unbook(sabo);
          placed = this.placeRotation(req, need, earliest, latest);
          sabo = this.findSabo(saboAt);
          if (sabo) this.book('sabo', sabo, {});
          else this.unplaced.push({ trainee: s.trainee.id, kind: 'sabo' });
        }
        if (!placed) this.unplaced.push({ trainee: s.trainee.id, kind: 'rotation', specialty: req.specialty, months: need });
      }
      // Own BVC right after pediatrics, before the other rotations fill the calendar behind it.
      if (req.specialty === 'pediatrik') {
        this.placeBvc(initialVcEnd, sabo);
        bvcDone = true;
      }
    }
    if (!bvcDone) this.placeBvc(initialVcEnd, sabo);

    // Milestones first: they block nothing, and Mitt-i-ST closes the window of the by-mid-ST courses.
    // Mitt-i-ST inside its window; where none is left (the trainee's time is short), as near after it as ST allows.
    const mid = midStWindow(s.facts, this.params['mid-st']);
    const milestones: [MilestoneId, Interval][] = [
      ['mitt-i-st', mid],
      ['kvalitetsarbete', { from: this.reach(s.start, Math.max(0, WRITTEN_WORK_MONTHS.kvalitetsarbete - credit)), to: s.end }],
      ['vetenskapligt-arbete', { from: this.reach(s.start, Math.max(0, WRITTEN_WORK_MONTHS['vetenskapligt-arbete'] - credit)), to: s.end }],
    ];
    for (const [milestone, window] of milestones) {
      if (this.locked.some((p) => p.kind === 'milestone' && p.milestone === milestone)) continue;
      const from = Math.max(window.from, s.first);
      const found = this.findWorkday(from, window.to) ?? this.findWorkday(from, s.limit);
      if (found) this.book('milestone', found, { milestone }, false);
      else this.unplaced.push({ trainee: s.trainee.id, kind: 'milestone', milestone });
    }

    const windows = this.params['course-windows'].windows;
    const bvc = this.s.placements.find((p) => p.kind === 'bvc');
    const dates = { midSt: this.milestoneDay('mitt-i-st'), pediatricsEnd: this.lastEnd('pediatrik'), bvcStart: bvc ? parseDay(bvc.from) : null };
    for (const [course, target] of COURSE_TARGETS) {
      if (this.locked.some((p) => p.kind === 'course' && p.course === course)) continue;
      const window = windows[course];
      const days = courseDays(window, s.facts, dates);
      if (days === null) {
        this.unplaced.push({ trainee: s.trainee.id, kind: 'course', course });
        continue;
      }
      const to = Math.min(days.to, s.limit);
      // Aimed at its target month (the second half's course three months into it), inside the window,
      // and never before the planning day.
      const aim = window === 'second-half' ? addMonths(s.secondHalf, 3) : this.reach(s.start, target - credit);
      const from = Math.max(Math.min(Math.max(aim, days.from), to), s.first);
      const found =
        this.findFree(mondayOnOrAfter(from), COURSE_DAYS, to, 7) ??
        this.findFree(mondayOnOrAfter(days.from), COURSE_DAYS, to, 7);
      if (found) this.book('course', found, { course });
      else this.unplaced.push({ trainee: s.trainee.id, kind: 'course', course });
    }
  }

  private milestoneDay(milestone: MilestoneId): Day | null {
    const p = this.s.placements.find((x) => x.kind === 'milestone' && x.milestone === milestone);
    return p ? parseDay(p.from) : null;
  }

  /** The BVC course and own BVC follow pediatrics (when the trainee has it), the course first. */
  private placeBvc(initialVcEnd: Day, sabo: Interval | null): void {
    const s = this.s;
    const pediatricsEnd = this.lastEnd('pediatrik');
    const bvcEarliest = Math.max((pediatricsEnd ?? initialVcEnd) + 1, s.first);
    let courseEnd: Day | null = this.lockedEnd('course', 'bvc');
    if (courseEnd === null) {
      const course = this.findFree(mondayOnOrAfter(bvcEarliest), COURSE_DAYS, s.limit, 7);
      if (course) courseEnd = this.book('course', course, { course: 'bvc' });
      else this.unplaced.push({ trainee: s.trainee.id, kind: 'course', course: 'bvc' });
    }
    if (!this.locked.some((p) => p.kind === 'bvc')) {
      const bvcAt = (from: Day) => ownBvcPeriod(from, this.params['pediatrics-before-bvc']);
      const from = Math.max(bvcEarliest, (courseEnd ?? 0) + 1);
      // By the end of ST where it fits — on its own, else beside SÄBO (both run from the VC) — and only
      // then after it, extending ST.
      const bvc =
        this.findFreePeriod(from, bvcAt, s.end) ?? this.findFreePeriod(from, bvcAt, s.end, sabo) ?? this.findFreePeriod(from, bvcAt, s.limit, sabo);
      if (bvc) this.book('bvc', bvc, {});
      else this.unplaced.push({ trainee: s.trainee.id, kind: 'bvc' });
    }
  }

  private reach(from: Day, target: number): Day {
    return fullTimeEnd(this.s.calendar, from, target);
  }

  private lockedRotationMonths(specialty: Specialty): number {
    let sum = 0;
    for (const p of this.locked) {
      if (p.kind === 'rotation' && p.specialty === specialty) {
        sum += this.s.calendar.fteMonths(parseDay(p.from), parseDay(p.to));
      }
    }
    return sum;
  }

  private lockedEnd(kind: PlacementKind, course?: CourseId): Day | null {
    let end: Day | null = null;
    for (const p of this.locked) {
      if (p.kind === kind && (course === undefined || p.course === course)) end = Math.max(end ?? -Infinity, parseDay(p.to));
    }
    return end;
  }

  private lastEnd(specialty: Specialty): Day | null {
    let end: Day | null = null;
    for (const p of this.s.placements) {
      if (p.kind === 'rotation' && p.specialty === specialty) end = Math.max(end ?? -Infinity, parseDay(p.to));
    }
    return end;
  }

  /** Free for the trainee: from the planning day to the limit, no leave, no overlap with their other placements (but `besides`). */
  private isFree(iv: Interval, besides: Interval | null = null): boolean {
    const s = this.s;
    if (iv.from < s.first || iv.to > s.limit) return false;
    for (const b of s.busy) if (b !== besides && b.from <= iv.to && iv.from <= b.to) return false;
    return !s.calendar.hasLeave(iv.from, iv.to);
  }

  /** A rotation part must also keep a full return period from every other rotation part. */
  private keepsReturnTime(iv: Interval): boolean {
    for (const r of this.s.rotations) {
      if (iv.from - r.to - 1 < this.returnDays && r.from - iv.to - 1 < this.returnDays) return false;
    }
    return true;
  }

  /**
   * The parts of a rotation of `need` full-time months from `from` (max-away's split); null when one
   * ends late or meets leave, or the day-grained parts miss the rotation's length.
   */
  private rotationParts(req: Requirement, from: Day, need: number, latest: Day): Interval[] | null {
    const cal = this.s.calendar;
    const tolerance = this.params['rotation-length'].toleranceMonths;
    const parts = splitRotation(cal, from, need, this.params['max-away'], tolerance);
    if (!parts || parts.some((p) => p.to > latest || cal.hasLeave(p.from, p.to))) return null;
    const length = this.lockedRotationMonths(req.specialty) + parts.reduce((sum, p) => sum + cal.fteMonths(p.from, p.to), 0);
    return keepsLength(req.months, length, tolerance) ? parts : null;
  }

  private placeRotation(req: Requirement, need: number, earliest: Day, latest: Day): boolean {
    const clinics = this.clinicsBySpecialty.get(req.specialty) ?? [];
    if (clinics.length === 0 || this.s.unit < 0) return false;
    const windows = (this.s.trainee.wishes ?? []).filter((w) => w.specialty === req.specialty);
    for (const w of windows) {
      const from = Math.max(earliest, parseDay(w.from));
      const lastStart = Math.min(latest, parseDay(w.to));
      if (from <= lastStart && this.tryRotation(req, need, from, lastStart, latest, clinics)) return true;
    }
    return this.tryRotation(req, need, earliest, latest, latest, clinics);
  }

  private tryRotation(req: Requirement, need: number, from: Day, lastStart: Day, latest: Day, clinics: number[]): boolean {
    for (let start = mondayOnOrAfter(from); start <= lastStart; start += 7) {
      // Cheap tests before the costly part arithmetic: the first part lasts at least this long
      // (full-time months never exceed calendar months).
      const shortest = { from: start, to: Math.min(latest, Math.max(start, addMonths(start, Math.floor(Math.min(need, this.params['max-away'].months))) - 2)) };
      if (!this.isFree(shortest) || !clinics.some((c) => this.occupancy.fits(c, this.s.unit, shortest))) continue;
      const parts = this.rotationParts(req, start, need, latest);
      if (!parts) continue;
      if (!parts.every((p) => this.isFree(p) && this.keepsReturnTime(p))) continue;
      for (const clinic of clinics) {
        if (!parts.every((p) => this.occupancy.fits(clinic, this.s.unit, p))) continue;
        for (const p of parts) {
          this.occupancy.add(clinic, this.s.unit, p);
          this.s.rotations.push(p);
          this.book('rotation', p, { specialty: req.specialty, clinic: this.occupancy.clinicIds[clinic]! });
        }
        return true;
      }
    }
    return false;
  }

  /** The first free stretch of `length` days starting at `from` + k·step, ending by `latest`. */
  private findFree(from: Day, length: number, latest: Day, step: number): Interval | null {
    for (let d = from; d + length - 1 <= latest; d += step) {
      const iv = { from: d, to: d + length - 1 };
      if (this.isFree(iv)) return iv;
    }
    return null;
  }

  /** The first free period `at(d)` starting on a Monday d from `from` and ending by `latest` (it may lie beside `besides`). */
  private findFreePeriod(from: Day, at: (from: Day) => Interval, latest: Day, besides: Interval | null = null): Interval | null {
    for (let d = mondayOnOrAfter(from); d <= latest; d += 7) {
      const iv = at(d);
      if (iv.to > latest) return null;
      if (this.isFree(iv, besides)) return iv;
    }
    return null;
  }

  /** The last free period `at(d)` ending by `latest` and starting on a Monday d ≥ `earliest`. */
  private findFreePeriodBackward(earliest: Day, at: (from: Day) => Interval, latest: Day): Interval | null {
    let d = mondayOnOrAfter(latest - (at(latest).to - latest) - 6);
    while (at(d).to > latest) d -= 7;
    for (; d >= earliest; d -= 7) {
      const iv = at(d);
      if (this.isFree(iv)) return iv;
    }
    return null;
  }

  /** SÄBO at the end of ST, in its second half and not before the planning day; else the first room after. */
  private findSabo(at: (from: Day) => Interval): Interval | null {
    const s = this.s;
    const earliest = Math.max(s.secondHalf, s.first);
    return this.findFreePeriodBackward(earliest, at, s.end) ?? this.findFreePeriod(earliest, at, s.limit);
  }

  /** A one-day event (a milestone) may fall during a rotation: only leave and weekends are avoided. */
  private findWorkday(from: Day, latest: Day): Interval | null {
    for (let d = Math.max(from, this.s.start); d <= latest; d++) {
      if (!isWeekend(d) && this.s.calendar.rate(d) > 0) return { from: d, to: d };
    }
    return null;
  }

  /** Takes back a placement booked by `book` (the interval object identifies it). */
  private unbook(iv: Interval): void {
    const i = this.s.busy.indexOf(iv);
    if (i >= 0) this.s.busy.splice(i, 1);
    const from = formatDay(iv.from);
    const to = formatDay(iv.to);
    const j = this.s.placements.findIndex((p) => p.from === from && p.to === to && p.kind !== 'rotation');
    if (j >= 0) this.s.placements.splice(j, 1);
  }

  private book(kind: PlacementKind, iv: Interval, fields: Partial<Placement>, blocks = true): Day {
    if (blocks) this.s.busy.push(iv);
    this.s.placements.push({ trainee: this.s.trainee.id, kind, ...fields, from: formatDay(iv.from), to: formatDay(iv.to) });
    return iv.to;
  }
}

