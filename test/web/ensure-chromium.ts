/**
 * The browser tests drive Debian's Chromium. CI runs as root on a fresh machine: install it with
 * apt-get when it is missing, once, and say so; elsewhere fail with the command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.RANDPLAN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) throw new Error(`${CHROMIUM} is missing: run  sudo apt-get update && sudo apt-get install -y chromium`);
  console.log(`[ensure-chromium] ${CHROMIUM} missing; installing with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

// `tsx test/web/ensure-chromium.ts` installs it by hand.
if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
