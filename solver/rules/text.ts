/** Small wording helpers shared by the rules' messages (Swedish first, English second). */
import { goalTitle } from '../domain/delmal.ts';
import { COURSE_NAMES, MILESTONE_NAMES, SPECIALTY_NAMES } from '../domain/specialties.ts';
import type { CourseId, MilestoneId, Specialty } from '../domain/schemas.ts';
import type { RuleContext, TraineeFacts } from '../plan/context.ts';
import { formatDay, type Day } from '../time/dates.ts';

/** Months with at most one decimal: "2,5" in Swedish, "2.5" in English; whole numbers without decimals. */
export function months(x: number, lang: 'sv' | 'en'): string {
  const r = Math.round(x * 10) / 10;
  const s = Number.isInteger(r) ? String(r) : r.toFixed(1);
  return lang === 'sv' ? s.replace('.', ',') : s;
}

export function monthWord(x: number, lang: 'sv' | 'en'): string {
  const n = months(x, lang);
  if (lang === 'sv') return `${n} ${n === '1' ? 'månad' : 'månader'}`;
  return `${n} ${n === '1' ? 'month' : 'months'}`;
}

/** Opens the message of a finding that lies before the planning day. */
export const HISTORY_TEXT = { sv: 'Före planeringsdagen: ', en: 'Before the planning day: ' } as const;
export function weekWord(x: number, lang: 'sv' | 'en'): string {
  const n = months(x, lang);
  if (lang === 'sv') return `${n} ${n === '1' ? 'vecka' : 'veckor'}`;
  return `${n} ${n === '1' ? 'week' : 'weeks'}`;
}

export function dayWord(n: number, lang: 'sv' | 'en'): string {
  if (lang === 'sv') return `${n} ${n === 1 ? 'dag' : 'dagar'}`;
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

export function period(from: Day, to: Day): string {
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}

/** The trainee as people name them ("Anna Andersson"); the id only for one the scenario does not know. */
export function who(facts: TraineeFacts | undefined, id: string): string {
  return facts ? facts.trainee.name : id;
}

/** The trainees of a cohort finding, by name: "Anna Andersson, Karl Berg". */
export function names(ctx: RuleContext, ids: readonly string[]): string {
  return list(ids.map((id) => who(ctx.facts.get(id), id)));
}

/** "1 ST-läkare är placerad" / "2 ST-läkare är placerade": the form that agrees with the count. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function specialty(s: Specialty | undefined, lang: 'sv' | 'en'): string {
  return s ? SPECIALTY_NAMES[s][lang] : lang === 'sv' ? 'okänd specialitet' : 'unknown specialty';
}

export function course(c: CourseId | undefined, lang: 'sv' | 'en'): string {
  return c ? COURSE_NAMES[c][lang] : lang === 'sv' ? 'okänd kurs' : 'unknown course';
}

export function milestone(m: MilestoneId | undefined, lang: 'sv' | 'en'): string {
  return m ? MILESTONE_NAMES[m][lang] : lang === 'sv' ? 'okänd milstolpe' : 'unknown milestone';
}

export function clinicName(ctx: RuleContext, id: string | undefined): string {
  if (id === undefined) return '?';
  return ctx.clinics.get(id)?.name ?? id;
}

export function unitName(ctx: RuleContext, id: string): string {
  return ctx.units.get(id)?.name ?? id;
}

export function list(items: string[]): string {
  return items.join(', ');
}

/** Delmål with their titles: "c7 Gynekologi och mödrahälsovård; c13 Psykisk sjukdom" (titles hold commas). */
export function goalList(codes: readonly string[], lang: 'sv' | 'en'): string {
  return codes.map((c) => [c, goalTitle(c)?.[lang]].filter(Boolean).join(' ')).join('; ');
}
