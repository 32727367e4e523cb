/**
 * The rules name trainees by name (issue 14); a report keeps the names of those the reader may not
 * read out of its messages: the ST-läkare learns that a clinic is full, not who else is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clinic, PlanPlacement, Trainee, Violation } from '../../solver/domain/schemas.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('names in report messages on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let st: string;
  let proposal: number;
  let other: Trainee;
  let me: Trainee;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    st = await t.login('st@demo');
    const mine = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user.trainees[0] as string;
    const trainees = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json() as Trainee[];
    const clinics = (await t.call(sr, { method: 'GET', url: '/api/clinics' })).json() as Clinic[];
    const placements = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json().plan.placements as PlanPlacement[];
    // An extra rotation on top of someone else's at a one-place clinic: a capacity violation naming both.
    const single = new Set(clinics.filter((c) => c.capacity === 1).map((c) => c.id));
    const theirs = placements.find((p) => p.trainee !== mine && p.kind === 'rotation' && p.clinic && single.has(p.clinic) && p.from > '2027-06-01')!;
    other = trainees.find((x) => x.id === theirs.trainee)!;
    me = trainees.find((x) => x.id === mine)!;
    const own = placements.filter((p) => p.trainee === mine).map(({ trainee: _t, locked: _l, ...p }: PlanPlacement & { locked?: boolean }) => p);
    const body = { trainee: mine, placements: [...own, { kind: 'rotation', specialty: theirs.specialty, clinic: theirs.clinic, from: theirs.from, to: theirs.to }] };
    const created = await t.call(st, { method: 'POST', url: '/api/proposals', payload: body });
    expect(created.statusCode).toBe(201);
    proposal = created.json().id;
  });
  afterAll(async () => t?.close());

  const capacity = (report: { violations: Violation[] }) => report.violations.find((v) => v.rule === 'clinic-capacity' && v.message.sv.includes(me.name))!;

  it('the studierektor reads everyone’s names', async () => {
    const v = capacity((await t.call(sr, { method: 'POST', url: `/api/proposals/${proposal}/validate` })).json());
    expect(v.message.sv).toContain(other.name);
    expect(v.trainees).toEqual(expect.arrayContaining([me.id, other.id]));
  });

  it('the ST-läkare reads their own name and "annan ST-läkare" for the other, never the other’s name or id', async () => {
    const report = (await t.call(st, { method: 'POST', url: `/api/proposals/${proposal}/validate` })).json();
    const v = capacity(report);
    expect(v.message.sv).toContain('annan ST-läkare');
    expect(v.message.en).toContain('another trainee');
    expect(v.trainees).toEqual([me.id]);
    for (const x of report.violations as Violation[]) for (const text of [x.message.sv, x.message.en]) expect(text).not.toContain(other.name);
  });
});
