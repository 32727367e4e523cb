/**
 * Safe publishing (issue 14): a plan that breaks a hard rule or moves a locked placement is published
 * only with an acknowledgement naming what it breaks and moves; every publish is a numbered version;
 * rollback and lock release make new versions; approving over a hard violation needs a reason, kept
 * in the audit log; one open proposal per trainee. A small region of two trainees with a plan that
 * keeps every rule (test/rules/fixtures.ts), so nothing depends on the demo or the date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansRepo, solveJobsRepo, usersRepo } from '../../db/index.ts';
import { hashPassword } from '../../api/services/users.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cleanPlacements, plan, scenario, trainee } from '../rules/fixtures.ts';

const region = scenario([trainee('t01', { name: 'Jonas Lundgren' }), trainee('t02', { name: 'Sara Berg' })]);
const clean = [...cleanPlacements('t01'), ...cleanPlacements('t02')];
const strip = ({ trainee: _t, locked: _l, ...p }: PlanPlacement & { locked?: boolean }) => p;
const isRotation = (p: PlanPlacement) => p.kind === 'rotation';

describe.each(DIALECTS)('plan versions and safe publishing on $name', (dialect) => {
  let t: TestApp;
  let sr: string;

  /** Region replaced by the fixture; v1 published with t01's first two rotations locked (agreed). */
  async function reset(): Promise<number> {
    const imported = await t.call(sr, { method: 'POST', url: '/api/import/scenario', payload: region });
    expect(imported.statusCode).toBe(200);
    const lockedIdx = new Set(clean.map((p, i) => [p, i] as const).filter(([p]) => p.trainee === 't01' && isRotation(p)).slice(0, 2).map(([, i]) => i));
    const placements = clean.map((p, i) => (lockedIdx.has(i) ? { ...p, locked: true } : p));
    const v1 = await plansRepo.create(t.app.db, { status: 'published', plan: plan(placements), report: validate(region, plan(clean)), createdBy: 'test' });
    return v1.id;
  }

  async function draft(placements: PlanPlacement[]): Promise<number> {
    const d = await plansRepo.create(t.app.db, { status: 'draft', note: 'Lösning', plan: plan(placements), report: validate(region, plan(placements)), createdBy: 'test' });
    return d.id;
  }

  const published = async () => (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  it('the fixture plan keeps every rule', () => {
    expect(validate(region, plan(clean)).violations.filter((v) => v.severity === 'hard')).toEqual([]);
  });

  it('a draft that wipes a trainee and moves their locks is refused until acknowledged with the same counts', async () => {
    const v1 = await reset();
    // The solve that went wrong: t01 left with no placements at all.
    const id = await draft(clean.filter((p) => p.trainee !== 't01'));
    const check = (await t.call(sr, { method: 'GET', url: `/api/plans/${id}/check` })).json();
    expect(check).toMatchObject({ candidate: id, current: v1, needsAcknowledgement: true, removed: cleanPlacements('t01').length, moved: 0, added: 0 });
    expect(check.movedLocks.map((m: { before: PlanPlacement }) => m.before.trainee)).toEqual(['t01', 't01']);
    expect(check.hard.length).toBeGreaterThan(0);
    expect(check.trainees[0]).toMatchObject({ trainee: 't01', hardBefore: 0, placementsBefore: cleanPlacements('t01').length, placementsAfter: 0, lockedMoved: 2 });
    expect(check.trainees.map((x: { trainee: string }) => x.trainee)).toEqual(['t01']);

    const bare = await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish` });
    expect(bare.statusCode).toBe(409);
    expect(bare.json()).toMatchObject({ error: 'acknowledgement-required', current: { needsAcknowledgement: true } });

    const stale = await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { acknowledge: { hard: 1, movedLocks: 2, reason: 'Testar' } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('acknowledgement-stale');

    const noReason = await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { acknowledge: { hard: check.hard.length, movedLocks: 2, reason: '  ' } } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.join('\n')).toMatch(/^acknowledge\.reason:/m);
    expect((await published()).id).toBe(v1); // nothing was written

    const reason = 'Jonas slutar i regionen';
    const ok = await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { acknowledge: { hard: check.hard.length, movedLocks: 2, reason } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id, status: 'published', number: 2, publishedBy: 'studierektor@demo', reason });
    const audit = (await t.call(sr, { method: 'GET', url: '/api/audit?entity=plan' })).json();
    expect(audit[0]).toMatchObject({ action: 'publish', entityId: String(id), after: { number: 2, acknowledged: { reason } } });
    expect(audit[0].after.acknowledged.hard.length).toBe(check.hard.length);
  });

  it('a draft that keeps every rule and every lock publishes at once, as the next version', async () => {
    const v1 = await reset();
    // t02's last rotation a week later: still valid, no lock touched.
    const last = clean.map((p, i) => [p, i] as const).filter(([p]) => p.trainee === 't02' && isRotation(p)).pop()![1];
    const moved = clean.map((p, i) => (i === last ? { ...p, from: '2030-05-08', to: '2030-06-07' } : p));
    const id = await draft(moved);
    const check = (await t.call(sr, { method: 'GET', url: `/api/plans/${id}/check` })).json();
    expect(check).toMatchObject({ needsAcknowledgement: false, hard: [], movedLocks: [], moved: 1, added: 0, removed: 0 });
    expect(check.trainees).toMatchObject([{ trainee: 't02', moved: 1, hardBefore: 0, hardAfter: 0 }]);
    const res = await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { reason: 'Hud en vecka senare' } });
    expect(res.statusCode).toBe(200);
    const before = (await t.call(sr, { method: 'GET', url: '/api/plans' })).json().find((p: { id: number }) => p.id === v1).number;
    expect(res.json().number).toBe(before + 1);
    // Publishing it twice is refused: it is a version now, to be restored, not re-published.
    expect((await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish` })).statusCode).toBe(409);
  });

  it('lists versions with who, when and why; rolls back to an earlier one as a new version', async () => {
    const v1 = await reset();
    const id = await draft(clean.filter((p) => p.trainee !== 't02'));
    const check = (await t.call(sr, { method: 'GET', url: `/api/plans/${id}/check` })).json();
    await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { acknowledge: { hard: check.hard.length, movedLocks: 0, reason: 'Test' } } });
    const list = (await t.call(sr, { method: 'GET', url: '/api/plans' })).json();
    const numbers = list.filter((p: { status: string }) => p.status === 'published').map((p: { number: number }) => p.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(numbers.length);
    const [newest] = list;
    expect(newest).toMatchObject({ id, publishedBy: 'studierektor@demo', reason: 'Test' });

    const diff = (await t.call(sr, { method: 'GET', url: `/api/plans/diff?from=${v1}&to=${id}` })).json();
    expect(diff).toMatchObject({ moved: [], added: [] });
    expect(diff.removed.length).toBe(cleanPlacements('t02').length);

    // Restoring v1 breaks nothing and moves no lock: no acknowledgement needed (the web still asks first).
    const noReason = await t.call(sr, { method: 'POST', url: `/api/plans/${v1}/rollback`, payload: {} });
    expect(noReason.statusCode).toBe(200);
    const current = await published();
    expect(current).toMatchObject({ number: newest.number + 1, note: expect.stringMatching(/^Återställd till version \d+/) });
    expect(current.plan.placements).toEqual((await plansRepo.get(t.app.db, v1))!.plan.placements);
    expect((await t.call(sr, { method: 'POST', url: `/api/plans/${current.id}/rollback`, payload: {} })).statusCode).toBe(409);
    const audit = (await t.call(sr, { method: 'GET', url: '/api/audit?entity=plan' })).json();
    expect(audit[0]).toMatchObject({ action: 'rollback', after: { number: current.number } });
  });

  it('releases one lock, then all of a trainee, as new versions; refuses what is not locked, naming the field', async () => {
    await reset();
    const locked = (await published()).plan.placements.filter((p: { locked?: boolean }) => p.locked);
    expect(locked.length).toBe(2);
    const one = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 't01', placement: strip(locked[0]), reason: 'Kliniken flyttar' } });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ released: 1 });
    const after = await published();
    expect(after.id).toBe(one.json().plan);
    expect(after.plan.placements.filter((p: { locked?: boolean }) => p.locked)).toEqual([locked[1]]);
    expect(after.plan.placements.map(strip)).toEqual(clean.map(strip));

    const again = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 't01', placement: strip(locked[0]), reason: 'x' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toEqual(['placement: not a locked placement of the trainee']);
    const unknown = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 'nobody', reason: 'x' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0]).toMatch(/^trainee:/);
    const noReason = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 't01' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.join()).toMatch(/reason/);

    const all = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 't01', reason: 'Allt omförhandlas' } });
    expect(all.json()).toMatchObject({ released: 1 });
    expect((await published()).plan.placements.some((p: { locked?: boolean }) => p.locked)).toBe(false);
    const audit = (await t.call(sr, { method: 'GET', url: '/api/audit?entity=trainee' })).json();
    expect(audit[0]).toMatchObject({ action: 'release-locks', entityId: 't01', after: { reason: 'Allt omförhandlas' } });
  });

  it('releases a lock the trainee’s own record lists (agreed before the plan), there and in the plan', async () => {
    const agreed = strip(cleanPlacements('t02').find(isRotation)!);
    const withLock = { ...region, trainees: region.trainees.map((x) => (x.id === 't02' ? { ...x, locked: [agreed] } : x)) };
    expect((await t.call(sr, { method: 'POST', url: '/api/import/scenario', payload: withLock })).statusCode).toBe(200);
    await plansRepo.create(t.app.db, { status: 'published', plan: plan(clean), report: validate(withLock, plan(clean)), createdBy: 'test' });
    const res = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee: 't02', reason: 'Kliniken har ändrat sig' } });
    expect(res.json()).toMatchObject({ released: 1 });
    const sara = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json().find((x: { id: string }) => x.id === 't02');
    expect(sara.locked ?? []).toEqual([]);
  });

  it('approving a proposal that breaks a hard rule needs a reason; approving one closes the others', async () => {
    await reset();
    const mine = cleanPlacements('t02').map(strip);
    // Psychiatry on top of internal medicine: an overlap, a hard rule broken.
    const broken = mine.map((p) => (p.kind === 'rotation' && p.specialty === 'psykiatri' ? { ...p, from: '2028-06-01', to: '2028-08-31' } : p));
    const create = async (placements: typeof mine) => (await t.call(sr, { method: 'POST', url: '/api/proposals', payload: { trainee: 't02', placements } })).json();
    const first = await create(mine);
    const submitted = await t.call(sr, { method: 'POST', url: `/api/proposals/${first.id}/submit` });
    expect(submitted.json().replaced).toBeUndefined();

    // A second submission replaces the first, and says so.
    const second = await create(broken);
    const resubmitted = (await t.call(sr, { method: 'POST', url: `/api/proposals/${second.id}/submit` })).json();
    expect(resubmitted.replaced).toEqual([{ id: first.id, status: 'submitted', updatedAt: submitted.json().updatedAt }]);
    expect((await t.call(sr, { method: 'GET', url: `/api/proposals/${first.id}` })).json().status).toBe('superseded');

    const report = (await t.call(sr, { method: 'POST', url: `/api/proposals/${second.id}/validate` })).json();
    const hard = report.violations.filter((v: { severity: string; trainees: string[] }) => v.severity === 'hard' && v.trainees.includes('t02'));
    expect(hard.length).toBeGreaterThan(0);
    const before = (await published()).id;
    const bare = await t.call(sr, { method: 'POST', url: `/api/proposals/${second.id}/approve` });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().error).toBe('acknowledgement-required');
    expect((await published()).id).toBe(before);
    expect((await t.call(sr, { method: 'GET', url: `/api/proposals/${second.id}` })).json().status).toBe('submitted');

    const badBody = await t.call(sr, { method: 'POST', url: `/api/proposals/${second.id}/approve`, payload: { acknowledge: { hard: hard.length } } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().details.join('\n')).toMatch(/acknowledge\.(movedLocks|reason)/);

    const third = await create(mine); // a draft meanwhile: closed by the approval
    const reason = 'Överlappet är överenskommet med kliniken';
    const ok = await t.call(sr, { method: 'POST', url: `/api/proposals/${second.id}/approve`, payload: { acknowledge: { hard: hard.length, movedLocks: 0, reason } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', replaced: [{ id: third.id, status: 'draft' }] });
    const now = await published();
    expect(now).toMatchObject({ reason, note: expect.stringContaining('Sara Berg') });
    const audit = (await t.call(sr, { method: 'GET', url: '/api/audit?entity=proposal' })).json();
    const approval = audit.find((a: { action: string }) => a.action === 'approve');
    expect(approval).toMatchObject({ entityId: String(second.id), after: { acknowledged: { reason } } });
    expect(approval.after.acknowledged.hard.length).toBe(hard.length);
  });

  it('occupancy: the others’ published rotations for live checks, under made-up names, never one’s own', async () => {
    await reset();
    await usersRepo.insert(t.app.db, { email: `t01-${dialect.name}@test`, name: 'Jonas', role: 'st-lakare', trainees: ['t01'], passwordHash: await hashPassword('demo') });
    const st = await t.login(`t01-${dialect.name}@test`);
    const res = await t.call(st, { method: 'GET', url: '/api/occupancy' });
    expect(res.statusCode).toBe(200);
    const occ = res.json();
    expect(occ.trainees).toEqual([{ id: 'annan-1', name: 'Annan ST-läkare 1', unit: 'vc-a', start: '2027-02-01', regulation: '2015:8' }]);
    const rotations = cleanPlacements('t02').filter(isRotation);
    expect(occ.placements).toEqual(rotations.map((p) => ({ ...p, trainee: 'annan-1' })));
    expect(res.body).not.toMatch(/t02|Sara/);
    const handledare = await t.login('handledare@demo');
    expect((await t.call(handledare, { method: 'GET', url: '/api/occupancy' })).statusCode).toBe(403);
  });

  it('runs are kept: the list has each run’s outcome, broken rules, moves and the version it became', async () => {
    await reset();
    const placements = clean.filter((p) => p.trainee !== 't02');
    const id = await draft(placements);
    const report = { ...validate(region, plan(placements)), solve: { status: 'timeout' as const, objective: 12, bound: 10, gap: 0.2, seconds: 5 } };
    const done = await solveJobsRepo.create(t.app.db, { timeLimitSeconds: 5, createdBy: 'studierektor@demo' });
    await solveJobsRepo.finish(t.app.db, done.id, { status: 'done', resultPlanId: id, report, moved: [{}, {}, {}] });
    const queued = await solveJobsRepo.create(t.app.db, { timeLimitSeconds: 60, createdBy: 'studierektor@demo' });
    const check = (await t.call(sr, { method: 'GET', url: `/api/plans/${id}/check` })).json();
    await t.call(sr, { method: 'POST', url: `/api/plans/${id}/publish`, payload: { acknowledge: { hard: check.hard.length, movedLocks: 0, reason: 'Prov' } } });

    const runs = (await t.call(sr, { method: 'GET', url: '/api/solve-jobs' })).json();
    const hard = report.violations.filter((v) => v.severity === 'hard').length;
    expect(hard).toBeGreaterThan(0);
    // The app's runner may have taken the second run already.
    expect(runs[0]).toMatchObject({ id: queued.id, status: expect.stringMatching(/^(queued|running)$/), planId: null, solve: null, hard: null, moved: null });
    expect(runs[1]).toMatchObject({ id: done.id, status: 'done', planId: id, solve: report.solve, hard, moved: 3, timeLimitSeconds: 5 });
    expect(runs[1].publishedAs).toBe((await published()).number);
    expect((await t.call(sr, { method: 'DELETE', url: `/api/solve-jobs/${queued.id}` })).statusCode).toBe(200);
  });
});
