/**
 * From a trainee's chosen rotations to the plan's placements, completed for the IUP: own BVC after
 * pediatrics (with the BVC course between), SÄBO in the second half, the courses in their windows and
 * the Mitt-i-ST milestone in its window (rules/mid-st.ts). These run from the VC and hold no clinic place,
 * so they are placed per trainee after the rotations, in free VC time (not on leave, not overlapping
 * a rotation, each other, or the return weeks inside a split rotation).
 */
import type { CourseId, MilestoneId, PlanPlacement } from '../domain/schemas.ts';
import { WRITTEN_WORK_MONTHS } from '../domain/delmal.ts';
import { COURSES } from '../domain/schemas.ts';
import type { Interval } from '../plan/context.ts';
import { courseDays } from '../rules/course-windows.ts';
import { midStWindow } from '../rules/mid-st.ts';
import { ownBvcKeepsRule, ownBvcPeriod } from '../rules/pediatrics-before-bvc.ts';
import { saboKeepsRule, saboPeriod } from '../rules/sabo-second-half.ts';
import { formatDay, isWeekend, parseDay, type Day } from '../time/dates.ts';
import type { CohortModel, TraineeModel } from './model.ts';
import type { Column } from './pricing.ts';
import { slotAtOrAfter, slotStart } from './grid.ts';

const COURSE_DAYS = 5;

class Busy {
  private list: Interval[] = [];
  add(from: Day, to: Day): void {
    this.list.push({ from, to });
  }
  free(from: Day, to: Day): boolean {
    for (const x of this.list) if (x.from <= to && from <= x.to) return false;
    return true;
  }
}

/** All placements of one trainee: fixed ones as given, then the chosen rotations and the VC-based rest. */
export function traineePlacements(m: CohortModel, t: TraineeModel, col: Column | null): PlanPlacement[] {
  const out: PlanPlacement[] = t.fixed.map((p) => ({ ...p }));
  // A fixed-mode trainee (one-trainee solves: everyone else) keeps exactly what they have.
  if (t.frozen) return out;
  const f = t.facts;
  const cal = f.calendar;
  const params = m.params;
  const busy = new Busy();
  for (const p of t.fixed) busy.add(parseDay(p.from), parseDay(p.to));
  const rotations: { specialty: string; from: Day; to: Day }[] = [];
  for (const p of t.fixed) if (p.kind === 'rotation' && p.specialty) rotations.push({ specialty: p.specialty, from: parseDay(p.from), to: parseDay(p.to) });
  // Where the trainee is away on a rotation the current plan did not have (with its return weeks): what
  // the current plan put there was planned for VC time that is gone.
  const current = m.current.get(t.id) ?? [];
  const before = new Set(current.filter((p) => p.kind === 'rotation').map((p) => `${p.specialty}|${p.from}|${p.to}`));
  const newlyAway: Interval[] = [];
  for (const p of t.fixed) if (p.kind === 'rotation' && !before.has(`${p.specialty}|${p.from}|${p.to}`)) newlyAway.push({ from: parseDay(p.from), to: parseDay(p.to) });

  for (const ch of col?.choices ?? []) {
    const item = t.items[ch.item]!;
    const clinic = m.scenario.clinics[ch.clinic]!;
    const parts = ch.option.parts;
    // The whole span (return weeks included) stays clear of VC-based placements.
    busy.add(parts[0]!.from, parts[parts.length - 1]!.to);
    if (parts.some((p) => !before.has(`${item.specialty}|${formatDay(p.from)}|${formatDay(p.to)}`))) newlyAway.push({ from: parts[0]!.from, to: parts[parts.length - 1]!.to });
    for (const p of parts) {
      out.push({ trainee: t.id, kind: 'rotation', specialty: item.specialty, clinic: clinic.id, from: formatDay(p.from), to: formatDay(p.to) });
      rotations.push({ specialty: item.specialty, from: p.from, to: p.to });
    }
  }

  // Nothing new before the planning day; past the end of ST as far as the extension allows.
  const first = Math.max(f.start, m.planFrom ?? f.start);
  const last = f.planLimit;
  const usable = (from: Day, to: Day, until: Day = last) => to <= until && from >= first && !cal.hasLeave(from, to) && busy.free(from, to);
  // Own BVC and SÄBO end by the end of ST where they fit; only where they do not, they extend it.
  const bounds = [f.lastDay, last];
  // Kept SÄBO, courses and milestones: new courses and milestones go around them; new own BVC and SÄBO
  // may still lie over them, as when all are placed afresh (BVC and SÄBO first, events after).
  const kept = new Busy();
  const usableForEvent = (from: Day, to: Day) => usable(from, to) && kept.free(from, to);
  const has = (kind: PlanPlacement['kind'], course?: CourseId) =>
    out.some((p) => p.kind === kind && (course === undefined || p.course === course));
  const place = (p: Omit<PlanPlacement, 'trainee' | 'from' | 'to'>, from: Day, to: Day) => {
    out.push({ trainee: t.id, ...p, from: formatDay(from), to: formatDay(to) } as PlanPlacement);
    busy.add(from, to);
  };
  const overlaps = (list: readonly Interval[], from: Day, to: Day) => list.some((x) => x.from <= to && from <= x.to);
  /**
   * Minimal change: a VC-based placement of the current plan stays wherever the rules still allow it
   * (structure: own BVC and SÄBO never on a rotation's days, courses and milestones may lie inside
   * anything; plus the kind's own rule, `ok`) and no rotation moved onto it. All of them are kept before
   * anything is placed afresh, so new placements go around the kept ones, not the other way round.
   * Checked against the rules rather than `usable`, which is the stricter taste of fresh placement: own
   * BVC and SÄBO run side by side, an event inside a rotation the current plan already had stays.
   */
  const keepCurrent = (kind: PlanPlacement['kind'], ok: (from: Day, to: Day) => boolean, key?: { course?: CourseId; milestone?: string }): boolean => {
    const p = current.find((c) => c.kind === kind && (key?.course === undefined || c.course === key.course) && (key?.milestone === undefined || c.milestone === key.milestone));
    if (!p) return false;
    const from = parseDay(p.from);
    const to = parseDay(p.to);
    if (to > last || from < f.start || cal.hasLeave(from, to) || overlaps(newlyAway, from, to) || !ok(from, to)) return false;
    if ((kind === 'bvc' || kind === 'sabo') && overlaps(rotations, from, to)) return false;
    out.push({ ...p });
    // The BVC course comes before own BVC and SÄBO when placed afresh too; own BVC holds nothing (SÄBO
    // and events may lie inside it, as below).
    if (kind === 'course' && p.course === 'bvc') busy.add(from, to);
    else if (kind !== 'bvc') kept.add(from, to);
    return true;
  };
  /** The first Monday-to-Friday week starting on or after `from` that ends by `until` and is free. */
  const courseWeek = (from: Day, until: Day): Day | null => {
    // Day 0 (1970-01-01) was a Thursday: Monday is (d + 3) % 7 === 0.
    let d = from + ((7 - ((from + 3) % 7)) % 7);
    for (; d + COURSE_DAYS - 1 <= until; d += 7) if (usableForEvent(d, d + COURSE_DAYS - 1)) return d;
    return null;
  };

  const peds = rotations.filter((r) => r.specialty === 'pediatrik');
  const pedsEnd = peds.length ? Math.max(...peds.map((r) => r.to)) : null;
  const lockedBvc = t.fixed.find((p) => p.kind === 'bvc');
  const afterPeds = (from: Day) => pedsEnd === null || from > pedsEnd;
  const bvcMin = (from: Day, to: Day) => ownBvcKeepsRule({ from, to }, pedsEnd, params['pediatrics-before-bvc']);
  const saboOk = (from: Day, to: Day) => saboKeepsRule({ from, to }, f, params['sabo-second-half']);
  const midWindow = midStWindow(f, params['mid-st']);
  const midOk = (from: Day) => midWindow.from <= from && from <= midWindow.to;
  const hasMid = () => out.some((p) => p.kind === 'milestone' && p.milestone === 'mitt-i-st');
  if (!has('course', 'bvc')) keepCurrent('course', afterPeds, { course: 'bvc' });
  const keptBvc = !lockedBvc && keepCurrent('bvc', bvcMin);
  if (!has('sabo')) keepCurrent('sabo', saboOk);
  if (!hasMid()) keepCurrent('milestone', midOk, { milestone: 'mitt-i-st' });
  // The current plan's date for a course stays when still free (its window is advice only).
  for (const course of COURSES) if (course !== 'bvc' && !has('course', course)) keepCurrent('course', () => true, { course });

  // BVC course right after pediatrics, then own BVC.
  let bvcStart: Day | null = lockedBvc ? parseDay(lockedBvc.from) : keptBvc ? parseDay(out.find((p) => p.kind === 'bvc')!.from) : null;
  if (!has('course', 'bvc') && pedsEnd !== null) {
    const w = courseWeek(pedsEnd + 1, (bvcStart ?? last) - 1);
    if (w !== null) place({ kind: 'course', course: 'bvc' }, w, w + COURSE_DAYS - 1);
  }
  if (!lockedBvc && !keptBvc) {
    // Own BVC: the earliest free window after pediatrics (and its course), trying every Monday and
    // every day right after a rotation, so gaps between rotations are used to the day.
    const course = out.find((p) => p.kind === 'course' && p.course === 'bvc');
    // Every trainee needs own BVC; after pediatrics when there is one, else after the initial VC period.
    const after = pedsEnd !== null ? pedsEnd + 1 : Math.max(f.start, f.initialVcEnd + 1);
    const starts = new Set<Day>();
    for (let s = slotAtOrAfter(after); slotStart(s) <= last; s++) starts.add(slotStart(s));
    for (const r of rotations) if (r.to + 1 >= after) starts.add(r.to + 1);
    if (course) starts.add(parseDay(course.to) + 1);
    starts.add(after);
    const inReserve = (from: Day, to: Day) => t.saboReserve !== null && t.saboReserve.from <= to && from <= t.saboReserve.to;
    const tryStarts = [...starts].sort((a, b) => a - b);
    const bvcAt = (d: Day) => ownBvcPeriod(d, params['pediatrics-before-bvc']);
    for (const until of bounds) {
      if (bvcStart !== null) break;
      for (const avoidReserve of [true, false]) {
        const from = tryStarts.find((d) => {
          const { to } = bvcAt(d);
          return usable(d, to, until) && !(avoidReserve && inReserve(d, to));
        });
        if (from !== undefined) {
          // Not marked busy: SÄBO may run side by side with own BVC (both from the VC).
          out.push({ trainee: t.id, kind: 'bvc', from: formatDay(from), to: formatDay(bvcAt(from).to) });
          bvcStart = from;
          break;
        }
      }
    }
  }
  if (!has('sabo')) {
    const firstTry = t.saboReserve?.from ?? f.secondHalf;
    const tryAt = (from: Day, until: Day = last) => {
      const { to } = saboPeriod(from, params['sabo-second-half']);
      return usable(from, to, until) ? to : null;
    };
    let placed = false;
    for (const until of bounds) {
      for (const from of placed ? [] : [f.secondHalf, ...slotStarts(slotAtOrAfter(f.secondHalf), until)]) {
        const to = tryAt(from, until);
        if (to !== null) {
          place({ kind: 'sabo' }, from, to);
          placed = true;
          break;
        }
      }
    }
    if (!placed && t.saboReserve) {
      const to = tryAt(firstTry);
      if (to !== null) place({ kind: 'sabo' }, firstTry, to);
    }
  }

  /**
   * A milestone's day in [from, until]: the first working day at the VC, else (rotations fill the
   * window; a milestone may lie inside one, as the rules allow) the first working day not on leave.
   */
  const milestoneDay = (from: Day, until: Day): Day | null => {
    for (const atVc of [true, false]) {
      for (let d = Math.max(from, first); d <= until; d++) {
        if (!isWeekend(d) && cal.rate(d) > 0 && (atVc ? usableForEvent(d, d) : !cal.hasLeave(d, d))) return d;
      }
    }
    return null;
  };
  if (!hasMid()) {
    // Inside its window; where none is left (the trainee's time is short), as near after it as ST allows.
    const d = milestoneDay(midWindow.from, midWindow.to) ?? milestoneDay(midWindow.from, last);
    if (d !== null) place({ kind: 'milestone', milestone: 'mitt-i-st' }, d, d);
  }
  const midDay = out.find((p) => p.kind === 'milestone' && p.milestone === 'mitt-i-st');
  const midStDay = midDay ? parseDay(midDay.from) : null;

  const windows = params['course-windows'].windows;
  // Courses begin after the first two weeks when ST opens at the VC.
  const firstCourseDay = f.initialVcEnd >= f.start ? f.start + 14 : f.start;
  for (const course of COURSES) {
    if (course === 'bvc' || has('course', course)) continue;
    const days = courseDays(windows[course], f, { midSt: midStDay, pediatricsEnd: pedsEnd, bvcStart });
    if (days === null) continue;
    const d = courseWeek(Math.max(days.from, firstCourseDay), Math.min(days.to, last));
    if (d !== null) place({ kind: 'course', course }, d, d + COURSE_DAYS - 1);
  }
  // Other short events of the current plan (quality project, scientific work …) stay where they are, if
  // they still fall inside ST, not on leave and not under a rotation the current plan did not have.
  for (const p of current) {
    if (p.kind !== 'milestone' && p.kind !== 'course') continue;
    if (out.some((o) => o.kind === p.kind && o.course === p.course && o.milestone === p.milestone)) continue;
    const from = parseDay(p.from);
    const to = parseDay(p.to);
    if (from >= f.start && to <= last && !cal.hasLeave(from, to) && !overlaps(newlyAway, from, to)) out.push({ ...p });
  }
  // The written work (a4, a5): a milestone from its target on.
  for (const [milestone, target] of Object.entries(WRITTEN_WORK_MONTHS) as [MilestoneId, number][]) {
    if (out.some((p) => p.kind === 'milestone' && p.milestone === milestone)) continue;
    const d = milestoneDay(cal.dayReaching(f.start, Math.max(0, target - f.creditMonths)), last);
    if (d !== null) place({ kind: 'milestone', milestone }, d, d);
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function slotStarts(from: number, lastDay: Day): Day[] {
  const out: Day[] = [];
  for (let s = from; slotStart(s) <= lastDay; s++) out.push(slotStart(s));
  return out;
}
