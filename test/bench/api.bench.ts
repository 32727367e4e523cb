/**
 * `npm run bench:api`: read latency of the real server on loopback (PGlite, demo data), with
 * autocannon at 100 connections — alone, and while an 800-trainee solve job runs in the server's
 * worker thread, and while imports run back to back (an 800-trainee Windows-1252 CSV and the hostile
 * XLSX of issue 13). Targets: p99 < 50 ms alone, < 150 ms during the solve. Prints numbers; asserts nothing.
 *
 * Env: BENCH_SECONDS (default 10 per run), BENCH_CONNECTIONS (default 100), BENCH_PORT (default 3917).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { generateScenario } from '../../solver/demo/generate.ts';

interface Latency {
  p50: number;
  p99: number;
  max: number;
  average: number;
}
interface CannonResult {
  latency: Latency;
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'randplan-bench-'));

const server = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(PORT), RANDPLAN_DATA_DIR: dataDir, RANDPLAN_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function stop(): Promise<void> {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForHealth(): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return Date.now() - t0;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 120_000) throw new Error('server did not start within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function call(cookie: string, method: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(`${BASE}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const sizes = new Map<string, number>();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

function row(label: string, r: CannonResult): string {
  const l = r.latency;
  const path = label.split('GET ')[1] ?? '';
  const kb = sizes.has(path) ? `${(sizes.get(path)! / 1024).toFixed(0)} KiB`.padStart(8) : '';
  return `${label.padEnd(44)}${kb}  p50 ${String(l.p50).padStart(4)} ms  p99 ${String(l.p99).padStart(4)} ms  max ${String(l.max).padStart(5)} ms  ${Math.round(r.requests.average)} req/s  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`;
}

/** One measured run, after a short unmeasured one that warms the JIT and the server's read cache. */
async function cannon(path: string, cookie: string): Promise<CannonResult> {
  sizes.set(path, (await (await fetch(`${BASE}${path}`, { headers: { cookie } })).arrayBuffer()).byteLength);
  await autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: 2, headers: { cookie } });
  return autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
}

try {
  const startMs = await waitForHealth();
  console.log(`server up (fresh PGlite + demo seed) in ${(startMs / 1000).toFixed(1)} s`);
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'studierektor@demo', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per run\n`);

  const results: string[] = [];
  results.push(row('demo (40): GET /api/plans/published', await cannon('/api/plans/published', cookie)));

  const scenario = generateScenario({ size: 800, seed: 3 });
  await call(cookie, 'POST', '/api/import/scenario', scenario);
  const probe = scenario.trainees[400]!.id;
  const reads = [`/api/trainees/${probe}`, '/api/clinics'];
  for (const path of reads) results.push(row(`800 alone: GET ${path}`, await cannon(path, cookie)));

  const { id } = await call(cookie, 'POST', '/api/solve-jobs', { timeLimitSeconds: 600 });
  for (let i = 0; i < 600; i++) {
    const job = await call(cookie, 'GET', `/api/solve-jobs/${id}`);
    if (job.status === 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000)); // let the worker get into its stride
  for (const path of reads) results.push(row(`800 during solve: GET ${path}`, await cannon(path, cookie)));
  const job = await call(cookie, 'GET', `/api/solve-jobs/${id}`);
  console.log(`solve job during the runs: status ${job.status}, progress ${JSON.stringify(job.progress)}`);
  await call(cookie, 'DELETE', `/api/solve-jobs/${id}`);

  // Imports back to back: the 800 trainees as Windows-1252 CSV (what Swedish Excel saves), and the XLSX
  // that once stalled the server (a header cell at XFD1, a row at A600), which is now refused.
  const csv = Buffer.from(
    ['id;namn;enhet;start;regelverk', ...scenario.trainees.map((t) => `${t.id};${t.name} Åström;${t.unit};${t.start};${t.regulation}`)].join('\r\n'),
    'latin1',
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lista');
  ws.addRow(['id', 'namn', 'specialitet', 'kapacitet']);
  ws.getCell('XFD1').value = 'x';
  ws.getCell('A600').value = 'y';
  const hostile = Buffer.from(await wb.xlsx.writeBuffer());
  const upload = async (path: string, type: string, body: Buffer) => {
    const t0 = performance.now();
    const r = await fetch(`${BASE}${path}`, { method: 'POST', headers: { cookie, 'content-type': type }, body: new Uint8Array(body) });
    await r.arrayBuffer();
    return { status: r.status, ms: performance.now() - t0 };
  };
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const once = await upload('/api/import/clinics', xlsxType, hostile);
  console.log(`hostile XLSX (${(hostile.length / 1024).toFixed(1)} KiB, XFD1 + A600): ${once.status} in ${once.ms.toFixed(0)} ms`);
  let importing = true;
  const imports: { status: number; ms: number }[] = [];
  const loop = (async () => {
    while (importing) {
      imports.push(await upload('/api/import/trainees', 'text/csv', csv));
      imports.push(await upload('/api/import/clinics', xlsxType, hostile));
    }
  })();
  for (const path of reads) results.push(row(`800 during imports: GET ${path}`, await cannon(path, cookie)));
  importing = false;
  await loop;
  const csvRuns = imports.filter((_, i) => i % 2 === 0);
  console.log(
    `imports during the runs: ${csvRuns.length} × CSV of ${scenario.trainees.length} trainees (${(csv.length / 1024).toFixed(0)} KiB, Windows-1252), ` +
      `median ${median(csvRuns.map((r) => r.ms)).toFixed(0)} ms, statuses ${[...new Set(imports.map((r) => r.status))].join('/')}`,
  );

  console.log('\n' + results.join('\n'));
  console.log('\ntargets: p99 < 50 ms alone, < 150 ms during the solve');
  console.log('(during imports, each import commits a write, which clears the read cache: reads then go to the database)');
} finally {
  await stop();
}
