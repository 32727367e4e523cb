/**
 * `randplan solve SCENARIO [--plan CURRENT] [--from DATE] [--release FILE | --release-agreed]
 *  [--time-limit SECONDS] [--trainee ID] [--engine highs|glpk] --out PLAN [--json] [--lang sv|en]`:
 * plans the cohort from the planning day
 * (or one trainee, everyone else kept as in CURRENT), writes the plan and prints the report with its
 * solve block, the extensions and the capacity advice.
 * Exit 0 when a valid plan was written, 1 when infeasible / no valid plan, 2 on bad input.
 */
import { writeFile } from 'node:fs/promises';
import type { Scenario } from '../../domain/schemas.ts';
import { readPlanFile, readScenarioFile } from '../../io/file.ts';
import { ruleName } from '../../rules/index.ts';
import { counted, monthWord } from '../../rules/text.ts';
import { frozenPlacements, releaseErrors } from '../../solve/history.ts';
import { solve, type SolveResult } from '../../solve/index.ts';
import { solveVerdict } from '../../solve/verdict.ts';
import { isIsoDate } from '../../time/dates.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIo, Lang } from '../io.ts';

export function usage(lang: Lang): string {
  return lang === 'sv'
    ? [
        'Användning: randplan solve SCENARIO [--plan NUVARANDE] [--from DATUM] [--release FIL | --release-agreed] [--time-limit SEKUNDER] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
        '',
        'Planerar alla ST-läkares randningar så att varje hård regel hålls, med bevisat gap till optimum.',
        '  --plan FIL         nuvarande plan: behåll allt som kan ligga kvar (minimal ändring)',
        '  --from DATUM       planeringsdagen (ÅÅÅÅ-MM-DD; standard scenariots planFrom, annars idag):',
        '                     det som ligger före är historik och ligger kvar',
        '  --release FIL      släpp de överenskomna placeringar (de i --plan som börjar inom de',
        '                     överenskomna månaderna) som FIL listar (randplan.plan/1): de får flyttas',
        '  --release-agreed   släpp alla överenskomna placeringar; historik och låsta ligger alltid kvar',
        '  --time-limit S     tidsgräns i sekunder (standard 30)',
        '  --trainee ID       fyll i / laga en ST-läkares plan, alla andra som i --plan',
        '  --engine E         highs (standard) eller glpk för masterproblemet',
        '  --out FIL          skriv planen (randplan.plan/1) hit',
        '  --json             skriv rapporten (randplan.report/1) som JSON',
        'Slutkod: 0 giltig plan skriven, 1 ingen giltig plan (ogenomförbart), 2 felaktig indata.',
      ].join('\n')
    : [
        'Usage: randplan solve SCENARIO [--plan CURRENT] [--from DATE] [--release FILE | --release-agreed] [--time-limit SECONDS] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
        '',
        "Plans every trainee's rotations keeping every hard rule, with a proven gap to the optimum.",
        '  --plan FILE        current plan: keep every placement that can stay (minimal change)',
        "  --from DATE        the planning day (YYYY-MM-DD; default the scenario's planFrom, else today):",
        '                     what lies before it is history and stays',
        '  --release FILE     release the agreed placements (those of --plan starting in the agreed',
        '                     months) that FILE lists (randplan.plan/1): they may move',
        '  --release-agreed   release every agreed placement; history and locked placements always stay',
        '  --time-limit S     time limit in seconds (default 30)',
        "  --trainee ID       complete / repair one trainee's plan, everyone else as in --plan",
        '  --engine E         highs (default) or glpk for the master problem',
        '  --out FILE         write the plan (randplan.plan/1) here',
        '  --json             print the report (randplan.report/1) as JSON',
        'Exit code: 0 valid plan written, 1 no valid plan (infeasible), 2 bad input.',
      ].join('\n');
}


/** The planning day, what was kept, who is extended by how much, and which extra place helps most. */
function underWay(result: SolveResult, lang: Lang, scenario: Scenario): string[] {
  const sv = lang === 'sv';
  const nameOf = (id: string) => scenario.trainees.find((t) => t.id === id)?.name ?? id;
  const extended = result.report.trainees.filter((t) => t.extensionMonths > 0).sort((a, b) => b.extensionMonths - a.extensionMonths);
  const total = extended.reduce((sum, t) => sum + t.extensionMonths, 0);
  const lines = [
    sv
      ? `Planeringsdag ${result.planFrom}; ${result.kept} placeringar före den eller inom de överenskomna månaderna ligger kvar, ${result.released} överenskomna släppta`
      : `Planning day ${result.planFrom}; ${result.kept} placements before it or inside the agreed months kept, ${result.released} agreed released`,
    sv
      ? `Förlängning: ${extended.length} ST-läkare, sammanlagt ${monthWord(total, 'sv')}${extended[0] ? `, längst ${nameOf(extended[0].id)} ${monthWord(extended[0].extensionMonths, 'sv')}` : ''}`
      : `Extension: ${counted(extended.length, 'trainee', 'trainees')}, ${monthWord(total, 'en')} in all${extended[0] ? `, longest ${nameOf(extended[0].id)} ${monthWord(extended[0].extensionMonths, 'en')}` : ''}`,
  ];
  for (const a of result.report.capacityAdvice ?? []) lines.push(`  ${sv ? 'Råd' : 'Advice'}: ${a.message[lang]}`);
  return lines;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      plan: { type: 'string' },
      out: { type: 'string' },
      trainee: { type: 'string' },
      engine: { type: 'string' },
      'time-limit': { type: 'string' },
      from: { type: 'string' },
      release: { type: 'string' },
      'release-agreed': { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, lang } = parsed;
  const sv = lang === 'sv';
  if (positionals.length !== 1) {
    return usageError(io, lang, usage, sv ? `en fil behövs, SCENARIO (fick ${positionals.length})` : `one file is needed, SCENARIO (got ${positionals.length})`);
  }
  if (!values.out) return usageError(io, lang, usage, sv ? '--out: ange var planen ska skrivas' : '--out: say where to write the plan');
  let timeLimit: number | undefined;
  if (values['time-limit'] !== undefined) {
    timeLimit = Number(values['time-limit']);
    if (!(timeLimit > 0)) {
      return usageError(io, lang, usage, sv ? `--time-limit: ska vara ett tal > 0, inte "${values['time-limit']}"` : `--time-limit: must be a number > 0, not "${values['time-limit']}"`);
    }
  }
  if (values.from !== undefined && !isIsoDate(values.from)) {
    return usageError(io, lang, usage, sv ? `--from: inte ett datum (ÅÅÅÅ-MM-DD): "${values.from}"` : `--from: not a date (YYYY-MM-DD): "${values.from}"`);
  }
  if (values.release !== undefined && values['release-agreed']) {
    return usageError(io, lang, usage, sv ? '--release och --release-agreed: välj en av dem' : '--release and --release-agreed: choose one of them');
  }
  if ((values.release !== undefined || values['release-agreed']) && !values.plan) {
    const flag = values.release !== undefined ? '--release' : '--release-agreed';
    return usageError(io, lang, usage, sv ? `${flag}: de överenskomna placeringarna läses ur --plan; ange den` : `${flag}: the agreed placements are read from --plan; give it`);
  }
  const engine = values.engine ?? 'highs';
  if (engine !== 'highs' && engine !== 'glpk') {
    return usageError(io, lang, usage, sv ? `--engine: ska vara highs eller glpk, inte "${engine}"` : `--engine: must be highs or glpk, not "${engine}"`);
  }

  const scenario = await readScenarioFile(positionals[0]!);
  const current = values.plan ? await readPlanFile(values.plan, scenario.ok ? scenario.value : undefined) : null;
  const asked = values.release ? await readPlanFile(values.release) : null;
  const errors = [...(scenario.ok ? [] : scenario.errors), ...(current && !current.ok ? current.errors : []), ...(asked && !asked.ok ? asked.errors : [])];
  if (scenario.ok && values.trainee && !scenario.value.trainees.some((t) => t.id === values.trainee)) {
    errors.push(sv ? `--trainee: ingen ST-läkare med id "${values.trainee}" i scenariot` : `--trainee: no trainee with id "${values.trainee}" in the scenario`);
  }
  const given = scenario.ok ? (values.from ? { ...scenario.value, planFrom: values.from } : scenario.value) : null;
  const frozen = given && current?.ok ? frozenPlacements(given, current.value) : null;
  const release = values['release-agreed'] ? (frozen?.agreed ?? []) : asked?.ok ? asked.value.placements : [];
  if (frozen && given) errors.push(...releaseErrors(given, frozen, release).map((e) => `--${e}`));
  if (!given || (current && !current.ok) || errors.length > 0) {
    for (const e of errors) io.stderr(e);
    return 2;
  }

  const result = await solve(given, {
    currentPlan: current?.ok ? current.value : undefined,
    release,
    timeLimitSeconds: timeLimit,
    trainee: values.trainee,
    engine,
  });
  await writeFile(values.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  const { report, moved } = result;
  const s = report.solve!;
  if (values.json) io.stdout(JSON.stringify({ ...report, moved }, null, 2));
  else {
    // Decimal comma in Swedish, as the months are written (rules/text.ts).
    const fmt = (x: number | null, digits = 1) => (x === null ? '–' : sv ? x.toFixed(digits).replace('.', ',') : x.toFixed(digits));
    const hard = report.violations.filter((v) => v.severity === 'hard');
    const advice = report.violations.length - hard.length;
    const lines = [
      `Status: ${solveVerdict(s, timeLimit)[lang]}`,
      sv
        ? `Målvärde ${fmt(s.objective)}, undre gräns ${fmt(s.bound)}, gap ${s.gap === null ? '–' : `${fmt(s.gap * 100, 2)} %`}, ${fmt(s.seconds)} s`
        : `Objective ${fmt(s.objective)}, lower bound ${fmt(s.bound)}, gap ${s.gap === null ? '–' : `${fmt(s.gap * 100, 2)} %`}, ${fmt(s.seconds)} s`,
      sv
        ? `${result.plan.placements.length} placeringar skrivna till ${values.out}; ${moved.length} ändrade mot nuvarande plan`
        : `${result.plan.placements.length} placements written to ${values.out}; ${moved.length} changed from the current plan`,
      sv ? `Regelbrott: ${hard.length} hårda, ${advice} råd` : `Violations: ${hard.length} hard, ${advice} advice`,
      ...underWay(result, lang, given),
    ];
    for (const m of moved.slice(0, 20)) {
      const p = m.before ?? m.after!;
      const what = p.specialty ?? p.course ?? p.milestone ?? p.kind;
      const from = m.before ? `${m.before.from}–${m.before.to}` : sv ? 'ny' : 'new';
      const to = m.after ? `${m.after.from}–${m.after.to}` : sv ? 'borttagen' : 'removed';
      lines.push(`  ${m.trainee} ${what}: ${from} → ${to}`);
    }
    if (moved.length > 20) lines.push(sv ? `  … och ${moved.length - 20} till` : `  … and ${moved.length - 20} more`);
    for (const v of hard.slice(0, 20)) lines.push(`  ${sv ? 'HÅRT' : 'HARD'} ${ruleName(v.rule, lang)}: ${v.message[lang]}`);
    for (const e of report.explanation ?? []) lines.push(`${sv ? 'Förklaring' : 'Explanation'} (${e.rules.join(', ')}): ${e.message[lang]}`);
    io.stdout(lines.join('\n'));
  }
  return report.valid && s.status !== 'infeasible' ? 0 : 1;
}
