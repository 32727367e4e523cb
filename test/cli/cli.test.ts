import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { Report, type Plan, type Scenario } from '../../solver/domain/schemas.ts';
import { captureIo } from '../../solver/cli/io.ts';
import { main as appMain } from '../../api/cli/main.ts';
import { COMMANDS, main } from '../../solver/cli/main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let scenarioPath: string;
let planPath: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'randplan-cli-'));
  const demo = await cli('demo', '--size', '20', '--seed', '1', '--today', '2026-11-22', '--out', join(dir, 'demo'));
  expect(demo.err).toBe('');
  expect(demo.code).toBe(0);
  scenarioPath = join(dir, 'demo', 'scenario.json');
  planPath = join(dir, 'demo', 'plan.json');
});

describe('randplan demo', () => {
  it('writes pretty scenario and plan files and says so in Swedish', async () => {
    const r = await cli('demo', '--size', '12', '--seed', '4', '--today', '2026-11-22', '--out', join(dir, 'd2'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Skrev .*scenario\.json: .*12 ST-läkare/m);
    expect(r.out).toMatch(/^Skrev .*plan\.json: \d+ placeringar/m);
    const text = readFileSync(join(dir, 'd2', 'scenario.json'), 'utf8');
    expect(text).toContain('\n  "format": "randplan.scenario/1"');
    const plan = JSON.parse(readFileSync(join(dir, 'd2', 'plan.json'), 'utf8')) as Plan;
    expect(plan.format).toBe('randplan.plan/1');
  });

  it('is deterministic for a seed', async () => {
    await cli('demo', '--size', '12', '--seed', '4', '--today', '2026-11-22', '--out', join(dir, 'd3'));
    expect(readFileSync(join(dir, 'd3', 'scenario.json'), 'utf8')).toBe(readFileSync(join(dir, 'd2', 'scenario.json'), 'utf8'));
    expect(readFileSync(join(dir, 'd3', 'plan.json'), 'utf8')).toBe(readFileSync(join(dir, 'd2', 'plan.json'), 'utf8'));
  });

  it.each([
    [['--size', 'many', '--out', 'x'], '--size'],
    [['--size', '0', '--out', 'x'], '--size'],
    [['--profile', 'gotland', '--out', 'x'], '--profile'],
    [['--today', '2027-02-30', '--out', 'x'], '--today'],
    [[], '--out'],
    [['--out'], '--out'],
  ])('rejects %j naming %s, exit 2', async (args, field) => {
    const r = await cli('demo', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(field);
    expect(r.out).toBe('');
  });
});

describe('randplan validate', () => {
  it('exit 0 and a Swedish summary for a plan without hard violations', async () => {
    const r = await cli('validate', scenarioPath, planPath);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ST klar \d{4}-\d{2}-\d{2} · sidotjänstgöring \d+,\d heltidsmånader/);
    expect(r.out).toMatch(/^Totalt: 0 hårda regelbrott/m);
  });

  it('--json prints a report that matches the report schema', async () => {
    const r = await cli('validate', scenarioPath, planPath, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as unknown;
    expect(Value.Check(Report, report)).toBe(true);
    expect((report as Report).valid).toBe(true);
    expect((report as Report).trainees).toHaveLength(20);
  });

  it('exit 1 with the violations, grouped, when a hard rule is broken', async () => {
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario;
    const victim = scenario.trainees.find((t) => !t.locked)!.id;
    // Drop the trainee's pediatrics: a required rotation is now missing.
    const broken = { ...plan, placements: plan.placements.filter((p) => !(p.trainee === victim && p.specialty === 'pediatrik')) };
    const path = writeJson('broken.json', broken);
    const r = await cli('validate', scenarioPath, path);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${victim} .*\\n  Hårda regelbrott \\(\\d+\\):\\n    • \\[Obligatoriska randningar\\]`, 'm'));
    expect(r.out).toContain('Planen bryter mot hårda regler.');

    const json = await cli('validate', scenarioPath, path, '--json', '--lang', 'en');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as Report;
    expect(report.valid).toBe(false);
    expect(report.violations.some((v) => v.rule === 'required-rotations' && v.trainees.includes(victim))).toBe(true);
  });

  it('--lang en gives the English summary', async () => {
    const r = await cli('validate', scenarioPath, planPath, '--lang', 'en');
    expect(r.out).toMatch(/end of ST \d{4}-\d{2}-\d{2} · side rotations \d+\.\d full-time months/);
    expect(r.out).toMatch(/^Total: 0 hard violations/m);
  });

  it('bad input: every error on stderr naming the field, nothing on stdout, exit 2', async () => {
    const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario;
    scenario.trainees[3]!.start = '2027-02-30';
    delete (scenario.trainees[5] as Partial<Scenario['trainees'][number]>).regulation;
    const badScenario = writeJson('bad-scenario.json', scenario);
    const r = await cli('validate', badScenario, planPath, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('trainees[3].start');
    expect(r.err).toContain('trainees[5].regulation');
  });

  it('bad JSON and a missing file are bad input too', async () => {
    const notJson = writeJson('not-json.json', '{"format": ');
    const r = await cli('validate', scenarioPath, notJson);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('not-json.json');
    const missing = await cli('validate', join(dir, 'nope.json'), planPath);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json');
  });

  it('a plan naming an unknown trainee is rejected with its field', async () => {
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    plan.placements[0]!.trainee = 'nobody';
    const r = await cli('validate', scenarioPath, writeJson('stranger.json', plan));
    expect(r.code).toBe(2);
    expect(r.err).toContain('placements[0].trainee');
    expect(r.out).toBe('');
  });

  it('wrong number of files or an unknown flag: usage on stderr, exit 2', async () => {
    const one = await cli('validate', scenarioPath);
    expect(one.code).toBe(2);
    expect(one.err).toContain('Användning: randplan validate');
    const flag = await cli('validate', scenarioPath, planPath, '--strict');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('okänd flagga --strict');
    expect(flag.out).toBe('');
  });
});

describe('randplan (dispatch)', () => {
  it("--help prints the commands in Swedish, --lang en in English; the app's command line adds user", async () => {
    const sv = await cli('--help');
    expect(sv.code).toBe(0);
    expect(sv.out).toContain('Användning: randplan KOMMANDO');
    for (const c of ['validate', 'solve', 'demo']) expect(sv.out).toContain(`  ${c}`);
    expect(sv.out).not.toContain('  user');
    const app = captureIo();
    expect(await appMain(['--help'], app)).toBe(0);
    for (const c of ['validate', 'solve', 'demo', 'user']) expect(app.out).toContain(`  ${c}`);
    const en = await cli('--help', '--lang', 'en');
    expect(en.out).toContain('Usage: randplan COMMAND');
  });

  it('a --lang before the command reaches validate and demo', async () => {
    const r = await cli('--lang', 'en', 'validate', scenarioPath, planPath);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Total: 0 hard violations/m);
  });

  it('COMMAND --help prints that command’s usage', async () => {
    const r = await cli('validate', '--help', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: randplan validate SCENARIO PLAN');
    const d = await cli('demo', '-h');
    expect(d.out).toContain('Användning: randplan demo');
  });

  it('no command, an unknown command or flag: usage on stderr, exit 2', async () => {
    for (const argv of [[], ['planera'], ['--verbose', 'validate']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Användning: randplan KOMMANDO');
      expect(r.out).toBe('');
    }
  });

  it('a command whose module is not in the checkout is reported as not available', async () => {
    COMMANDS.later = { ...COMMANDS.solve!, file: new URL('../../solver/cli/commands/not-written-yet.ts', import.meta.url) };
    try {
      const r = await cli('later', 'x');
      expect(r.code).toBe(2);
      expect(r.err).toContain('finns inte i den här versionen');
    } finally {
      delete COMMANDS.later;
    }
  });

  it('the bin shim runs the command line with node', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'api/cli/randplan.mjs'), 'validate', scenarioPath, planPath, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Report).format).toBe('randplan.report/1');
    const bad = spawnSync(process.execPath, [join(ROOT, 'api/cli/randplan.mjs'), 'nonsense'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
