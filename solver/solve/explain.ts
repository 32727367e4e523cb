/**
 * Why no plan exists, in words a studierektor reads: which rules, and whose placements, collide.
 * Three sources, each a proof for the model: a trainee with no schedule even alone (their own time,
 * leave, locked placements and rule windows collide); locked placements that already overfill a clinic
 * or unit; and clinic/unit slots that the column-generation master, at its optimum, can only satisfy
 * with "over capacity" places — named with the trainees whose schedules compete for them.
 */
import { PLAN_FORMAT, type Explanation, type Scenario, type Violation } from '../domain/schemas.ts';
import { validate } from '../validate.ts';
import { SPECIALTY_NAMES } from '../domain/specialties.ts';
import { formatDay } from '../time/dates.ts';
import type { Overload } from './cohort.ts';
import type { CohortModel, TraineeModel } from './model.ts';
import { bestSchedule } from './pricing.ts';
import { who } from '../rules/text.ts';

/** A trainee's name, as every message names people (the explanation's `trainees` keep the ids). */
function nameOf(m: CohortModel, id: string): string {
  const i = m.traineeIndex.get(id);
  return who(i === undefined ? undefined : m.trainees[i]!.facts, id);
}

function list(ids: string[], max = 8): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} …`;
}

function conj(ids: string[], and: string): string {
  if (ids.length <= 1) return ids.join('');
  const shown = ids.slice(0, 8);
  const more = ids.length > 8 ? ` (+${ids.length - 8})` : '';
  return `${shown.slice(0, -1).join(', ')} ${and} ${shown[shown.length - 1]}${more}`;
}

/** Why one trainee has no schedule, even with every place free. */
export function explainTrainee(m: CohortModel, t: TraineeModel): Explanation {
  const end = formatDay(t.facts.planLimit);
  const startRot = formatDay(Math.max(t.earliest, m.planFrom ?? t.earliest));
  // The last day is the trainee's latest end when one is set, else the end of ST with the longest extension.
  const limit = t.facts.latestEnd !== null ? 'latest-end' : 'extension';
  const limitText =
    t.facts.latestEnd !== null
      ? { sv: `senaste slutdatum ${end}`, en: `the latest end ${end}` }
      : { sv: `slutet av ST med längsta förlängning, ${end}`, en: `the end of ST with the longest extension, ${end}` };
  for (const item of t.items) {
    const name = SPECIALTY_NAMES[item.specialty];
    if (item.clinics.length === 0) {
      return {
        rules: ['required-rotations', 'clinic-capacity'],
        trainees: [t.id],
        clinics: [],
        units: [],
        message: {
          sv: `${who(t.facts, t.id)} behöver ${name.sv.toLowerCase()}, men regionen har ingen klinik för ${name.sv.toLowerCase()}.`,
          en: `${who(t.facts, t.id)} needs ${name.en.toLowerCase()}, but the region has no ${name.en.toLowerCase()} clinic.`,
        },
      };
    }
    if (!item.grid.some((o) => o) && !item.shortGrid?.some((o) => o) && !item.keepOption) {
      return {
        rules: item.bt ? ['required-rotations', 'availability', 'locked'] : ['initial-vc', 'availability', limit, 'locked'],
        trainees: [t.id],
        clinics: [],
        units: [],
        message: {
          sv: `${who(t.facts, t.id)}: ${name.sv} (${item.months} mån heltid) ryms inte någonstans mellan ${item.bt ? formatDay(t.facts.start) : startRot} och ${item.bt ? formatDay(t.facts.btDeadline) : limitText.sv} utan att krocka med ledighet, låsta placeringar eller tid för egen BVC/SÄBO.`,
          en: `${who(t.facts, t.id)}: ${name.en} (${item.months} full-time months) fits nowhere between ${item.bt ? formatDay(t.facts.start) : startRot} and ${item.bt ? formatDay(t.facts.btDeadline) : limitText.en} without colliding with leave, locked placements or time for own BVC/SÄBO.`,
        },
      };
    }
  }
  const names = t.items.map((i) => SPECIALTY_NAMES[i.specialty]);
  return {
    rules: ['required-rotations', 'max-away', limit, 'availability'],
    trainees: [t.id],
    clinics: [],
    units: [],
    message: {
      sv: `${who(t.facts, t.id)}: ${names.map((n) => n.sv.toLowerCase()).join(', ')} ryms inte efter varandra (med återvändarveckor) mellan ${startRot} och ${limitText.sv}.`,
      en: `${who(t.facts, t.id)}: ${names.map((n) => n.en.toLowerCase()).join(', ')} do not fit one after another (with return weeks) between ${startRot} and ${limitText.en}.`,
    },
  };
}

interface Run {
  resource: number;
  from: number;
  to: number;
  limit: number;
  trainees: Set<string>;
  fixed: boolean;
}

/** Joins overloaded slots of one clinic or unit into periods. */
function runs(m: CohortModel, rows: { row: number; trainees: string[]; fixed: boolean }[]): Run[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const out: Run[] = [];
  for (const r of sorted) {
    const resource = Math.floor(r.row / m.nSlots);
    const slot = m.slot0 + (r.row % m.nSlots);
    const limit = m.resources[resource]!.limit[r.row % m.nSlots]!;
    const last = out[out.length - 1];
    // Limits are checked on some days only (model.ts `checked`): a run goes on to the next checked day.
    if (last && last.resource === resource && nextChecked(m, resource, last.to) >= slot && last.fixed === r.fixed) {
      last.to = slot;
      last.limit = Math.min(last.limit, limit);
      for (const id of r.trainees) last.trainees.add(id);
    } else out.push({ resource, from: slot, to: slot, limit, trainees: new Set(r.trainees), fixed: r.fixed });
  }
  return out;
}

/** The first checked day of a resource after day d (d + 1 for a fixed placement's overfull days). */
function nextChecked(m: CohortModel, resource: number, d: number): number {
  let e = d + 1;
  while (e - m.slot0 < m.nSlots && !m.checked[resource * m.nSlots + e - m.slot0]) e++;
  return e;
}

function runExplanation(m: CohortModel, run: Run): Explanation {
  const res = m.resources[run.resource]!;
  const ids = [...run.trainees].sort();
  const from = formatDay(run.from);
  const to = formatDay(run.to);
  const isClinic = res.kind === 'clinic';
  const placesSv = isClinic ? `${run.limit} ${run.limit === 1 ? 'plats' : 'platser'}` : `en gräns på ${run.limit} samtidigt borta`;
  const placesEn = isClinic ? `${run.limit} ${run.limit === 1 ? 'place' : 'places'}` : `a limit of ${run.limit} away at once`;
  const why = run.fixed
    ? { sv: 'har redan låsta placeringar där', en: 'already have locked placements there' }
    : isClinic
      ? { sv: 'behöver den då för att hinna med sina randningar i tid', en: 'all need it then to fit their rotations in time' }
      : { sv: 'behöver vara borta samtidigt för att hinna med sina randningar', en: 'all need to be away then to fit their rotations' };
  return {
    rules: [isClinic ? 'clinic-capacity' : 'unit-away-limit', ...(run.fixed ? ['locked'] : ['required-rotations', 'minimum-time'])],
    trainees: ids,
    clinics: isClinic ? [res.id] : [],
    units: isClinic ? [] : [res.id],
    message: {
      sv: `${res.name} har ${placesSv} ${from} – ${to}, men ${conj(ids.map((id) => nameOf(m, id)), 'och')} ${why.sv}.`,
      en: `${res.name} has ${placesEn} ${from} – ${to}, but ${conj(ids.map((id) => nameOf(m, id)), 'and')} ${why.en}.`,
    },
  };
}

/** Locked placements that by themselves overfill a clinic or unit. */
export function explainLocked(m: CohortModel): Explanation[] {
  const rows: { row: number; trainees: string[]; fixed: boolean }[] = [];
  m.resources.forEach((r, ri) => {
    for (const s of r.overfull) rows.push({ row: ri * m.nSlots + (s - m.slot0), trainees: r.fixedBy(s), fixed: true });
  });
  return runs(m, rows).map((run) => runExplanation(m, run));
}

/** The master's overloads at its optimum, as periods per clinic or unit. */
export function explainOverloads(m: CohortModel, overloads: Overload[]): Explanation[] {
  const rows = overloads.map((o) => ({
    row: o.row,
    trainees: [
      ...o.trainees.map((i) => m.trainees[i]!.id),
      ...m.resources[Math.floor(o.row / m.nSlots)]!.fixedBy(m.slot0 + (o.row % m.nSlots)),
    ],
    fixed: false,
  }));
  return runs(m, rows).slice(0, 6).map((run) => runExplanation(m, run));
}

/** For trainees the repair could not place: the full clinic/unit periods their best schedule would need. */
export function explainUnplaced(m: CohortModel, unplaced: number[], occupied: Map<number, string[]>): Explanation[] {
  const out: Explanation[] = [];
  for (const i of unplaced.slice(0, 5)) {
    const t = m.trainees[i]!;
    const p = bestSchedule(m, t, { dual: null, free: null });
    if (!p) {
      out.push(explainTrainee(m, t));
      continue;
    }
    const freeAt = (r: number) => m.resources[Math.floor(r / m.nSlots)]!.free[r % m.nSlots]!;
    const rows = p.column.rows
      .filter((r) => freeAt(r) - (occupied.get(r)?.length ?? 0) < 1)
      .map((r) => ({ row: r, trainees: [t.id, ...(occupied.get(r) ?? [])], fixed: false }));
    for (const run of runs(m, rows).slice(0, 2)) out.push(runExplanation(m, run));
  }
  const ids = unplaced.map((i) => m.trainees[i]!.id);
  out.unshift({
    rules: ['clinic-capacity', 'unit-away-limit'],
    trainees: ids,
    clinics: [],
    units: [],
    message: {
      sv: `Ingen giltig plan hittades för ${list(ids.map((id) => nameOf(m, id)))}: platserna räcker inte med övrigas placeringar som de ligger.`,
      en: `No valid plan was found for ${list(ids.map((id) => nameOf(m, id)))}: the places do not suffice with everyone else's placements as they are.`,
    },
  });
  return out;
}

/**
 * Hard violations of the returned plan that the locked placements commit on their own (two locked
 * placements of one trainee overlapping, locked rotations overfilling a clinic …): no plan can mend
 * them, since locked placements never move. Each becomes an explanation; [] when some hard violation
 * of the plan is not the locked placements' doing (then it is the solver's, and a bug).
 */
export function explainLockedViolations(scenario: Scenario, hard: Violation[]): Explanation[] {
  const lockedOnly = validate(scenario, {
    format: PLAN_FORMAT,
    placements: scenario.trainees.flatMap((t) => (t.locked ?? []).map((p) => ({ trainee: t.id, ...p }))),
  });
  const key = (v: Violation) => JSON.stringify([v.rule, v.trainees, v.clinic, v.unit, v.from, v.to]);
  const byLocked = new Set(lockedOnly.violations.filter((v) => v.severity === 'hard').map(key));
  if (!hard.every((v) => byLocked.has(key(v)))) return [];
  return hard.map((v) => ({
    rules: [v.rule, 'locked'],
    trainees: v.trainees,
    clinics: v.clinic ? [v.clinic] : [],
    units: v.unit ? [v.unit] : [],
    message: {
      sv: `Låsta placeringar bryter redan regeln: ${v.message.sv} Låsta placeringar flyttas aldrig; lås upp eller ändra dem.`,
      en: `Locked placements already break the rule: ${v.message.en} Locked placements never move; unlock or change them.`,
    },
  }));
}
