/**
 * Writes that read the region's data (the published plan, the catalogue) and write on top of it, sent
 * at the same moment. PGlite serialises every transaction, so these can only fail on PostgreSQL,
 * where the requests run as parallel transactions on separate connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../solver/io/read.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

type Placement = { trainee: string; kind: string; clinic?: string; from: string; to: string; locked?: boolean };

describe.each(DIALECTS)('concurrent writes on $name', (dialect) => {
  let t: TestApp;
  let sr1: string;
  let sr2: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Two studierektor sessions, as two people at two desks.
    sr1 = await t.login('studierektor@demo');
    sr2 = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  const published = async (): Promise<Placement[]> => (await t.call(sr1, { method: 'GET', url: '/api/plans/published' })).json().plan.placements;

  async function submittedProposal(trainee: string, placements: Placement[]): Promise<number> {
    const own = placements.filter((p) => p.trainee === trainee).map(({ trainee: _t, locked: _l, ...p }) => p);
    const created = (await t.call(sr1, { method: 'POST', url: '/api/proposals', payload: { trainee, placements: own } })).json();
    const submitted = await t.call(sr1, { method: 'POST', url: `/api/proposals/${created.id}/submit` });
    expect(submitted.statusCode).toBe(200);
    return created.id;
  }

  it('keeps both of two approvals sent at the same moment in the published plan', async () => {
    const start = await published();
    // Trainees whose placements are not locked yet: an approval locks them, which shows it landed.
    const open = [...new Set(start.filter((p) => !p.locked).map((p) => p.trainee))];
    expect(open.length).toBeGreaterThanOrEqual(6);
    for (let round = 0; round < 3; round++) {
      const [a, b] = [open[2 * round]!, open[2 * round + 1]!];
      const now = await published();
      const [pa, pb] = [await submittedProposal(a, now), await submittedProposal(b, now)];
      const [ra, rb] = await Promise.all([
        t.call(sr1, { method: 'POST', url: `/api/proposals/${pa}/approve` }),
        t.call(sr2, { method: 'POST', url: `/api/proposals/${pb}/approve` }),
      ]);
      expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
      const after = await published();
      for (const trainee of [a, b]) {
        const mine = after.filter((p) => p.trainee === trainee);
        expect(mine.length, `round ${round}: ${trainee} has placements`).toBeGreaterThan(0);
        expect(mine.every((p) => p.locked), `round ${round}: ${trainee}'s approval is in the published plan`).toBe(true);
      }
    }
  });

  it('never lets a locked rotation at a clinic and the deletion of that clinic both succeed', async () => {
    const trainees = (await t.call(sr1, { method: 'GET', url: '/api/trainees' })).json();
    for (let round = 0; round < 3; round++) {
      const clinic = { id: `race-${round}`, name: `Kapplöpningskliniken ${round}`, specialty: 'hud', capacity: 1 };
      expect((await t.call(sr1, { method: 'POST', url: '/api/clinics', payload: clinic })).statusCode).toBe(201);
      const { id, version, ...trainee } = trainees[round];
      const locked = [...(trainee.locked ?? []), { kind: 'rotation', specialty: 'hud', clinic: clinic.id, from: '2031-01-06', to: '2031-02-02' }];
      const [put, del] = await Promise.all([
        t.call(sr1, { method: 'PUT', url: `/api/trainees/${id}`, payload: { ...trainee, locked, version } }),
        t.call(sr2, { method: 'DELETE', url: `/api/clinics/${clinic.id}`, payload: { version: 1 } }),
      ]);
      expect([put.statusCode, del.statusCode].sort(), `round ${round}`).toContain(400);
      const scenario = (await t.call(sr1, { method: 'GET', url: '/api/scenario' })).json();
      expect(readScenario(scenario).ok, `round ${round}: the region is still valid`).toBe(true);
      trainees[round] = (await t.call(sr1, { method: 'GET', url: `/api/trainees/${id}` })).json();
    }
  });
});
