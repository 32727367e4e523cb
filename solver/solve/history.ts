/**
 * A region under way. On the planning day, what the current plan holds before it is history (done,
 * or under way) and what it holds in the agreed months after it is agreed with the clinics: both
 * stay exactly as they are. They join the trainees' locked placements, so every planner — the model,
 * greedy and placement completion — plans only the future, and the `locked` rule re-checks them.
 */
import { placementKey } from '../domain/identity.ts';
import { resolveParams } from '../domain/params.ts';
import type { Placement, Plan, PlanPlacement, Scenario } from '../domain/schemas.ts';
import { agreedUntil } from '../rules/planning-day.ts';
import { formatDay, parseDay, today } from '../time/dates.ts';

export interface Pinned {
  /** The scenario with its planning day set and history and agreed placements locked. */
  scenario: Scenario;
  /** Placements of the current plan kept as history or agreed (beyond those already locked). */
  kept: number;
}

/** The planning day: the scenario's, else `today` (ISO; default the real date in Sweden). */
export function planningDay(scenario: Scenario, todayIso?: string): string {
  return scenario.planFrom ?? todayIso ?? formatDay(today());
}

export function pinHistory(scenario: Scenario, current: Plan | undefined, todayIso?: string): Pinned {
  const planFrom = planningDay(scenario, todayIso);
  const until = formatDay(agreedUntil(parseDay(planFrom), resolveParams(scenario)['planning-day'].agreedMonths));
  const byTrainee = new Map<string, PlanPlacement[]>();
  for (const p of current?.placements ?? []) if (p.from < until) byTrainee.set(p.trainee, [...(byTrainee.get(p.trainee) ?? []), p]);
  let kept = 0;
  const trainees = scenario.trainees.map((t) => {
    const early = byTrainee.get(t.id);
    if (!early) return t;
    const locked = [...(t.locked ?? [])];
    const seen = new Set(locked.map((p) => placementKey(p)));
    for (const { trainee: _t, ...p } of early) {
      const placement = { ...p } as Placement & { locked?: boolean };
      delete placement.locked;
      if (seen.has(placementKey(placement))) continue;
      seen.add(placementKey(placement));
      locked.push(placement);
      kept++;
    }
    return { ...t, locked };
  });
  return { scenario: { ...scenario, planFrom, trainees }, kept };
}
