/**
 * An independent day-by-day check of the limits greedy must never break (capacity, unit away limit,
 * leave, locked placements), written plainly so that it does not share code with greedy or the rules.
 */
import type { Plan, Scenario } from '../../solver/domain/schemas.ts';
import { parseDay } from '../../solver/time/dates.ts';

export interface LimitBreach {
  what: 'capacity' | 'unit' | 'leave' | 'locked';
  id: string;
  day?: string;
}

export function limitBreaches(scenario: Scenario, plan: Plan): LimitBreach[] {
  const out: LimitBreach[] = [];
  const capacityOn = (clinicId: string, day: number): number => {
    const c = scenario.clinics.find((x) => x.id === clinicId)!;
    // formats.md: a change's capacity inside its period, the smallest where two changes overlap.
    const inside = (c.capacityChanges ?? []).filter((ch) => parseDay(ch.from) <= day && day <= parseDay(ch.to));
    return inside.length === 0 ? c.capacity : Math.min(...inside.map((ch) => ch.capacity));
  };
  const traineeUnit = new Map(scenario.trainees.map((t) => [t.id, t.unit]));
  const perClinicDay = new Map<string, number>();
  const perUnitDay = new Map<string, number>();
  for (const p of plan.placements) {
    if (p.kind !== 'rotation') continue;
    for (let d = parseDay(p.from); d <= parseDay(p.to); d++) {
      perClinicDay.set(`${p.clinic}|${d}`, (perClinicDay.get(`${p.clinic}|${d}`) ?? 0) + 1);
      const u = traineeUnit.get(p.trainee)!;
      perUnitDay.set(`${u}|${d}`, (perUnitDay.get(`${u}|${d}`) ?? 0) + 1);
    }
  }
  for (const [key, n] of perClinicDay) {
    const [clinic, day] = key.split('|') as [string, string];
    if (n > capacityOn(clinic, Number(day))) out.push({ what: 'capacity', id: clinic, day });
  }
  const maxAwayOn = (unitId: string, day: number): number => {
    const u = scenario.units.find((x) => x.id === unitId)!;
    const inside = (u.maxAwayChanges ?? []).filter((ch) => parseDay(ch.from) <= day && day <= parseDay(ch.to));
    return inside.length === 0 ? u.maxAway : Math.min(...inside.map((ch) => ch.maxAway));
  };
  for (const [key, n] of perUnitDay) {
    const [unit, day] = key.split('|') as [string, string];
    if (n > maxAwayOn(unit, Number(day))) out.push({ what: 'unit', id: unit, day });
  }
  for (const t of scenario.trainees) {
    const mine = plan.placements.filter((p) => p.trainee === t.id);
    for (const l of t.leave ?? []) {
      for (const p of mine) {
        if (parseDay(p.from) <= parseDay(l.to) && parseDay(l.from) <= parseDay(p.to)) out.push({ what: 'leave', id: t.id, day: p.from });
      }
    }
    for (const l of t.locked ?? []) {
      const kept = mine.some((p) => JSON.stringify({ ...p, trainee: undefined }) === JSON.stringify({ ...l, trainee: undefined }));
      if (!kept) out.push({ what: 'locked', id: t.id, day: l.from });
    }
  }
  return out;
}
