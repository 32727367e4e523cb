/**
 * Readers for the scenario and plan documents (formats.md). A reader either returns the document,
 * typed, or EVERY error it found, each naming its field (`trainees[3].start: not a date`); it never
 * throws on bad input and never changes the input. Extra fields are allowed (Randplan may add fields).
 *
 * First the TypeBox schema; then the checks a schema cannot express: real calendar dates, periods
 * that end before they start, duplicate ids, references between lists, the fields each placement
 * kind needs, and rule overrides against each rule's own parameter schema. The semantic checks run
 * even when the schema failed, guarding every access, so one pass shows the user everything.
 *
 * Free of Node APIs (the web imports it); file reading is in ./file.ts.
 */
import type { TSchema } from '@sinclair/typebox';
import { resolveParams } from '../domain/params.ts';
import { PROFILES, Plan, Scenario, SPECIALTIES } from '../domain/schemas.ts';
import { RULE_BY_ID } from '../rules/index.ts';
import { isIsoDate } from '../time/dates.ts';
import { schemaErrors } from './schema-errors.ts';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The years a date may fall in: a typo such as 9999-12-31 or 0001-01-01 is refused, not planned around. */
export const DATE_YEARS = { from: 1990, to: 2100 } as const;

export function inDateYears(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return year >= DATE_YEARS.from && year <= DATE_YEARS.to;
}

/** Date fields that pass the pattern but are not real dates (2027-02-30), or fall outside DATE_YEARS. */
function checkDate(errors: string[], value: unknown, path: string): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false; // the schema reports it
  if (!isIsoDate(value)) errors.push(`${path}: not a date (${value} does not exist)`);
  else if (!inDateYears(value)) errors.push(`${path}: ${value} is outside the years ${DATE_YEARS.from}–${DATE_YEARS.to}`);
  else return true;
  return false;
}

/** A `{from, to}` period: both real dates and `to` not before `from`. */
function checkPeriod(errors: string[], p: unknown, path: string): void {
  if (!isObj(p)) return;
  const okFrom = checkDate(errors, p.from, `${path}.from`);
  const okTo = checkDate(errors, p.to, `${path}.to`);
  if (okFrom && okTo && (p.to as string) < (p.from as string)) errors.push(`${path}.to: ${String(p.to)} is before from ${String(p.from)}`);
}

/** Ids must be unique within their list. */
function checkUnique(errors: string[], list: unknown[], path: string): Map<string, Obj> {
  const byId = new Map<string, Obj>();
  const firstIndex = new Map<string, number>();
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    const id = str(item.id);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first !== undefined) errors.push(`${path}[${i}].id: duplicate id "${id}" (also ${path}[${first}])`);
    else {
      firstIndex.set(id, i);
      byId.set(id, item);
    }
  });
  return byId;
}

/** The fields a placement of each kind needs, and the clinic it names. */
function checkPlacement(errors: string[], p: unknown, path: string, clinics: Map<string, Obj> | null): void {
  if (!isObj(p)) return;
  checkPeriod(errors, p, path);
  switch (p.kind) {
    case 'rotation':
      if (p.specialty === undefined) errors.push(`${path}.specialty: required for a rotation`);
      if (p.clinic === undefined) errors.push(`${path}.clinic: required for a rotation`);
      break;
    case 'course':
      if (p.course === undefined) errors.push(`${path}.course: required for a course`);
      break;
    case 'milestone':
      if (p.milestone === undefined) errors.push(`${path}.milestone: required for a milestone`);
      break;
  }
  const clinicId = str(p.clinic);
  if (clinics && clinicId !== undefined && !clinics.has(clinicId)) errors.push(`${path}.clinic: unknown clinic "${clinicId}"`);
}

function checkRules(errors: string[], doc: Obj): void {
  if (!isObj(doc.rules)) return;
  const profile = str(doc.profile);
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile)) return; // schema reports it
  // Unknown rules and parameters are errors (an override that silently does nothing is a typo);
  // the known ones are checked as they will be used: the profile's values with the overrides merged in.
  const known: Record<string, Obj> = {};
  for (const [ruleId, override] of Object.entries(doc.rules)) {
    const rule = RULE_BY_ID.get(ruleId);
    if (!rule) {
      errors.push(`rules.${ruleId}: unknown rule (known: ${[...RULE_BY_ID.keys()].join(', ')})`);
      continue;
    }
    if (!isObj(override)) continue; // the schema reports it
    const names = Object.keys((rule.params as TSchema & { properties?: Obj }).properties ?? {});
    const kept: Obj = {};
    for (const [key, value] of Object.entries(override)) {
      if (names.includes(key)) kept[key] = value;
      else errors.push(`rules.${ruleId}.${key}: unknown parameter${names.length ? ` (known: ${names.join(', ')})` : ' (this rule has none)'}`);
    }
    known[ruleId] = kept;
  }
  const resolved = resolveParams({ profile: profile as Scenario['profile'], rules: known as Scenario['rules'] }) as unknown as Obj;
  for (const ruleId of Object.keys(known)) {
    const found = schemaErrors(RULE_BY_ID.get(ruleId)!.params, resolved[ruleId] ?? {}, `rules.${ruleId}`);
    errors.push(...found);
    const r = resolved[ruleId];
    if (found.length > 0 || !isObj(r)) continue;
    for (const [lo, hi] of [
      ['min', 'max'],
      ['minMonths', 'maxMonths'],
    ] as const) {
      if (typeof r[lo] === 'number' && typeof r[hi] === 'number' && r[hi] < r[lo]) errors.push(`rules.${ruleId}.${hi}: must be ≥ ${lo} (${r[lo]})`);
    }
  }
}

export function readScenario(json: unknown): ReadResult<Scenario> {
  const errors = schemaErrors(Scenario, json);
  if (!isObj(json)) return { ok: false, errors };
  checkPeriod(errors, json.horizon, 'horizon');
  checkDate(errors, json.planFrom, 'planFrom');
  const clinics = checkUnique(errors, arr(json.clinics), 'clinics');
  arr(json.clinics).forEach((c, i) => {
    if (isObj(c)) arr(c.capacityChanges).forEach((ch, j) => checkPeriod(errors, ch, `clinics[${i}].capacityChanges[${j}]`));
  });
  const units = checkUnique(errors, arr(json.units), 'units');
  arr(json.units).forEach((u, i) => {
    if (isObj(u)) arr(u.maxAwayChanges).forEach((ch, j) => checkPeriod(errors, ch, `units[${i}].maxAwayChanges[${j}]`));
  });
  checkUnique(errors, arr(json.trainees), 'trainees');
  arr(json.trainees).forEach((t, i) => {
    if (!isObj(t)) return;
    const at = `trainees[${i}]`;
    const unit = str(t.unit);
    if (unit !== undefined && !units.has(unit)) errors.push(`${at}.unit: unknown unit "${unit}"`);
    checkDate(errors, t.start, `${at}.start`);
    const okEnd = checkDate(errors, t.plannedEnd, `${at}.plannedEnd`);
    if (okEnd && typeof t.start === 'string' && (t.plannedEnd as string) < t.start)
      errors.push(`${at}.plannedEnd: ${String(t.plannedEnd)} is before start ${t.start}`);
    const okLatest = checkDate(errors, t.latestEnd, `${at}.latestEnd`);
    if (okLatest && typeof t.start === 'string' && (t.latestEnd as string) <= t.start)
      errors.push(`${at}.latestEnd: ${String(t.latestEnd)} is not after start ${t.start}`);
    arr(t.employment).forEach((e, j) => {
      if (isObj(e)) checkDate(errors, e.from, `${at}.employment[${j}].from`);
    });
    arr(t.leave).forEach((l, j) => checkPeriod(errors, l, `${at}.leave[${j}]`));
    arr(t.wishes).forEach((w, j) => checkPeriod(errors, w, `${at}.wishes[${j}]`));
    const specialties = new Map<string, number>();
    arr(t.rotations).forEach((r, j) => {
      if (!isObj(r)) return;
      const s = str(r.specialty);
      if (s !== undefined && (SPECIALTIES as readonly string[]).includes(s)) {
        const first = specialties.get(s);
        if (first !== undefined) errors.push(`${at}.rotations[${j}].specialty: ${s} is listed twice (also rotations[${first}])`);
        else specialties.set(s, j);
      }
      if (Array.isArray(r.months) && typeof r.months[0] === 'number' && typeof r.months[1] === 'number' && r.months[1] < r.months[0])
        errors.push(`${at}.rotations[${j}].months: max ${r.months[1]} is below min ${r.months[0]}`);
    });
    arr(t.locked).forEach((p, j) => {
      checkPlacement(errors, p, `${at}.locked[${j}]`, clinics);
      if (!isObj(p)) return;
      const clinic = clinics.get(str(p.clinic) ?? '');
      if (clinic && typeof p.specialty === 'string' && clinic.specialty !== p.specialty)
        errors.push(`${at}.locked[${j}].clinic: "${String(clinic.id)}" is a ${String(clinic.specialty)} clinic, not ${p.specialty}`);
    });
  });
  checkRules(errors, json);
  return errors.length ? { ok: false, errors } : { ok: true, value: json as unknown as Scenario };
}

/**
 * Reads a plan; with a scenario, also checks that every placement names a trainee and clinic the
 * scenario has. (A rotation at a clinic of another specialty is left to the validator's `structure`
 * rule: the plan is readable, just wrong.)
 */
export function readPlan(json: unknown, scenario?: Scenario): ReadResult<Plan> {
  const errors = schemaErrors(Plan, json);
  if (!isObj(json)) return { ok: false, errors };
  const trainees = scenario ? new Set(scenario.trainees.map((t) => t.id)) : null;
  const clinics = scenario ? new Map<string, Obj>(scenario.clinics.map((c) => [c.id, c as unknown as Obj])) : null;
  arr(json.placements).forEach((p, i) => {
    const at = `placements[${i}]`;
    const t = isObj(p) ? str(p.trainee) : undefined;
    if (trainees && t !== undefined && !trainees.has(t)) errors.push(`${at}.trainee: unknown trainee "${t}"`);
    checkPlacement(errors, p, at, clinics);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: json as unknown as Plan };
}
