/** "Complete my plan" solves: one at a time, at most one per user, 429 beyond. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionQueue } from '../../api/services/completion-queue.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/** A piece of work that ends when told to, and says whether it has started. */
function gate() {
  let open: () => void = () => {};
  const done = new Promise<void>((resolve) => (open = resolve));
  const g = {
    started: false,
    open: () => open(),
    async work() {
      g.started = true;
      await done;
      return 'ok';
    },
  };
  return g;
}

describe('the completion queue', () => {
  it('runs one solve at a time, in order, and refuses a second call from the same user or a full queue', async () => {
    const q = new CompletionQueue({ concurrency: 1, maxWaiting: 1 });
    const [a, b] = [gate(), gate()];
    const ra = q.run(1, a.work);
    const rb = q.run(2, b.work);
    await expect(q.run(1, async () => 'again')).rejects.toMatchObject({ statusCode: 429 });
    await expect(q.run(3, async () => 'full')).rejects.toMatchObject({ statusCode: 429 });
    await Promise.resolve();
    expect([a.started, b.started]).toEqual([true, false]);
    a.open();
    expect(await ra).toBe('ok');
    await new Promise((r) => setImmediate(r));
    expect(b.started).toBe(true);
    b.open();
    expect(await rb).toBe('ok');
    // Done users may call again; a failed solve frees its slot too.
    await expect(q.run(1, async () => Promise.reject(new Error('solver failed')))).rejects.toThrow('solver failed');
    expect(await q.run(1, async () => 'after')).toBe('after');
  });
});

describe.each(DIALECTS)('completing a proposal on $name', (dialect) => {
  let t: TestApp;
  let st: string;
  let proposal: number;
  beforeAll(async () => {
    t = await startTestApp(dialect, { jobs: false });
    st = await t.login('st@demo');
    const me = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user;
    proposal = (await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee: me.trainees[0], placements: [] } })).json().id;
  });
  afterAll(async () => t?.close());

  it('answers 429 while the same user’s previous completion still runs, and 200 once it is done', async () => {
    const me = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user;
    const running = gate();
    const first = t.app.completions.run(me.id, running.work);
    const busy = await t.call(st, { method: 'POST', url: `/api/proposals/${proposal}/complete` });
    expect(busy.statusCode).toBe(429);
    expect(busy.json().message).toMatch(/Your previous request is still being computed/);
    running.open();
    await first;
    expect((await t.call(st, { method: 'POST', url: `/api/proposals/${proposal}/complete` })).statusCode).toBe(200);
  });
});
