import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { openDatabase } from '../../db/index.ts';
import { captureIo } from '../../solver/cli/io.ts';
import { main } from '../../api/cli/main.ts';
import { run } from '../../api/cli/user.ts';
import { pgliteFromTemplate } from '../helpers/db.ts';

describe('randplan user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'randplan-user-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a user who can then log in, lists users, and refuses bad input naming the field', async () => {
    // A migrated but empty database in the directory.
    await (await openDatabase({ pglite: await pgliteFromTemplate(dir) })).close();
    const io = captureIo();
    const code = await run(['add', '--email', 'Rektor@Region.se', '--name', 'Rut Rektor', '--role', 'studierektor', '--password', 'hemligt', '--data-dir', dir], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/rektor@region\.se/);

    const bad = captureIo();
    expect(await run(['add', '--email', 'x@y', '--name', 'X', '--role', 'chef', '--password', 'hemligt', '--data-dir', dir], bad)).toBe(2);
    expect(bad.err).toMatch(/role: "chef"/);
    const missing = captureIo();
    expect(await run(['add', '--email', 'x@y', '--data-dir', dir], missing)).toBe(2);
    expect(missing.err).toMatch(/--name/);

    // Through the app's command line (`npx randplan user list`), as well as the module itself.
    const list = captureIo();
    expect(await main(['user', 'list', '--data-dir', dir], list)).toBe(0);
    expect(list.out.trim().split('\n')).toEqual(['rektor@region.se\tstudierektor\tRut Rektor']);

    const app = await buildApp({ dataDir: dir, demo: false, jobs: false, webRoot: false });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rektor@region.se', password: 'hemligt' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ role: 'studierektor', name: 'Rut Rektor' });
    } finally {
      await app.close();
    }
  });
});
