/** Shared by the browser test and the browser bench: launch Chromium, build the web, find a port. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { RULES } from '../../solver/rules/index.ts';
import { CHROMIUM_ARGS, ensureChromium } from './ensure-chromium.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'test/web/screenshots');

/** The day the browser tests run on, in the server (RANDPLAN_TODAY) and in the page's clock alike. */
export const BROWSER_TODAY = '2027-03-15';

/** A page whose clock stands at noon of `today` in Sweden (timers still run), so views never read the machine's date. */
export async function openPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}, today = BROWSER_TODAY): Promise<Page> {
  const page = await browser.newPage({ timezoneId: 'Europe/Stockholm', ...options });
  await page.clock.setFixedTime(new Date(`${today}T11:00:00Z`));
  return page;
}

/** Logs in on the app at `base` with the demo password and waits for the logged-in view. */
export async function logIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill('demo');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

/** The visible Swedish text names people and rules, never by their ids (issue 14): `ids` are patterns of the trainee ids in play. */
export async function expectNoIds(page: Page, ids: string[]): Promise<void> {
  const text = await page.locator('body').innerText();
  const all = [...ids, ...RULES.map((r) => r.id)];
  const found = [...text.matchAll(new RegExp(`(?<![\\w-])(${all.join('|')})(?![\\w-])`, 'g'))];
  expect(found.map((m) => text.slice(Math.max(0, m.index - 60), m.index + 20))).toEqual([]);
}

export async function launch(): Promise<Browser> {
  const executablePath = ensureChromium();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(ROOT, 'web/dist/index.html');
  const srcNewest = Math.max(newestMtime(join(ROOT, 'web/src')), newestMtime(join(ROOT, 'solver')));
  return existsSync(index) && statSync(index).mtimeMs > srcNewest;
}

/**
 * Builds web/dist when it is missing or older than web/src or solver (the server serves web/dist).
 * Test files run in parallel: a lock directory keeps two builds from emptying web/dist under each other.
 */
export function buildWebIfStale(): void {
  if (isFresh()) return;
  const lock = join(ROOT, 'web/.build-lock');
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the wait is left over from a killed run.
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released between our mkdir and stat: try again at once
      }
      if (Date.now() > until || age > 180_000) rmSync(lock, { recursive: true, force: true });
      else spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (isFresh()) return;
    const res = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (res.status !== 0) throw new Error('vite build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
