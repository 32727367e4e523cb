import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../solver/cli/commands/solve.ts';
import { captureIo } from '../../solver/cli/io.ts';
import { readPlan } from '../../solver/io/read.ts';
import { clinic, expectValid, scenario, trainee } from './fixtures.ts';

const s = scenario(
  ['t01', 't02'].map((id) => trainee(id, { start: '2027-01-03', rotations: [{ specialty: 'ogon', months: 1 }] })),
  [clinic('ogon-a', 'ogon', 1)],
);

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'randplan-solve-'));
  const scenarioPath = join(dir, 'scenario.json');
  await writeFile(scenarioPath, JSON.stringify(s));
  return { dir, scenarioPath, out: join(dir, 'plan.json') };
}

describe('randplan solve', () => {
  it('writes a valid plan, prints a Swedish summary and exits 0', async () => {
    const { scenarioPath, out } = await files();
    const io = captureIo();
    expect(await run([scenarioPath, '--out', out, '--time-limit', '10'], io)).toBe(0);
    expect(io.out).toContain('Status: Optimal plan');
    expect(io.out).toMatch(/Målvärde \d+,\d, undre gräns \d+,\d, gap \d+,\d\d %, \d+,\d s/);
    const plan = readPlan(JSON.parse(await readFile(out, 'utf8')), s);
    expect(plan.ok).toBe(true);
    if (plan.ok) expectValid(s, plan.value);
  });

  it('prints the report with its solve block as JSON', async () => {
    const { scenarioPath, out } = await files();
    const io = captureIo();
    expect(await run([scenarioPath, '--out', out, '--json'], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.format).toBe('randplan.report/1');
    expect(report.solve.status).toBe('optimal');
    expect(report.moved).toEqual([]);
  });

  it('exits 2 on bad input, naming the field, and writes nothing', async () => {
    const { dir, out } = await files();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...s, trainees: [{ ...s.trainees[0], start: '2027-02-30' }] }));
    const io = captureIo();
    expect(await run([bad, '--out', out], io)).toBe(2);
    expect(io.err).toContain('trainees[0].start');
    expect(io.out).toBe('');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('exits 2 on an unknown trainee', async () => {
    const { scenarioPath, out } = await files();
    const io = captureIo();
    expect(await run([scenarioPath, '--out', out, '--trainee', 'nobody'], io)).toBe(2);
    expect(io.err).toContain('--trainee');
  });
});
