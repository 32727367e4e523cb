/**
 * The demo region a first start shows: about 40 trainees in 10 units (the seeded generator), a solved
 * and published plan, a few submitted proposals and one demo user per role (password `demo`).
 */
import type { Kysely } from 'kysely';
import { clinicsRepo, plansRepo, proposalsRepo, regionRepo, traineesRepo, unitsRepo, usersRepo, type Database } from '../../db/index.ts';
import { generateDemo } from '../../solver/demo/generate.ts';
import type { Placement, Plan, Report, Scenario } from '../../solver/domain/schemas.ts';
import { solve } from '../../solver/solve/index.ts';
import { addMonths, formatDay, parseDay, today } from '../../solver/time/dates.ts';
import { createValidator, validate } from '../../solver/validate.ts';
import { audit } from './audit.ts';
import { markLocked } from './solve-runner.ts';
import { hashPassword } from './users.ts';

export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = ['studierektor@demo', 'enhetschef@demo', 'st@demo', 'handledare@demo'] as const;

export interface DemoOptions {
  size?: number;
  seed?: number;
  /**
   * Work the solver may do on the demo plan (units of the solver's work budget, default 800: seconds);
   * 0 keeps the generator's greedy plan. A work budget, not seconds: the same day gives the same demo.
   */
  solveWork?: number;
  /** The day the demo region is seen from (ISO date); the app passes its clock's today. */
  today?: string;
}

/** Seeds the demo when the database has no region yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Kysely<Database>, opts: DemoOptions = {}): Promise<boolean> {
  if (await regionRepo.get(db)) return false;
  const { scenario, plan: greedy } = generateDemo({ size: opts.size ?? 40, seed: opts.seed ?? 7, name: 'Demoregion Kronoberg', ...(opts.today ? { today: opts.today } : {}) });
  let plan: Plan = greedy;
  let report: Report;
  const work = opts.solveWork ?? 800;
  try {
    if (work <= 0) throw new Error('no solve asked');
    const solved = await solve(scenario, { workLimit: work, threads: 1 });
    if (!solved.report.valid && validate(scenario, greedy).valid) throw new Error('solver plan worse than greedy');
    plan = solved.plan;
    report = solved.report;
  } catch {
    report = validate(scenario, greedy);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    // Someone else (another instance) may have seeded meanwhile.
    if (await regionRepo.get(trx)) return;
    await regionRepo.put(trx, { name: scenario.name, profile: scenario.profile ?? 'kronoberg', rules: scenario.rules ?? {}, horizon: scenario.horizon });
    for (const u of scenario.units) await unitsRepo.insert(trx, u);
    for (const c of scenario.clinics) await clinicsRepo.insert(trx, c);
    for (const t of scenario.trainees) await traineesRepo.insert(trx, t);
    await plansRepo.create(trx, {
      status: 'published',
      note: 'Demoplan / Demo plan',
      plan: { ...plan, placements: markLocked(scenario, plan.placements) },
      report,
      createdBy: 'studierektor@demo',
    });
    const now = opts.today ?? formatDay(today());
    const picks = demoPeople(scenario, plan, now);
    for (const { trainee, placements } of demoProposals(scenario, plan, picks.pool, now)) {
      await proposalsRepo.insert(trx, { trainee, placements, status: 'submitted', createdBy: 'st@demo' });
    }
    const users = [
      { email: 'studierektor@demo', name: 'Stina Studierektor', role: 'studierektor' as const },
      { email: 'enhetschef@demo', name: 'Erik Enhetschef', role: 'enhetschef' as const, units: [picks.unit] },
      { email: 'st@demo', name: scenario.trainees.find((t) => t.id === picks.trainee)?.name ?? 'ST-läkare', role: 'st-lakare' as const, trainees: [picks.trainee] },
      { email: 'handledare@demo', name: 'Hanna Handledare', role: 'handledare' as const, trainees: picks.supervisees },
    ];
    for (const u of users) await usersRepo.insert(trx, { ...u, passwordHash });
    await audit(trx, null, 'seed', 'region', null, null, { name: scenario.name, trainees: scenario.trainees.length });
  });
  return true;
}

/** Trainees whose rotations mostly lie ahead make the most telling proposals. */
function demoPeople(scenario: Scenario, plan: Plan, now: string) {
  const future = scenario.trainees.filter((t) => plan.placements.some((p) => p.trainee === t.id && p.kind === 'rotation' && p.from > now));
  const pool = future.length >= 4 ? future : scenario.trainees;
  const trainee = pool[0]!.id;
  const unitCounts = new Map<string, number>();
  for (const t of scenario.trainees) unitCounts.set(t.unit, (unitCounts.get(t.unit) ?? 0) + 1);
  const unit = scenario.trainees.find((t) => t.id === trainee)!.unit;
  return {
    trainee,
    unit,
    pool: pool.map((t) => t.id),
    supervisees: pool.slice(1, 4).map((t) => t.id),
  };
}

/**
 * Three submitted proposals, each a trainee's published placements with one future rotation moved — a
 * plausible wish. Two keep every hard rule (approving them must not lock a broken plan), listed first;
 * one breaks a rule, so that Review has a violation to show.
 */
function demoProposals(scenario: Scenario, plan: Plan, pool: string[], now: string): { trainee: string; placements: Placement[] }[] {
  const validator = createValidator(scenario);
  const good: { trainee: string; placements: Placement[] }[] = [];
  const bad: { trainee: string; placements: Placement[] }[] = [];
  for (const trainee of pool) {
    if (good.length >= 2 && bad.length >= 1) break;
    const variants = movedRotations(plan, trainee, now);
    const others = plan.placements.filter((q) => q.trainee !== trainee);
    const keepsHardRules = (placements: Placement[]) =>
      validator
        .validateTrainee({ ...plan, placements: [...others, ...placements.map((q) => ({ trainee, ...q }))] }, trainee)
        .violations.every((v) => v.severity !== 'hard');
    const valid = variants.find(keepsHardRules);
    if (valid && good.length < 2) good.push({ trainee, placements: valid });
    else if (!valid && variants[0] && bad.length < 1) bad.push({ trainee, placements: variants[0] });
  }
  return [...good, ...bad];
}

/** The trainee's placements with one future rotation moved, latest rotation first, smallest moves first. */
function movedRotations(plan: Plan, trainee: string, now: string): Placement[][] {
  const mine = plan.placements.filter((p) => p.trainee === trainee).map(({ trainee: _t, ...p }) => p as Placement);
  const shifts = [1, -1, 2, -2].map((n) => (d: number) => addMonths(d, n));
  const future = mine.map((p, i) => [p, i] as const).filter(([p]) => p.kind === 'rotation' && p.from > now).reverse();
  return future.flatMap(([p, idx]) =>
    shifts.map((shift) => mine.map((q, i) => (i === idx ? { ...p, from: formatDay(shift(parseDay(p.from))), to: formatDay(shift(parseDay(p.to) + 1) - 1) } : q))),
  );
}
