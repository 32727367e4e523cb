/**
 * `randplan validate SCENARIO PLAN [--json] [--lang sv|en]`: judges a plan against the rule catalogue.
 * Exit 0 when no hard rule is broken, 1 when some is, 2 when the input cannot be read (every error on
 * stderr, and nothing on stdout).
 */
import { readPlanFile, readScenarioFile } from '../../io/file.ts';
import { validate } from '../../validate.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIo, Lang } from '../io.ts';
import { formatReport } from '../summary.ts';

export function usage(lang: Lang): string {
  return lang === 'sv'
    ? [
        'Användning: randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
        '',
        'Kontrollerar planen (randplan.plan/1) mot scenariots regler (randplan.scenario/1).',
        '  --json       skriv rapporten (randplan.report/1) som JSON i stället för en sammanfattning',
        '  --lang en    engelska',
        'Slutkod: 0 inga hårda regelbrott, 1 hårda regelbrott, 2 felaktig indata.',
      ].join('\n')
    : [
        'Usage: randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
        '',
        "Checks the plan (randplan.plan/1) against the scenario's rules (randplan.scenario/1).",
        '  --json       print the report (randplan.report/1) as JSON instead of a summary',
        '  --lang sv    Swedish (default)',
        'Exit code: 0 no hard violation, 1 hard violations, 2 bad input.',
      ].join('\n');
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { json: { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, lang } = parsed;
  if (positionals.length !== 2) {
    return usageError(
      io,
      lang,
      usage,
      lang === 'sv'
        ? `två filer behövs, SCENARIO och PLAN (fick ${positionals.length})`
        : `two files are needed, SCENARIO and PLAN (got ${positionals.length})`,
    );
  }
  const [scenarioPath, planPath] = positionals as [string, string];

  const scenario = await readScenarioFile(scenarioPath);
  // The plan is read even when the scenario is bad, so that one run lists every error in both.
  const plan = await readPlanFile(planPath, scenario.ok ? scenario.value : undefined);
  if (!scenario.ok || !plan.ok) {
    for (const e of [...(scenario.ok ? [] : scenario.errors), ...(plan.ok ? [] : plan.errors)]) io.stderr(e);
    return 2;
  }

  const report = validate(scenario.value, plan.value);
  if (values.json) io.stdout(JSON.stringify(report, null, 2));
  else io.stdout(formatReport(report, scenario.value, planPath, plan.value.placements.length, lang));
  return report.valid ? 0 : 1;
}
