/**
 * `npm run bench`: how fast the validator is, on generated regions (solver/demo/generate.ts) with the
 * greedy planner's plans (every trainee with rotations, own BVC, SÄBO, courses, Mitt-i-ST).
 * Targets (issue 2): one trainee < 1 ms (re-validation while a bar is dragged), 800 trainees < 100 ms.
 * Numbers are printed, never asserted.
 */
import { cpus, loadavg } from 'node:os';
import { generateScenario } from '../../solver/demo/generate.ts';
import type { Plan, Scenario } from '../../solver/domain/schemas.ts';
import { greedyPlan } from '../../solver/greedy.ts';
import { createValidator, validate } from '../../solver/validate.ts';

/**
 * Wall time and this process's CPU time (user + system) of `fn`, in ms. The machine is shared, so
 * wall time includes waiting for a core; CPU time is closer to what the code itself costs.
 */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function region(size: number, seed: number): { scenario: Scenario; plan: Plan } {
  const scenario = generateScenario({ size, seed, today: '2027-01-15' });
  return { scenario, plan: greedyPlan(scenario) };
}

function bench(size: number): void {
  const { scenario, plan } = region(size, 7);
  const perTrainee = plan.placements.length / scenario.trainees.length;

  // Full validation as the CLI does it: scenario facts included (a fresh validator every time).
  let report = validate(scenario, plan);
  const cold = Array.from({ length: 15 }, () => time(() => (report = validate(scenario, plan))));

  // Re-validation with a kept validator (the API and the web keep one per scenario).
  const validator = createValidator(scenario);
  const warm = Array.from({ length: 15 }, () => time(() => validator.validate(plan)));

  // One trainee, as while a bar is dragged: one placement object replaced each run, so the index
  // really patches (the web replaces the dragged placement; every other object stays the same).
  const ids = scenario.trainees.map((t) => t.id);
  const runs = 2000;
  const mutable: Plan = { ...plan, placements: [...plan.placements] };
  const target = ids[Math.floor(ids.length / 2)]!;
  const index = mutable.placements.findIndex((p) => p.trainee === target && p.kind === 'rotation');
  const original = mutable.placements[index]!;
  const shifted = Array.from({ length: 10 }, (_, shift) => ({
    ...original,
    from: new Date(Date.parse(original.from) + shift * 86_400_000).toISOString().slice(0, 10),
    to: new Date(Date.parse(original.to) + shift * 86_400_000).toISOString().slice(0, 10),
  }));
  for (let i = 0; i < 200; i++) validator.validateTrainee(mutable, target); // warm up the JIT
  const drag = time(() => {
    for (let i = 0; i < runs; i++) {
      mutable.placements[index] = { ...shifted[i % 10]! };
      validator.validateTrainee(mutable, target);
    }
  });
  // And across many trainees (different clinics and units), the plan unchanged.
  const many = time(() => {
    for (let i = 0; i < runs; i++) validator.validateTrainee(plan, ids[i % ids.length]!);
  });

  const hard = report.violations.filter((v) => v.severity === 'hard').length;
  console.log(
    `${String(size).padStart(4)} trainees, ${plan.placements.length} placements (${perTrainee.toFixed(1)}/trainee), ` +
      `${hard} hard + ${report.violations.length - hard} advice violations`,
  );
  const ms = (xs: { ms: number; cpuMs: number }[]): string =>
    `median ${median(xs.map((x) => x.ms)).toFixed(1)} ms wall, ${median(xs.map((x) => x.cpuMs)).toFixed(1)} ms CPU (min wall ${Math.min(...xs.map((x) => x.ms)).toFixed(1)})`;
  const us = (x: { ms: number; cpuMs: number }): string =>
    `mean ${((x.ms / runs) * 1000).toFixed(0)} µs wall, ${((x.cpuMs / runs) * 1000).toFixed(0)} µs CPU over ${runs} runs`;
  console.log(`     validate(scenario, plan)      ${ms(cold)}`);
  console.log(`     validator.validate(plan)      ${ms(warm)}`);
  console.log(`     validateTrainee (drag, 1 id)  ${us(drag)}`);
  console.log(`     validateTrainee (all ids)     ${us(many)}`);
}

console.log('Validator benchmark (targets: one trainee < 1000 µs, 800 trainees < 100 ms)');
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
for (const size of [200, 800]) bench(size);
