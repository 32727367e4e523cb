/**
 * A region under way. On the planning day, what the current plan holds before it is history (done,
 * or under way) and what it holds in the agreed months after it is agreed with the clinics: both
 * stay exactly as they are. They join the trainees' locked placements, so every planner — the model,
 * greedy and placement completion — plans only the future, and the `locked` rule re-checks them.
 *
 * The studierektor may release agreed placements before a solve: those are then planned like the
 * rest of the future. History and the trainees' own locked placements are never released.
 */
import { lockedKeys, placementKey } from '../domain/identity.ts';
import { resolveParams } from '../domain/params.ts';
import type { Placement, Plan, PlanPlacement, Scenario } from '../domain/schemas.ts';
import { agreedUntil } from '../rules/planning-day.ts';
import { formatDay, parseDay, today } from '../time/dates.ts';

export interface Pinned {
  /** The scenario with its planning day set and history and agreed placements locked. */
  scenario: Scenario;
  /** Placements of the current plan kept as history or agreed (beyond those already locked). */
  kept: number;
  /** The agreed placements kept (starting in the agreed months, not released), in the current plan's order. */
  agreed: PlanPlacement[];
  /** Agreed placements released: planned like the rest of the future. */
  released: number;
}

/** What the current plan holds that a solve on the planning day keeps, beyond the trainees' locked placements. */
export interface Frozen {
  planFrom: string;
  /** The first day after the agreed months. */
  until: string;
  /** Placements that began before the planning day: done or under way. */
  history: PlanPlacement[];
  /** Placements that start in the agreed months: kept unless released. */
  agreed: PlanPlacement[];
}

/** The planning day: the scenario's, else `today` (ISO; default the real date in Sweden). */
export function planningDay(scenario: Scenario, todayIso?: string): string {
  return scenario.planFrom ?? todayIso ?? formatDay(today());
}

/**
 * The current plan's history and agreed placements, once each, leaving out what the trainee has locked;
 * of the trainees in `only` when given (a solve of one trainee keeps everyone else's plan as it is).
 */
export function frozenPlacements(scenario: Scenario, current: Plan | undefined, todayIso?: string, only?: ReadonlySet<string>): Frozen {
  const planFrom = planningDay(scenario, todayIso);
  const until = formatDay(agreedUntil(parseDay(planFrom), resolveParams(scenario)['planning-day'].agreedMonths));
  const seen = lockedKeys(scenario, only);
  const trainees = only ?? new Set(scenario.trainees.map((t) => t.id));
  const frozen: Frozen = { planFrom, until, history: [], agreed: [] };
  for (const stored of current?.placements ?? []) {
    const { locked: _l, ...p } = stored as PlanPlacement & { locked?: boolean };
    if (p.from >= until || !trainees.has(p.trainee) || seen.has(placementKey(p))) continue;
    seen.add(placementKey(p));
    (p.from < planFrom ? frozen.history : frozen.agreed).push(p);
  }
  return frozen;
}

/** Why the placements asked to be released cannot be, one message each, naming the entry; empty when all can. */
export function releaseErrors(scenario: Scenario, frozen: Frozen, release: PlanPlacement[]): string[] {
  if (release.length === 0) return [];
  const agreed = new Set(frozen.agreed.map((p) => placementKey(p)));
  const history = new Set(frozen.history.map((p) => placementKey(p)));
  const locked = lockedKeys(scenario);
  const errors: string[] = [];
  release.forEach((p, i) => {
    const k = placementKey(p);
    if (agreed.has(k)) return;
    const what = `release[${i}]: ${describe(p)}`;
    if (!scenario.trainees.some((t) => t.id === p.trainee)) errors.push(`release[${i}].trainee: no trainee with id "${p.trainee}" in the scenario`);
    else if (locked.has(k)) errors.push(`${what} is locked (agreed with the clinic or done) and cannot be released; unlock it first`);
    else if (history.has(k)) errors.push(`${what} began before the planning day ${frozen.planFrom}: it is history and cannot be released`);
    else errors.push(`${what} is not a placement of the current plan in the agreed months (${frozen.planFrom} to ${frozen.until})`);
  });
  return errors;
}

/**
 * The scenario with the current plan's history and agreed placements locked, except those in
 * `release`; of the trainees in `only` when given. Throws an Error naming each entry of `release` that
 * is not an agreed placement (or, with `only`, not one of theirs).
 */
export function pinHistory(scenario: Scenario, current: Plan | undefined, todayIso?: string, release: PlanPlacement[] = [], only?: ReadonlySet<string>): Pinned {
  const frozen = frozenPlacements(scenario, current, todayIso, only);
  const others = only ? release.flatMap((p, i) => (only.has(p.trainee) ? [] : [`release[${i}].trainee: this solve plans only ${[...only].join(', ')}; "${p.trainee}" keeps the current plan`])) : [];
  const errors = others.length > 0 ? others : releaseErrors(scenario, frozen, release);
  if (errors.length > 0) throw new Error(errors.join('; '));
  const releasedKeys = new Set(release.map((p) => placementKey(p)));
  const agreed = frozen.agreed.filter((p) => !releasedKeys.has(placementKey(p)));
  const keep = new Map<string, Placement[]>();
  for (const { trainee, ...p } of [...frozen.history, ...agreed]) keep.set(trainee, [...(keep.get(trainee) ?? []), p]);
  const trainees = scenario.trainees.map((t) => (keep.has(t.id) ? { ...t, locked: [...(t.locked ?? []), ...keep.get(t.id)!] } : t));
  return {
    scenario: { ...scenario, planFrom: frozen.planFrom, trainees },
    kept: frozen.history.length + agreed.length,
    agreed,
    released: frozen.agreed.length - agreed.length,
  };
}

/** A placement as the release errors name it: trainee, what, where, when. */
function describe(p: PlanPlacement): string {
  return [p.trainee, p.kind, p.specialty, p.course, p.milestone, p.clinic, `${p.from}–${p.to}`].filter((x) => x !== undefined).join(' ');
}
