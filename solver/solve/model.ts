/**
 * The solver's model of a scenario: for every trainee, the rotations still to place and, for each, the
 * ways it can be placed (a start slot, its parts with return weeks between, the slots it holds away
 * from the VC), each already checked against the trainee's own hard rules — leave, the initial VC
 * period (BT exempt, BT inside its window), nothing after the end of ST, locked placements, room for
 * own BVC after pediatrics and a reserved SÄBO window in the second half. What couples trainees is
 * left to the master: per clinic and per unit, a limit on trainees away on each DAY (rows, rowOf).
 * Day rows are exact for any placement, so schedules from outside the model's start grid (the
 * greedy plan, a kept current plan) are columns with their true occupancy.
 *
 * Design choices (documented because the validator is stricter than the model, never looser):
 * - a rotation takes its planned length (requirements.ts plannedLengths: the minimum, lengthened
 *   towards the recommended total side time as greedy does); a trainee who may shorten (one the
 *   plain greedy plan extends) can also take the minimum, at a cost per month below the planned length;
 * - parts start on Mondays; a SÄBO window is reserved only for trainees with ample time left;
 * - two rotations are always separated by at least the return time, so the away limit applies
 *   to each rotation alone: one longer than the limit is split into parts of exactly the limit;
 * - a rotation already in the current plan may also keep its exact dates (its "keep" option), so
 *   re-planning does not move placements off the weekly grid.
 */
import { capacityOn, clinicLimit, limitByDay, unitLimit, type Limit } from '../domain/capacity.ts';
import { samePlacement } from '../domain/identity.ts';
import { resolveParams } from '../domain/params.ts';
import { plannedLengths } from '../domain/requirements.ts';
import type { RuleParams } from '../domain/profiles.ts';
import type { Clinic, Plan, PlanPlacement, Scenario, Specialty } from '../domain/schemas.ts';
import { traineeFacts, type Interval, type TraineeFacts } from '../plan/context.ts';
import { firstRotationDay } from '../rules/initial-vc.ts';
import { keepsAwayLimit, returnDays as returnDaysOf, splitRotation } from '../rules/max-away.ts';
import { rotationDeadline } from '../rules/required-rotations.ts';
import { keepsLength } from '../rules/rotation-length.ts';
import { saboPeriod } from '../rules/sabo-second-half.ts';
import { addMonths, parseDay, type Day } from '../time/dates.ts';
import { DAYS_PER_MONTH, firstDayCovering, type WorkCalendar } from '../time/months.ts';
import type { WorkCounter } from './clock.ts';
import { slotAtOrAfter, slotOf, slotStart, type Slot } from './grid.ts';
import { WEIGHTS } from './weights.ts';

export interface Part {
  from: Day;
  to: Day;
}

/** One way to place one rotation. */
export interface RotationOption {
  /** Slot of the first part's first day. */
  slot: Slot;
  parts: Part[];
  /** The first slot in which the trainee's next rotation may start (after the return time). */
  next: Slot;
  /**
   * Days held away from the VC (the parts, not the return weeks between them), as runs of days,
   * flat: [first, last, first, last, …] (read by prefix-sum pricing).
   */
  spans: number[];
  /** Soft cost that does not depend on the clinic: lateness and wishes. */
  cost: number;
  /** True for the option that keeps the current plan's dates. */
  keep: boolean;
}

export interface ItemModel {
  specialty: Specialty;
  /** Full-time months to place (the planned length, less any locked parts). */
  months: number;
  bt: boolean;
  /** Indices into CohortModel.clinics of this specialty. */
  clinics: number[];
  /** Grid options by slot − trainee.firstSlot; null where the rotation cannot start. */
  grid: (RotationOption | null)[];
  /**
   * The same at the rotation's minimum length, for a trainee who may shorten (BuildOptions.mayShorten)
   * when the minimum is shorter; null otherwise. Each costs the months below the planned length.
   */
  shortGrid: (RotationOption | null)[] | null;
  /** The current plan's placement, when it is still valid on its own. */
  keepOption: RotationOption | null;
  /** Clinic of the current plan's placement (index), or −1. */
  currentClinic: number;
  /** The current plan has this rotation (so placing it anywhere but its keep option counts as a move). */
  hadCurrent: boolean;
  /**
   * The option of exactly these parts, with its true soft cost (no check of the trainee's rules): how a
   * schedule from elsewhere (the greedy plan, a perturbed plan) is scored with the solver's objective.
   */
  optionOf: (parts: Part[]) => RotationOption;
}

export interface TraineeModel {
  index: number;
  id: string;
  unit: number;
  facts: TraineeFacts;
  items: ItemModel[];
  /** The first slot any rotation may start in; DP slot 0. */
  firstSlot: Slot;
  /** Number of DP slots: every option's `next` lies within [firstSlot, firstSlot + span]. */
  span: number;
  /** First possible rotation day (after the initial VC), the zero of lateness. */
  earliest: Day;
  /** Placements kept exactly as given (locked) — copied to the plan. */
  fixed: PlanPlacement[];
  /** Days no rotation may touch: leave is in the calendar; these are locked placements and the SÄBO reserve. */
  blocked: Interval[];
  /** The SÄBO window kept free of rotations, if one was found. */
  saboReserve: Interval | null;
  /** Not re-planned: keeps the current plan exactly (one-trainee solves: everyone else). */
  frozen: boolean;
}

export interface ResourceModel {
  id: string;
  name: string;
  kind: 'clinic' | 'unit';
  specialty: Specialty | null;
  /** Limit per day (row), after the fixed (locked / kept) placements have taken theirs; ≥ 0. */
  free: Int32Array;
  /** Limit per day (row) before fixed placements. */
  limit: Int32Array;
  /** Fixed placements' trainees on a day (for explanations). */
  fixedBy: (d: Day) => string[];
  /** Days that fixed placements alone overfill (their free places are then 0). */
  overfull: Day[];
  /** The limit on one day. */
  capAt: (d: Day) => number;
}

export interface CohortModel {
  scenario: Scenario;
  params: RuleParams;
  /**
   * Clinic and unit limits are rows per DAY (the rules count trainees per day): row r·nSlots + i is
   * resource r on day slot0 + i. Exact for any placement, on or off the weekly start grid, so a
   * schedule from elsewhere (the greedy plan) can join the master with its true occupancy.
   */
  slot0: Day;
  nSlots: number;
  /**
   * 1 for the rows on which limits are checked; a column holds only these rows. A set of placements
   * keeps a limit on every day as soon as it keeps it on each day where one of them starts or the
   * limit drops (the busiest day of a stretch is one where a placement starts; a drop can only make a
   * later day tighter). So per resource: every Monday (where the model's parts start), every day a
   * limit or a fixed placement's place begins, and the first days of the placements of the current
   * plan and of `exactFor` plans (read as columns off the grid). That is a small share of the days, so
   * columns, the master and the price vectors shrink as much, and nothing is lost.
   */
  checked: Uint8Array;
  /** Clinics first (same order as scenario.clinics), then units. */
  resources: ResourceModel[];
  nClinics: number;
  trainees: TraineeModel[];
  traineeIndex: Map<string, number>;
  /** The current plan's placements per trainee (empty without a current plan). */
  current: Map<string, PlanPlacement[]>;
  returnDays: number;
  awayMonths: number;
  /** Work done so far: the units of a work budget (clock.ts). */
  work: WorkCounter;
  /** The planning day (`scenario.planFrom`): nothing new begins before it; null plans from the start of ST. */
  planFrom: Day | null;
}

export interface BuildOptions {
  currentPlan?: Plan;
  /** Trainees whose current-plan rotations are fixed (one-trainee mode: everyone else). */
  fixedTrainees?: ReadonlySet<string>;
  /** Only these trainees are planned (one-trainee mode). */
  only?: ReadonlySet<string>;
  /** Plans whose rotations must be read as columns exactly (scored, seeded): their first days are checked rows. */
  exactFor?: Plan[];
  /** Trainees whose rotations may also be planned at their minimum lengths (ItemModel.shortGrid). */
  mayShorten?: ReadonlySet<string>;
  /**
   * Trainee models to take as they are, from a model of the same trainees and options: capacity
   * advice's re-plans differ from the solve only in places, and building every option again was most
   * of a re-plan's time.
   */
  trainees?: readonly TraineeModel[];
}

/** The row of a resource on a day. */
export function rowOf(m: CohortModel, resource: number, day: Day): number {
  return resource * m.nSlots + (day - m.slot0);
}

export function buildModel(scenario: Scenario, opts: BuildOptions = {}): CohortModel {
  const params = resolveParams(scenario);
  const returnDays = returnDaysOf(params['max-away']);
  const awayMonths = params['max-away'].months;
  const horizonFrom = parseDay(scenario.horizon.from);
  const facts = scenario.trainees.map((t) => traineeFacts(t, params));
  const lastDay = Math.max(parseDay(scenario.horizon.to), ...facts.map((f) => f.planLimit));
  const firstDay = Math.min(horizonFrom, ...facts.map((f) => f.start));
  const slot0 = firstDay - 14;
  const nSlots = lastDay + 56 - slot0;

  const lastSlotDay = slot0 + nSlots - 1;
  const resource = (r: { id: string; name: string }, kind: 'clinic' | 'unit', specialty: Specialty | null, limit: Limit): ResourceModel => ({
    id: r.id,
    name: r.name,
    kind,
    specialty,
    limit: limitByDay(limit, slot0, lastSlotDay),
    free: new Int32Array(nSlots),
    fixedBy: () => [],
    overfull: [],
    capAt: (d: Day) => capacityOn(limit.base, limit.steps, d),
  });
  const limits = [...scenario.clinics.map(clinicLimit), ...scenario.units.map(unitLimit)];
  const resources: ResourceModel[] = scenario.clinics.map((c, i) => resource(c, 'clinic', c.specialty, limits[i]!));
  const unitIndex = new Map<string, number>();
  for (const u of scenario.units) {
    unitIndex.set(u.id, resources.length);
    resources.push(resource(u, 'unit', null, limits[resources.length]!));
  }
  for (const r of resources) r.free.set(r.limit);

  const checked = new Uint8Array(resources.length * nSlots);
  const check = (r: number, d: Day) => {
    if (r >= 0 && d >= slot0 && d < slot0 + nSlots) checked[r * nSlots + d - slot0] = 1;
  };
  for (let d = slotStart(slotAtOrAfter(slot0)); d < slot0 + nSlots; d += 7) for (let r = 0; r < resources.length; r++) check(r, d);
  // Where a limit changes, the day is a row of its own: the weekly rows alone could miss it.
  limits.forEach((limit, r) => {
    for (const x of limit.steps) {
      check(r, x.from);
      check(r, x.to + 1);
    }
  });
  const unitOfTrainee = new Map(scenario.trainees.map((t) => [t.id, unitIndex.get(t.unit) ?? -1]));
  const clinicIndex = new Map(scenario.clinics.map((c, i) => [c.id, i]));
  const checkStart = (traineeId: string, p: { kind: string; clinic?: string; from: string }) => {
    if (p.kind !== 'rotation') return;
    const d = parseDay(p.from);
    check(clinicIndex.get(p.clinic ?? '') ?? -1, d);
    check(unitOfTrainee.get(traineeId) ?? -1, d);
  };
  for (const t of scenario.trainees) for (const p of t.locked ?? []) checkStart(t.id, p);
  for (const plan of [opts.currentPlan, ...(opts.exactFor ?? [])]) for (const p of plan?.placements ?? []) checkStart(p.trainee, p);

  const model: CohortModel = {
    scenario,
    params,
    slot0,
    nSlots,
    checked,
    resources,
    nClinics: scenario.clinics.length,
    trainees: [],
    traineeIndex: new Map(),
    current: new Map(),
    returnDays,
    awayMonths,
    work: { units: 0 },
    planFrom: scenario.planFrom === undefined ? null : parseDay(scenario.planFrom),
  };

  const current = model.current;
  for (const p of opts.currentPlan?.placements ?? []) {
    const list = current.get(p.trainee) ?? [];
    list.push(p);
    current.set(p.trainee, list);
  }

  // Fixed placements (locked, or kept in a one-trainee solve) may lie off the grid: count them per day
  // and let each slot carry the busiest day's count, so back-to-back fixed placements do not collide.
  const fixedDays = new Map<number, { from: Day; to: Day; trainee: string }[]>(); // resource → intervals
  const takeFixed = (traineeId: string, unit: number, p: { clinic?: string; from: string; to: string }) => {
    const c = p.clinic === undefined ? undefined : clinicIndex.get(p.clinic);
    for (const r of c === undefined ? [unit] : [c, unit]) {
      const list = fixedDays.get(r) ?? [];
      list.push({ from: parseDay(p.from), to: parseDay(p.to), trainee: traineeId });
      fixedDays.set(r, list);
    }
  };

  const shapes = new Map<string, Map<Day, Shape | null>>();
  for (const [index, t] of scenario.trainees.entries()) {
    const f = facts[index]!;
    const unit = unitIndex.get(t.unit) ?? -1;
    const locked: PlanPlacement[] = (t.locked ?? []).map((p) => ({ trainee: t.id, ...p }));
    const fixedMode = opts.fixedTrainees?.has(t.id) === true || (opts.only !== undefined && !opts.only.has(t.id));
    // A trainee outside the re-planned set keeps the current plan exactly (locked placements included).
    const fixed = fixedMode ? keptPlacements(current.get(t.id) ?? [], locked) : locked;
    for (const p of fixed) if (p.kind === 'rotation' && unit >= 0) takeFixed(t.id, unit, p);
    const tm =
      opts.trainees?.[index] ??
      (fixedMode
        ? emptyTrainee(index, t.id, unit, f, fixed)
        : traineeModel(model, index, unit, f, fixed, current.get(t.id) ?? [], clinicIndex, shapes, opts.mayShorten?.has(t.id) === true));
    model.trainees.push(tm);
    model.traineeIndex.set(t.id, index);
  }
  for (const [r, list] of fixedDays) applyFixed(model, resources[r]!, list);
  return model;
}

/** Takes the fixed placements' places, day by day (a difference array: one pass over the days). */
function applyFixed(m: CohortModel, res: ResourceModel, list: { from: Day; to: Day; trainee: string }[]): void {
  const diff = new Int32Array(m.nSlots + 1);
  for (const x of list) {
    const a = Math.max(x.from, m.slot0) - m.slot0;
    const b = Math.min(x.to, m.slot0 + m.nSlots - 1) - m.slot0;
    if (a > b) continue;
    diff[a]!++;
    diff[b + 1]!--;
  }
  let count = 0;
  for (let i = 0; i < m.nSlots; i++) {
    count += diff[i]!;
    if (count === 0) continue;
    const left = res.limit[i]! - count;
    // Before the planning day an overfull day is history: reported by the rules, never a reason that
    // the future cannot be planned.
    if (left < 0 && m.slot0 + i >= (m.planFrom ?? -Infinity)) res.overfull.push(m.slot0 + i);
    res.free[i] = Math.max(0, left);
  }
  // Who holds a day is asked only to explain a conflict: computed then, from the list.
  res.fixedBy = (d: Day) => [...new Set(list.filter((x) => x.from <= d && d <= x.to).map((x) => x.trainee))];
}

/** Current placements plus locked ones not already among them (a locked placement always stays). */
export function keptPlacements(current: PlanPlacement[], locked: PlanPlacement[]): PlanPlacement[] {
  // One trainee's lists of a few dozen: compared field by field, not keyed (a solve of one trainee
  // keeps everyone else's this way).
  const missing = locked.filter((l) => !current.some((p) => p.trainee === l.trainee && samePlacement(p, l)));
  return [...current.map((p) => ({ ...p })), ...missing];
}

function emptyTrainee(index: number, id: string, unit: number, facts: TraineeFacts, fixed: PlanPlacement[]): TraineeModel {
  const firstSlot = slotAtOrAfter(facts.start);
  return {
    index,
    id,
    unit,
    facts,
    items: [],
    firstSlot,
    span: 1,
    earliest: firstRotationDay(facts, { bt: false }),
    fixed,
    blocked: [],
    saboReserve: null,
    frozen: true,
  };
}

/**
 * Where an option lies, whoever takes it: its parts, its runs of days, the first slot after its return
 * and its length in full-time months (the same for everyone who shares it: they share one rate).
 */
interface Shape {
  slot: Slot;
  parts: Part[];
  spans: number[];
  next: Slot;
  fte: number;
}

function shapeOf(parts: Part[], returnDays: number, cal: WorkCalendar): Shape {
  // Runs of days straight from the parts (no per-day list: a model holds millions of options).
  const spans: number[] = [];
  for (const p of parts) {
    const a = p.from;
    const b = p.to;
    const n = spans.length;
    if (n > 0 && spans[n - 1]! >= a - 1) spans[n - 1] = Math.max(spans[n - 1]!, b);
    else spans.push(a, b);
  }
  const lastTo = parts[parts.length - 1]!.to;
  const fte = parts.reduce((sum, p) => sum + cal.fteMonths(p.from, p.to), 0);
  return { slot: slotOf(parts[0]!.from), parts, spans, next: slotAtOrAfter(lastTo + 1 + returnDays), fte };
}

function overlapsAny(list: Interval[], from: Day, to: Day): boolean {
  for (const x of list) if (x.from <= to && from <= x.to) return true;
  return false;
}

function traineeModel(
  m: CohortModel,
  index: number,
  unit: number,
  f: TraineeFacts,
  fixed: PlanPlacement[],
  current: PlanPlacement[],
  clinicIndex: Map<string, number>,
  shapes: Map<string, Map<Day, Shape | null>>,
  mayShorten: boolean,
): TraineeModel {
  const { params, returnDays, awayMonths } = m;
  const cal = f.calendar;
  const tol = params['rotation-length'].toleranceMonths;
  const earliest = firstRotationDay(f, { bt: false });
  // Nothing new begins before the planning day; rotations may run past the end of ST (extension,
  // costed in finishCost) up to the trainee's limit.
  const planFrom = m.planFrom ?? -Infinity;
  const lastDay = f.planLimit;

  // Each rotation at its planned length: the minimum, lengthened towards the recommended total side time.
  const planned = plannedLengths(f.requirements, params);
  // Locked rotations count towards their requirement; the rest of the trainee's time around them stays free.
  const lockedMonths = new Map<Specialty, number>();
  const blocked: Interval[] = [];
  for (const p of fixed) {
    const from = parseDay(p.from);
    const to = parseDay(p.to);
    if (p.kind === 'rotation') {
      blocked.push({ from: from - returnDays, to: to + returnDays });
      if (p.specialty) lockedMonths.set(p.specialty, (lockedMonths.get(p.specialty) ?? 0) + cal.fteMonths(from, to));
    } else blocked.push({ from, to });
  }
  const lockedBvc = fixed.find((p) => p.kind === 'bvc');
  const lockedSabo = fixed.find((p) => p.kind === 'sabo');

  // Reserve the latest SÄBO window of the second half, so the rotations cannot crowd it out — only
  // where time is ample; a trainee near the end keeps every week for rotations (SÄBO goes where it fits).
  let saboReserve: Interval | null = null;
  const minRate = Math.max(0.25, Math.min(1, ...(f.trainee.employment ?? [{ rate: 1 }]).map((e) => e.rate)));
  const needMonths =
    f.requirements.reduce((sum, r) => sum + Math.max(0, planned.get(r)! - (lockedMonths.get(r.specialty) ?? 0)), 0) / minRate +
    f.requirements.length * 0.5 + params['sabo-second-half'].months + params['pediatrics-before-bvc'].bvcMonths + 6;
  const haveMonths = (f.lastDay - Math.max(earliest, f.start, planFrom)) / DAYS_PER_MONTH;
  if (!lockedSabo && haveMonths >= needMonths) {
    const months = params['sabo-second-half'].months;
    for (let s = slotOf(firstDayCovering(f.lastDay, months)); slotStart(s) >= Math.max(f.secondHalf, planFrom); s--) {
      const from = slotStart(s);
      const { to } = saboPeriod(from, params['sabo-second-half']);
      if (to > f.lastDay || cal.hasLeave(from, to) || overlapsAny(blocked, from, to)) continue;
      saboReserve = { from, to };
      break;
    }
    if (saboReserve) blocked.push(saboReserve);
  }
  // What an option may not overlap: every option starts on or after the planning day, so the history
  // before it (most of a trainee's fixed placements, in a region under way) is left out.
  const ahead = blocked.filter((b) => b.to >= planFrom);
  // Own BVC (and its course) must fit after pediatrics: leave room before the end, or before a locked BVC.
  const bvcMonths = params['pediatrics-before-bvc'].bvcMonths;
  // With a SÄBO reserve, own BVC can share that window (both run from the VC, side by side), so
  // pediatrics (and the BVC course week) must end before it; without one, before the last BVC months.
  const pedsDeadline = lockedBvc
    ? parseDay(lockedBvc.from) - 8
    : saboReserve
      ? saboReserve.from - 8
      : Math.min(firstDayCovering(lastDay, bvcMonths) - 22, lastDay);

  // The current plan's rotations the model places: the locked parts are fixed already (and counted in
  // `lockedMonths`), so they are not part of a rotation's keep option.
  const isFixed = (p: PlanPlacement) => fixed.some((x) => samePlacement(x, p));
  const currentRot = new Map<Specialty, PlanPlacement[]>();
  for (const p of current) {
    if (p.kind !== 'rotation' || !p.specialty || isFixed(p)) continue;
    const list = currentRot.get(p.specialty) ?? [];
    list.push(p);
    currentRot.set(p.specialty, list);
  }

  const firstSlot = slotOf(Math.max(Math.min(f.start, earliest), planFrom));
  let maxNext = firstSlot + 1;
  const items: ItemModel[] = [];
  for (const req of f.requirements) {
    const done = lockedMonths.get(req.specialty) ?? 0;
    const months = planned.get(req)! - done;
    if (months <= tol) continue;
    // A trainee who may shorten also gets the rotation at its minimum, when that is shorter.
    const minimum = req.months[0] - done;
    const shortMonths = mayShorten && minimum > tol && minimum < months - tol ? minimum : null;
    const clinics = m.scenario.clinics.flatMap((c, i) => (c.specialty === req.specialty ? [i] : []));
    const windowFrom = Math.max(firstRotationDay(f, req), planFrom);
    const windowTo = Math.min(lastDay, rotationDeadline(f, req), req.specialty === 'pediatrik' ? pedsDeadline : lastDay);
    // Full-time months below the planned length, beyond the tolerance: what such a placement costs.
    const belowPlan = (shape: Shape): number => {
      const length = done + shape.fte;
      return length < planned.get(req)! - tol ? planned.get(req)! - length : 0;
    };
    const valid = (shape: Shape): boolean => {
      for (const p of shape.parts) {
        if (p.from < windowFrom || p.to > windowTo) return false;
        if (cal.hasLeave(p.from, p.to) || overlapsAny(ahead, p.from, p.to)) return false;
      }
      return shape.parts.length > 0 && keepsLength(req.months, done + shape.fte, tol);
    };
    const wishes = (f.trainee.wishes ?? []).filter((w) => w.specialty === req.specialty);
    /** `below`: full-time months below the planned length. */
    const softCost = (parts: Part[], below: number): number => {
      const first = parts[0]!.from;
      const last = parts[parts.length - 1]!.to;
      let cost = (WEIGHTS.earlyPerMonth * Math.max(0, first - windowFrom)) / DAYS_PER_MONTH + WEIGHTS.shortPerMonth * below;
      for (const w of wishes) {
        if (!(first >= parseDay(w.from) && last <= parseDay(w.to))) cost += WEIGHTS.wish * (w.weight ?? 1);
      }
      return cost;
    };
    // Built field by field, always in this order: an object spread gave options another hidden class
    // and made the pricing round twice as slow.
    const optionAt = (shape: Shape, keep: boolean, below: number): RotationOption => ({
      slot: shape.slot,
      parts: shape.parts,
      next: shape.next,
      spans: shape.spans,
      cost: softCost(shape.parts, below),
      keep,
    });
    // Parts from elsewhere (the current plan, a plan scored): their length says how far below plan they are.
    const option = (shape: Shape, keep: boolean): RotationOption => optionAt(shape, keep, belowPlan(shape));

    // A rotation inside one stretch of constant rate has the same parts whoever takes it, so trainees
    // share them: splitting parts, and collecting the garbage of millions of part and span arrays, was
    // most of the cost of building a large region's model.
    const sharedShapes = (from: Day, months: number): Map<Day, Shape | null> | null => {
      const rate = cal.rate(from);
      // The days splitting can read: the calendar length at this rate, the return gaps between its
      // parts, and a month for reach()'s search past the end.
      const lengthMonths = months / rate;
      const reachDays = lengthMonths * 31 + (lengthMonths / awayMonths + 1) * (returnDays + 7) + 31;
      if (cal.constantThrough(from) < from + reachDays) return null;
      const key = `${rate}|${months}`;
      let byStart = shapes.get(key);
      if (!byStart) shapes.set(key, (byStart = new Map()));
      return byStart;
    };
    const lastStart = slotOf(windowTo);
    // At the planned length a grid option is within the tolerance of it (nothing below plan); a short
    // one is read as any other placement, so a schedule costs the same whoever proposes it.
    const gridOf = (months: number, short: boolean): (RotationOption | null)[] => {
      const grid: (RotationOption | null)[] = [];
      for (let s = firstSlot; s <= lastStart; s++) {
        const from = slotStart(s);
        if (from < windowFrom || cal.rate(from) === 0) {
          grid.push(null);
          continue;
        }
        const byStart = sharedShapes(from, months);
        let shape = byStart?.get(from);
        if (shape === undefined) {
          const parts = splitRotation(cal, from, months, params['max-away'], tol);
          shape = parts && shapeOf(parts, returnDays, cal);
          byStart?.set(from, shape);
        }
        if (!shape || !valid(shape)) {
          grid.push(null);
          continue;
        }
        maxNext = Math.max(maxNext, shape.next);
        grid.push(optionAt(shape, false, short ? belowPlan(shape) : 0));
      }
      return grid;
    };
    const grid = gridOf(months, false);
    const shortGrid = shortMonths === null ? null : gridOf(shortMonths, true);

    // The current plan's dates for this rotation, when they still keep the trainee's own rules.
    let keepOption: RotationOption | null = null;
    let currentClinic = -1;
    const cur = currentRot.get(req.specialty);
    if (cur && cur.length > 0 && clinics.length > 0) {
      const parts = cur.map((p) => ({ from: parseDay(p.from), to: parseDay(p.to) })).sort((a, b) => a.from - b.from);
      const shape = shapeOf(parts, returnDays, cal);
      const c = clinicIndex.get(cur[0]!.clinic ?? '');
      const sameClinic = cur.every((p) => p.clinic === cur[0]!.clinic);
      const shapeOk =
        parts.every((p, i) => i === 0 || p.from - parts[i - 1]!.to - 1 >= returnDays) &&
        keepsAwayLimit(parts, params['max-away']) &&
        keepsLength(req.months, done + shape.fte, tol);
      if (c !== undefined && sameClinic && clinics.includes(c) && shapeOk && valid(shape)) {
        keepOption = option(shape, true);
        maxNext = Math.max(maxNext, keepOption.next);
        currentClinic = c;
      }
    }
    items.push({
      specialty: req.specialty,
      months,
      bt: req.bt,
      clinics,
      grid,
      shortGrid,
      keepOption,
      currentClinic,
      hadCurrent: (cur?.length ?? 0) > 0,
      optionOf: (parts) => option(shapeOf(parts, returnDays, cal), false),
    });
  }
  return {
    index,
    id: f.id,
    unit,
    facts: f,
    items,
    firstSlot,
    span: maxNext - firstSlot + 1,
    earliest,
    fixed,
    blocked,
    saboReserve,
    frozen: false,
  };
}
