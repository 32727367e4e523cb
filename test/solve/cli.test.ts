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

  describe('releasing agreed placements', () => {
    // On the planning day 2028-03-01 t01's ögon is under way (history) and t02's is agreed.
    const history = { trainee: 't01', kind: 'rotation', specialty: 'ogon', clinic: 'ogon-a', from: '2028-02-01', to: '2028-02-29' };
    const agreed = { trainee: 't02', kind: 'rotation', specialty: 'ogon', clinic: 'ogon-a', from: '2028-03-01', to: '2028-03-31' };
    async function withPlans(release: object[]) {
      const f = await files();
      const plan = join(f.dir, 'current.json');
      const asked = join(f.dir, 'release.json');
      await writeFile(plan, JSON.stringify({ format: 'randplan.plan/1', placements: [history, agreed] }));
      await writeFile(asked, JSON.stringify({ format: 'randplan.plan/1', placements: release }));
      return { ...f, plan, asked };
    }

    it('--release-agreed releases every agreed placement and the summary counts them', async () => {
      const { scenarioPath, out, plan } = await withPlans([]);
      const io = captureIo();
      const code = await run([scenarioPath, '--plan', plan, '--from', '2028-03-01', '--release-agreed', '--out', out, '--time-limit', '10'], io);
      expect(code).toBe(0);
      expect(io.out).toContain('Planeringsdag 2028-03-01; 1 placeringar före den eller inom de överenskomna månaderna ligger kvar, 1 överenskomna släppta');
    });

    it('exits 2 naming a released placement that is history, and writes nothing', async () => {
      const { scenarioPath, out, plan, asked } = await withPlans([agreed, history]);
      const io = captureIo();
      expect(await run([scenarioPath, '--plan', plan, '--from', '2028-03-01', '--release', asked, '--out', out], io)).toBe(2);
      expect(io.err).toContain('--release[1]: t01 rotation ogon ogon-a 2028-02-01–2028-02-29 began before the planning day 2028-03-01');
      await expect(readFile(out, 'utf8')).rejects.toThrow();
    });

    it('exits 2 when --release has no --plan to release from, or both flags are given', async () => {
      const { scenarioPath, out, plan, asked } = await withPlans([agreed]);
      const io = captureIo();
      expect(await run([scenarioPath, '--release-agreed', '--out', out], io)).toBe(2);
      expect(io.err).toContain('--release-agreed: de överenskomna placeringarna läses ur --plan');
      expect(await run([scenarioPath, '--plan', plan, '--release', asked, '--release-agreed', '--out', out], io)).toBe(2);
      expect(io.err).toContain('--release och --release-agreed');
    });
  });
});
