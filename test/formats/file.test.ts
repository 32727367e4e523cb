import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, readPlanFile, readScenarioFile } from '../../solver/io/file.ts';
import { cleanPlacements, plan, scenario } from '../rules/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'randplan-formats-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('reading files', () => {
  it('reads a scenario and a plan from disk', async () => {
    const s = write('scenario.json', JSON.stringify(scenario()));
    const p = write('plan.json', JSON.stringify(plan(cleanPlacements())));
    const rs = await readScenarioFile(s);
    expect(rs.ok).toBe(true);
    expect((await readPlanFile(p, rs.ok ? rs.value : undefined)).ok).toBe(true);
  });

  it('names the file when it is missing, not JSON, or malformed', async () => {
    expect(await readJsonFile(join(dir, 'missing.json'))).toEqual({ ok: false, errors: [`${join(dir, 'missing.json')}: file not found`] });
    const bad = write('bad.json', '{ "format": ');
    const r = await readJsonFile(bad);
    expect(r.ok ? [] : r.errors[0]).toMatch(new RegExp(`^${bad}: not valid JSON`));
    const wrong = write('wrong.json', JSON.stringify({ format: 'randplan.plan/1', placements: [{ trainee: 't01' }] }));
    const rp = await readPlanFile(wrong);
    expect(rp.ok ? [] : rp.errors).toEqual([
      `${wrong}: placements[0].kind: required`,
      `${wrong}: placements[0].from: required`,
      `${wrong}: placements[0].to: required`,
    ]);
  });
});
