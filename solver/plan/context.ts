/**
 * What the rule checks read: the scenario's trainees with their calendars and key dates computed once,
 * and a plan's placements parsed to day numbers and grouped by trainee, clinic and unit.
 *
 * The trainee facts depend only on the scenario, so a validator builds them once (`traineeFacts`) and
 * reuses them for every plan — the web re-validates on every drag. A plan context can cover the whole
 * cohort or one trainee (with only the clinics and unit that trainee touches), so the same rule code
 * serves `validate` and `validateTrainee`.
 */
import type { RuleParams } from '../domain/profiles.ts';
import { requirementsFor, type Requirement } from '../domain/requirements.ts';
import type {
  Clinic,
  CourseId,
  MilestoneId,
  PlacementKind,
  PlanPlacement,
  Scenario,
  Specialty,
  Trainee,
  Unit,
} from '../domain/schemas.ts';
import { planLimit } from '../rules/extension.ts';
import { parseDay, type Day } from '../time/dates.ts';
import { endOfSt, secondHalfStart, WorkCalendar } from '../time/months.ts';

export interface Interval {
  from: Day;
  to: Day;
}

/** A trainee's scenario facts, independent of any plan. */
export interface TraineeFacts {
  trainee: Trainee;
  id: string;
  unit: string;
  start: Day;
  calendar: WorkCalendar;
  minimumMonths: number;
  creditMonths: number;
  /** formats.md's end of ST: the earliest day the minimum time is reached. */
  end: Day;
  /** The agreed end (`plannedEnd`), when given. */
  plannedEnd: Day | null;
  /** The later of `end` and `plannedEnd`: where the planned work should end. */
  lastDay: Day;
  /** ST must be done by then (`latestEnd`), when given. */
  latestEnd: Day | null;
  /** The last day a planner may place anything on: `latestEnd`, else `lastDay` plus the extension rule's `maxMonths`. */
  planLimit: Day;
  /** First day of the second half of ST. */
  secondHalf: Day;
  /** The last day of the initial VC period (`initial-vc` months reached). */
  initialVcEnd: Day;
  /** The last day by which BT rotations must be done (`btWithinMonths`). */
  btDeadline: Day;
  /** The last day of the "early" course window (`course-windows.earlyMonths`). */
  earlyEnd: Day;
  /** The last day of the Mitt-i-ST window (`mid-st.maxMonths`, credit included). */
  midStLatest: Day;
  requirements: Requirement[];
  btSpecialties: ReadonlySet<Specialty>;
  /** Leave periods, merged and sorted. */
  leave: Interval[];
}

export function traineeFacts(trainee: Trainee, params: RuleParams): TraineeFacts {
  const start = parseDay(trainee.start);
  const calendar = WorkCalendar.forTrainee(trainee);
  const minimumMonths = params['minimum-time'].months[trainee.regulation];
  const creditMonths = trainee.creditMonths ?? 0;
  const end = endOfSt(start, minimumMonths, creditMonths, calendar);
  const plannedEnd = trainee.plannedEnd ? parseDay(trainee.plannedEnd) : null;
  const requirements = requirementsFor(trainee, params);
  const reach = (months: number): Day => calendar.dayReaching(start, Math.max(0, months));
  const lastDay = plannedEnd === null ? end : Math.max(end, plannedEnd);
  const latestEnd = trainee.latestEnd ? parseDay(trainee.latestEnd) : null;
  return {
    trainee,
    id: trainee.id,
    unit: trainee.unit,
    start,
    calendar,
    minimumMonths,
    creditMonths,
    end,
    plannedEnd,
    lastDay,
    latestEnd,
    planLimit: planLimit(lastDay, latestEnd, params.extension.maxMonths),
    secondHalf: secondHalfStart(start, minimumMonths, creditMonths, calendar),
    initialVcEnd: reach(params['initial-vc'].months),
    btDeadline: reach(params['required-rotations'].btWithinMonths),
    earlyEnd: reach(params['course-windows'].earlyMonths),
    midStLatest: reach(params['mid-st'].maxMonths - creditMonths),
    requirements,
    btSpecialties: new Set(requirements.filter((r) => r.bt).map((r) => r.specialty)),
    leave: mergeIntervals((trainee.leave ?? []).map((l) => ({ from: parseDay(l.from), to: parseDay(l.to) }))),
  };
}

/** One placement of the plan with its dates as day numbers. */
export interface PlacementRef {
  /** Position in `plan.placements`, so a message can point back at the document. */
  index: number;
  trainee: string;
  kind: PlacementKind;
  specialty: Specialty | undefined;
  clinic: string | undefined;
  course: CourseId | undefined;
  milestone: MilestoneId | undefined;
  from: Day;
  to: Day;
}

export function placementRef(p: PlanPlacement, index: number): PlacementRef {
  return {
    index,
    trainee: p.trainee,
    kind: p.kind,
    specialty: p.specialty,
    clinic: p.clinic,
    course: p.course,
    milestone: p.milestone,
    from: parseDay(p.from),
    to: parseDay(p.to),
  };
}

/** One trainee's placements in a plan, sorted by start. */
export interface TraineePlan {
  facts: TraineeFacts;
  placements: PlacementRef[];
  /** The rotation parts only (time away from the VC). */
  rotations: PlacementRef[];
}

export interface RuleContext {
  scenario: Scenario;
  params: RuleParams;
  /** The planning day (`scenario.planFrom`), or null: before it lies history. */
  planFrom: Day | null;
  clinics: ReadonlyMap<string, Clinic>;
  units: ReadonlyMap<string, Unit>;
  /** Facts of every trainee in the scenario (for names and units in cohort messages). */
  facts: ReadonlyMap<string, TraineeFacts>;
  /** The trainees whose trainee-scope rules run: the whole cohort, or the one being edited. */
  trainees: TraineePlan[];
  /** Rotation parts per clinic, for the clinics in scope (all trainees' parts at those clinics). */
  clinicRotations: ReadonlyMap<string, PlacementRef[]>;
  /** Rotation parts of each unit's trainees, for the units in scope. */
  unitRotations: ReadonlyMap<string, PlacementRef[]>;
  /** Placements (in scope) that name a trainee not in the scenario. */
  strangers: PlacementRef[];
}

export function byStart(a: { from: Day; to: Day }, b: { from: Day; to: Day }): number {
  return a.from - b.from || a.to - b.to;
}

/** Sorted, overlapping or touching intervals merged into one. */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].filter((x) => x.to >= x.from).sort(byStart);
  const out: Interval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.from <= last.to + 1) last.to = Math.max(last.to, x.to);
    else out.push({ from: x.from, to: x.to });
  }
  return out;
}

export function traineePlan(facts: TraineeFacts, placements: PlacementRef[]): TraineePlan {
  const sorted = [...placements].sort(byStart);
  return { facts, placements: sorted, rotations: sorted.filter((p) => p.kind === 'rotation') };
}
