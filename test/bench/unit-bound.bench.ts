/**
 * `npm run bench:bound`: the solver on the part of the problem where its cohort gaps come from: a unit
 * that lets one trainee away at a time. Each such unit of the seeded 200-trainee region (3+ trainees)
 * is solved alone, with every clinic given room for all (capacity 99, no summer dips), so only the
 * unit's limit couples its trainees. Beside it, unit by unit, the exact reference: the unit's
 * time-indexed MIP over every option of the model (unit.ts planUnit, every week, no reach), started
 * from the solver's plan and run to optimality or BENCH_REFERENCE_LIMIT seconds; its best plan and its
 * proven bound. Printed, never asserted.
 *
 * "vs ref" is the solver's plan against the reference's best plan (negative: the solver's is cheaper);
 * the reference's bound is only a proof of the optimum where its status is optimal.
 *
 * Env: BENCH_UNIT_LIMIT (solver seconds per unit, default 2), BENCH_UNIT_WORK (instead, a work budget
 * per unit: the same plans on every machine), BENCH_REFERENCE_LIMIT (reference seconds per unit,
 * default 300), BENCH_UNITS (how many units, default all), BENCH_SEED (the region's seed, default 42).
 */
import type { Scenario } from '../../solver/domain/schemas.ts';
import { generateScenario } from '../../solver/demo/generate.ts';
import { pinHistory } from '../../solver/solve/history.ts';
import { solve } from '../../solver/solve/index.ts';
import { buildModel } from '../../solver/solve/model.ts';
import { freeRows } from '../../solver/solve/repair.ts';
import { planColumns } from '../../solver/solve/score.ts';
import { planUnit } from '../../solver/solve/unit.ts';

const limit = Number(process.env.BENCH_UNIT_LIMIT ?? 2);
const work = process.env.BENCH_UNIT_WORK ? Number(process.env.BENCH_UNIT_WORK) : null;
const referenceLimit = Number(process.env.BENCH_REFERENCE_LIMIT ?? 300);
const maxUnits = Number(process.env.BENCH_UNITS ?? Infinity);
const TODAY = '2026-11-22';
const region = generateScenario({ size: 200, seed: Number(process.env.BENCH_SEED ?? 42), today: TODAY });
const roomForAll = region.clinics.map((c) => ({ ...c, capacity: 99, capacityChanges: [] }));

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const gap = (objective: number, bound: number) => (objective > 0 ? Math.max(0, objective - bound) / objective : 0);
console.log(`solver ${work ? `${work} work units` : `${limit} s`} per unit; reference to optimality or ${referenceLimit} s`);
console.log('unit | trainees | solver: status | objective | bound | gap | s | reference: status | objective | bound | s | solver vs ref');
const sum = { objective: 0, bound: 0, reference: 0, referenceBound: 0, seconds: 0 };
let solved = 0;
let within1 = 0;
let gap2 = 0;
for (const unit of region.units.filter((u) => u.maxAway === 1)) {
  const trainees = region.trainees.filter((t) => t.unit === unit.id);
  if (trainees.length < 3 || solved >= maxUnits) continue;
  const alone: Scenario = { ...region, name: `${region.name}: ${unit.name}`, units: [unit], clinics: roomForAll, trainees };
  const r = await solve(alone, { ...(work ? { workLimit: work } : { timeLimitSeconds: limit }), today: TODAY, advise: false });
  const sv = r.report.solve!;
  if (sv.objective === null || sv.bound === null) {
    console.log(`${unit.name} | ${trainees.length} | ${sv.status} | – | – | – | ${sv.seconds} | – | – | – | – | –`);
    continue;
  }
  // The reference: the same unit's full MIP, from the solver's plan.
  const m = buildModel(pinHistory(alone, undefined, TODAY).scenario, { exactFor: [r.plan] });
  const start = planColumns(m, r.plan);
  const group = m.trainees.filter((t) => t.items.length > 0).map((t) => t.index);
  const t0 = performance.now();
  const ref = await planUnit(m, {
    trainees: group,
    free: freeRows(m),
    start: group.map((i) => start[i] ?? null),
    reach: Infinity,
    limits: { timeLimitSeconds: referenceLimit, mipGap: 1e-4 },
  });
  const refSeconds = (performance.now() - t0) / 1000;
  solved++;
  sum.objective += sv.objective;
  sum.bound += sv.bound;
  sum.reference += ref.cost;
  sum.referenceBound += ref.bound;
  sum.seconds += sv.seconds;
  const versus = (sv.objective - ref.cost) / ref.cost;
  if (versus <= 0.01) within1++;
  if ((sv.gap ?? 1) <= 0.02) gap2++;
  console.log(
    `${unit.name} | ${trainees.length} | ${sv.status} | ${sv.objective.toFixed(1)} | ${sv.bound.toFixed(1)} | ${pct(sv.gap ?? 0)} | ${sv.seconds.toFixed(2)} | ` +
      `${ref.optimal ? 'optimal' : 'timeout'} | ${ref.cost.toFixed(1)} | ${ref.bound.toFixed(1)} | ${refSeconds.toFixed(1)} | ${pct(versus)}`,
  );
}
console.log(
  `all ${solved} units | | | ${sum.objective.toFixed(1)} | ${sum.bound.toFixed(1)} | ${pct(gap(sum.objective, sum.bound))} | ${sum.seconds.toFixed(1)} | | ` +
    `${sum.reference.toFixed(1)} | ${sum.referenceBound.toFixed(1)} | | ${pct((sum.objective - sum.reference) / sum.reference)}`,
);
console.log(`units within 1 % of the reference's plan: ${within1} of ${solved}; with a proven gap ≤ 2 %: ${gap2} of ${solved}`);
