/**
 * The readable summary `randplan validate` prints: per trainee the end of ST, side-rotation months
 * and the hard violations and advice that concern that trainee alone; then the findings that concern
 * several trainees at once (a full clinic, a unit with too many away), grouped by rule with the rule's
 * own statement; then a total line.
 */
import type { Report, Scenario, Violation } from '../domain/schemas.ts';
import { resolveParams } from '../domain/params.ts';
import { RULE_BY_ID, ruleName, statementOf } from '../rules/index.ts';
import type { Lang } from './io.ts';

const T = {
  sv: {
    heading: (plan: string, n: number, p: number) => `Kontroll av ${plan}: ${n} ST-läkare, ${p} placeringar`,
    end: 'ST klar',
    side: 'sidotjänstgöring',
    months: 'heltidsmånader',
    ok: 'inga anmärkningar',
    hard: 'Hårda regelbrott',
    advice: 'Råd',
    shared: 'Kliniker, enheter och flera ST-läkare',
    valid: 'Planen håller alla hårda regler.',
    invalid: 'Planen bryter mot hårda regler.',
    total: (h: number, a: number, t: number, n: number) =>
      `Totalt: ${h} ${h === 1 ? 'hårt regelbrott' : 'hårda regelbrott'}, ${a} råd; ${t} av ${n} ST-läkare berörs.`,
  },
  en: {
    heading: (plan: string, n: number, p: number) => `Checking ${plan}: ${n} trainees, ${p} placements`,
    end: 'end of ST',
    side: 'side rotations',
    months: 'full-time months',
    ok: 'no remarks',
    hard: 'Hard violations',
    advice: 'Advice',
    shared: 'Clinics, units and several trainees',
    valid: 'The plan keeps every hard rule.',
    invalid: 'The plan breaks hard rules.',
    total: (h: number, a: number, t: number, n: number) =>
      `Total: ${h} hard ${h === 1 ? 'violation' : 'violations'}, ${a} advice; ${t} of ${n} trainees concerned.`,
  },
} as const;

function num(x: number, lang: Lang): string {
  const s = (Math.round(x * 10) / 10).toFixed(1);
  return lang === 'sv' ? s.replace('.', ',') : s;
}

function bullet(v: Violation, lang: Lang): string {
  return `    • [${ruleName(v.rule, lang)}] ${v.message[lang]}`;
}

/** Hard first, then advice, each under its heading; nothing when the list is empty. */
function section(violations: Violation[], lang: Lang, indent: string): string[] {
  const out: string[] = [];
  for (const severity of ['hard', 'advice'] as const) {
    const vs = violations.filter((v) => v.severity === severity);
    if (vs.length === 0) continue;
    out.push(`${indent}${severity === 'hard' ? T[lang].hard : T[lang].advice} (${vs.length}):`);
    for (const v of vs) out.push(bullet(v, lang));
  }
  return out;
}

export function formatReport(report: Report, scenario: Scenario, planLabel: string, placements: number, lang: Lang): string {
  const t = T[lang];
  const names = new Map(scenario.trainees.map((x) => [x.id, x]));
  const units = new Map(scenario.units.map((u) => [u.id, u.name]));
  const own = new Map<string, Violation[]>();
  const shared: Violation[] = [];
  for (const v of report.violations) {
    const only = v.trainees.length === 1 ? v.trainees[0]! : null;
    if (only === null) shared.push(v);
    else own.set(only, [...(own.get(only) ?? []), v]);
  }

  const lines = [t.heading(planLabel, scenario.trainees.length, placements), ''];
  for (const s of report.trainees) {
    const trainee = names.get(s.id);
    const label = trainee ? `${s.id} ${trainee.name} (${units.get(trainee.unit) ?? trainee.unit})` : s.id;
    const vs = own.get(s.id) ?? [];
    const facts = `${t.end} ${s.end} · ${t.side} ${num(s.sideMonths, lang)} ${t.months}`;
    lines.push(`${label}: ${facts}${vs.length === 0 ? ` · ${t.ok}` : ''}`);
    lines.push(...section(vs, lang, '  '));
  }

  if (shared.length > 0) {
    lines.push('', `${t.shared}:`);
    const byRule = new Map<string, Violation[]>();
    for (const v of shared) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
    const params = resolveParams(scenario);
    for (const [rule, vs] of byRule) {
      const known = RULE_BY_ID.get(rule);
      const statement = known && statementOf(known, params)[lang];
      const kind = vs[0]!.severity === 'hard' ? t.hard : t.advice;
      lines.push(`  ${ruleName(rule, lang)} (${kind.toLowerCase()}, ${vs.length}): ${statement ?? ''}`.trimEnd());
      for (const v of vs) lines.push(bullet(v, lang));
    }
  }

  const hard = report.violations.filter((v) => v.severity === 'hard').length;
  const advice = report.violations.length - hard;
  const concerned = new Set(report.violations.flatMap((v) => v.trainees)).size;
  lines.push('', t.total(hard, advice, concerned, scenario.trainees.length), report.valid ? t.valid : t.invalid);
  return lines.join('\n');
}
