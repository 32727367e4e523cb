/**
 * `randplan demo [--size N] [--seed S] [--profile P] [--today YYYY-MM-DD] --out DIR`: writes a seeded
 * demo region (DIR/scenario.json) and a plan for it (DIR/plan.json), pretty-printed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemo } from '../../demo/generate.ts';
import { PROFILES, type ProfileId } from '../../domain/schemas.ts';
import { readPlan, readScenario } from '../../io/read.ts';
import { isIsoDate } from '../../time/dates.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { CliIo, Lang } from '../io.ts';

export const DEFAULT_SIZE = 40;

export function usage(lang: Lang): string {
  return lang === 'sv'
    ? [
        'Användning: randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today ÅÅÅÅ-MM-DD] --out KATALOG',
        '',
        'Skriver en påhittad men realistisk region (KATALOG/scenario.json) och en plan för den (KATALOG/plan.json).',
        `  --size N       antal ST-läkare (standard ${DEFAULT_SIZE}, högst 5000)`,
        '  --seed S       frö: samma frö ger samma region (standard 1)',
        '  --profile P    regelprofil, kronoberg (standard) eller norrbotten',
        '  --today D      dagens datum som regionen ses från (standard dagens datum)',
        '  --lang en      engelska',
      ].join('\n')
    : [
        'Usage: randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today YYYY-MM-DD] --out DIR',
        '',
        'Writes a made-up but realistic region (DIR/scenario.json) and a plan for it (DIR/plan.json).',
        `  --size N       number of trainees (default ${DEFAULT_SIZE}, at most 5000)`,
        '  --seed S       seed: the same seed gives the same region (default 1)',
        '  --profile P    rule profile, kronoberg (default) or norrbotten',
        '  --today D      the date the region is seen from (default today)',
        '  --lang sv      Swedish (default)',
      ].join('\n');
}

function integer(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      size: { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      today: { type: 'string' },
      out: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, lang } = parsed;
  const sv = lang === 'sv';
  const fail = (message: string): number => usageError(io, lang, usage, message);

  if (positionals.length > 0) return fail(`${sv ? 'oväntat argument' : 'unexpected argument'} "${positionals[0]}"`);
  const size = integer(values.size, DEFAULT_SIZE);
  if (size === null || size < 1 || size > 5000) return fail(`--size: ${sv ? 'ska vara ett heltal 1–5000' : 'must be an integer 1–5000'}`);
  const seed = integer(values.seed, 1);
  if (seed === null) return fail(`--seed: ${sv ? 'ska vara ett heltal' : 'must be an integer'}`);
  const profile = values.profile ?? 'kronoberg';
  if (!(PROFILES as readonly string[]).includes(profile)) {
    return fail(`--profile: ${sv ? 'ska vara en av' : 'must be one of'} ${PROFILES.join(', ')}`);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) return fail(`--today: ${sv ? 'inte ett datum' : 'not a date'} (ÅÅÅÅ-MM-DD)`);
  if (!values.out) return fail(`--out: ${sv ? 'katalog att skriva till behövs, t.ex. --out demo' : 'a directory to write to is required, e.g. --out demo'}`);

  const started = performance.now();
  const { scenario, plan } = generateDemo({ size, seed, profile: profile as ProfileId, today: values.today });
  // What we write must read back: a generator bug is caught here, not by the next user of the files.
  const check = readScenario(scenario);
  const planCheck = check.ok ? readPlan(plan, check.value) : check;
  if (!planCheck.ok) {
    io.stderr(`${sv ? 'Internt fel: demodata klarar inte formatkontrollen' : 'Internal error: the demo data fails the format check'}:`);
    for (const e of planCheck.errors) io.stderr(`  ${e}`);
    return 3;
  }

  await mkdir(values.out, { recursive: true });
  const scenarioPath = join(values.out, 'scenario.json');
  const planPath = join(values.out, 'plan.json');
  await writeFile(scenarioPath, `${JSON.stringify(scenario, null, 2)}\n`);
  await writeFile(planPath, `${JSON.stringify(plan, null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { from, to } = scenario.horizon;
  io.stdout(
    sv
      ? [
          `Skrev ${scenarioPath}: "${scenario.name}" – ${scenario.trainees.length} ST-läkare, ${scenario.units.length} vårdenheter, ${scenario.clinics.length} kliniker, ${from} – ${to}`,
          `Skrev ${planPath}: ${plan.placements.length} placeringar (girig plan), på ${seconds} s`,
          `Kontrollera planen: npx randplan validate ${scenarioPath} ${planPath}`,
        ].join('\n')
      : [
          `Wrote ${scenarioPath}: "${scenario.name}" – ${scenario.trainees.length} trainees, ${scenario.units.length} units, ${scenario.clinics.length} clinics, ${from} – ${to}`,
          `Wrote ${planPath}: ${plan.placements.length} placements (greedy plan), in ${seconds} s`,
          `Check the plan: npx randplan validate ${scenarioPath} ${planPath}`,
        ].join('\n'),
  );
  return 0;
}
