/**
 * The timeline's rows: trainees grouped by unit, filtered, each with its bars stacked in lanes and
 * its violations attached. Pure, so the 800-row cohort is built once per data change, not per frame.
 */
import type { PlanPlacement, Scenario, Specialty, Trainee, Unit, Violation } from '../../../solver/domain/schemas.ts';
import { parseDay, type Day } from '../../../solver/time/dates.ts';
import { isLocked, returnGaps, rowViolations, violationsFor } from './placements.ts';
import { stackLanes } from './timeline.ts';

export interface Bar {
  /** Index of the placement in the plan's list (the edit target). */
  index: number;
  placement: PlanPlacement;
  from: Day;
  to: Day;
  lane: number;
  /** Courses and milestones are short events drawn as markers on their own strip. */
  marker: boolean;
  locked: boolean;
  violations: Violation[];
  /** Whether the bar is what the Klinik or Specialitet filter asks for (drawn highlighted); null without such a filter. */
  match: boolean | null;
}

export interface TraineeRow {
  type: 'trainee';
  key: string;
  trainee: Trainee;
  bars: Bar[];
  returns: { from: Day; to: Day }[];
  leave: { from: Day; to: Day }[];
  lanes: number;
  /** Violations of the trainee not carried by one bar (a missing rotation, the total time …). */
  rowViolations: Violation[];
  height: number;
}

export interface GroupRow {
  type: 'group';
  key: string;
  unit: Unit | { id: string; name: string; maxAway: number };
  count: number;
  height: number;
}

export type Row = TraineeRow | GroupRow;

export interface RowFilters {
  unit?: string;
  clinic?: string;
  specialty?: Specialty | '';
  startYear?: number | null;
  search?: string;
  onlyProblems?: boolean;
}

/** One collator for all comparisons: `localeCompare(x, 'sv')` builds a new one per call. */
const SWEDISH = new Intl.Collator('sv');

export const LANE_HEIGHT = 22;
export const MARKER_STRIP = 12;
export const ROW_PADDING = 6;
export const GROUP_HEIGHT = 28;

export function traineeRowHeight(lanes: number): number {
  return ROW_PADDING * 2 + MARKER_STRIP + Math.max(1, lanes) * LANE_HEIGHT;
}

/** Indexes placements and violations by trainee once: O(placements + violations). */
function byTrainee<T>(list: readonly T[], keys: (x: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list)
    for (const k of keys(x)) {
      const l = out.get(k);
      if (l) l.push(x);
      else out.set(k, [x]);
    }
  return out;
}

export function traineeRow(
  trainee: Trainee,
  placements: readonly { p: PlanPlacement; index: number }[],
  violations: readonly Violation[],
  returnWeeksGapDays = 62,
  highlight: ((p: PlanPlacement) => boolean) | null = null,
): TraineeRow {
  const long = placements.filter(({ p }) => p.kind === 'rotation' || p.kind === 'bvc' || p.kind === 'sabo');
  const days = long.map(({ p }) => ({ from: parseDay(p.from), to: parseDay(p.to) }));
  const { lanes, count } = stackLanes(days);
  // The row's height needs only the lane count; the bars, their names and violations are worked out
  // when the row first scrolls into view, so an 800-row cohort costs what its visible rows cost.
  let detail: Pick<TraineeRow, 'bars' | 'returns' | 'leave' | 'rowViolations'> | null = null;
  const build = () => {
    const bars: Bar[] = long.map(({ p, index }, i) => ({
      index,
      placement: p,
      from: days[i]!.from,
      to: days[i]!.to,
      lane: lanes[i]!,
      marker: false,
      locked: isLocked(p, trainee),
      violations: violationsFor(p, violations),
      match: highlight ? highlight(p) : null,
    }));
    for (const { p, index } of placements) {
      if (p.kind !== 'course' && p.kind !== 'milestone') continue;
      bars.push({
        index,
        placement: p,
        from: parseDay(p.from),
        to: parseDay(p.to),
        lane: 0,
        marker: true,
        locked: isLocked(p, trainee),
        violations: violationsFor(p, violations),
        match: highlight ? highlight(p) : null,
      });
    }
    const all = placements.map(({ p }) => p);
    return {
      bars,
      returns: returnGaps(all, returnWeeksGapDays).map(({ from, to }) => ({ from, to })),
      leave: (trainee.leave ?? []).map((l) => ({ from: parseDay(l.from), to: parseDay(l.to) })),
      rowViolations: rowViolations(trainee.id, all, violations),
    };
  };
  return {
    type: 'trainee',
    key: `t:${trainee.id}`,
    trainee,
    lanes: Math.max(1, count),
    height: traineeRowHeight(count),
    get bars() {
      return (detail ??= build()).bars;
    },
    get returns() {
      return (detail ??= build()).returns;
    },
    get leave() {
      return (detail ??= build()).leave;
    },
    get rowViolations() {
      return (detail ??= build()).rowViolations;
    },
  };
}

function matches(
  t: Trainee,
  placements: readonly { p: PlanPlacement }[],
  violations: readonly Violation[],
  f: RowFilters,
): boolean {
  if (f.unit && t.unit !== f.unit) return false;
  if (f.startYear && Number(t.start.slice(0, 4)) !== f.startYear) return false;
  if (f.search && !t.name.toLowerCase().includes(f.search.toLowerCase())) return false;
  if (f.clinic && !placements.some(({ p }) => p.clinic === f.clinic)) return false;
  if (f.specialty && !placements.some(({ p }) => p.kind === 'rotation' && p.specialty === f.specialty)) return false;
  if (f.onlyProblems && violations.length === 0) return false;
  return true;
}

/** All rows, grouped by unit in the scenario's unit order, trainees by start date then name. */
export function buildRows(
  scenario: Pick<Scenario, 'units' | 'trainees'>,
  placements: readonly PlanPlacement[],
  violations: readonly Violation[],
  filters: RowFilters = {},
  opts: { group?: boolean; returnWeeksGapDays?: number } = {},
): Row[] {
  const group = opts.group ?? true;
  const pByT = byTrainee(
    placements.map((p, index) => ({ p, index })),
    (x) => [x.p.trainee],
  );
  const vByT = byTrainee(violations, (v) => v.trainees);
  // The placements a clinic or specialty filter picks out are highlighted on the rows it keeps.
  const { clinic, specialty } = filters;
  const highlight = clinic ? (p: PlanPlacement) => p.clinic === clinic : specialty ? (p: PlanPlacement) => p.kind === 'rotation' && p.specialty === specialty : null;
  const rowsByUnit = new Map<string, TraineeRow[]>();
  const sorted = [...scenario.trainees].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : SWEDISH.compare(a.name, b.name)));
  for (const t of sorted) {
    const ps = pByT.get(t.id) ?? [];
    const vs = vByT.get(t.id) ?? [];
    if (!matches(t, ps, vs, filters)) continue;
    const list = rowsByUnit.get(t.unit) ?? [];
    list.push(traineeRow(t, ps, vs, opts.returnWeeksGapDays, highlight));
    rowsByUnit.set(t.unit, list);
  }
  if (!group) return [...rowsByUnit.values()].flat();
  const out: Row[] = [];
  const units = [...scenario.units];
  for (const id of rowsByUnit.keys()) if (!units.some((u) => u.id === id)) units.push({ id, name: id, maxAway: 0 });
  for (const unit of units) {
    const rows = rowsByUnit.get(unit.id);
    if (!rows || rows.length === 0) continue;
    out.push({ type: 'group', key: `u:${unit.id}`, unit, count: rows.length, height: GROUP_HEIGHT });
    out.push(...rows);
  }
  return out;
}
