/**
 * Browser measurements without the API (`npx tsx test/web/bench.browser.ts [size]`): the built web is
 * served by `vite preview`; #/bench generates a region in the page and renders it. Prints the first
 * render of the cohort timeline and the frame time of dragging a bar in "Min plan" (with live
 * validation against the whole cohort). Measured, not asserted.
 */
import { join } from 'node:path';
import { preview } from 'vite';
import { buildWebIfStale, freePort, launch, openPage, ROOT, SCREENSHOTS } from './browser.ts';
import type { PerfLog } from '../../web/src/lib/perf.ts';
import { summarise } from '../../web/src/lib/perf.ts';

const size = Number(process.argv[2] ?? 800);
buildWebIfStale();
const port = await freePort();
const server = await preview({ configFile: join(ROOT, 'web/vite.config.ts'), preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await launch();
try {
  const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('[page error]', e.message));

  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto('about:blank'); // a hash change alone would not reload the app
    await page.goto(`http://127.0.0.1:${port}/#/bench?n=${size}&run=${i}`);
    await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => window.__randplanPerf?.cohortFirstRender !== undefined);
    const perf = (await page.evaluate(() => window.__randplanPerf)) as PerfLog & { generateMs: number; validateAllMs: number };
    runs.push(perf.cohortFirstRender!);
    if (i === 0) {
      console.log(`generate ${size} trainees in the page: ${perf.generateMs.toFixed(0)} ms; validate all: ${perf.validateAllMs.toFixed(1)} ms`);
      const bars = await page.locator('.timeline .bar').count();
      console.log(`rows in the DOM: ${await page.locator('.timeline .tl-row').count()} of ${perf.cohortRows}, bars in the DOM: ${bars}`);
      await page.screenshot({ path: join(SCREENSHOTS, `bench-cohort-${size}.png`) });
    }
  }
  console.log(`cohort timeline first render, ${size} trainees: ${runs.map((r) => r.toFixed(1)).join(' / ')} ms`);

  // Scroll the virtualised cohort and time the frames.
  const scrollMs = await page.evaluate(async () => {
    const el = document.querySelector('.timeline') as HTMLElement;
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      el.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t0);
    }
    return times;
  });
  const s = summarise(scrollMs);
  console.log(`scroll frame (600 px steps): mean ${s.mean.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);

  // Drag a rotation in "Min plan" over the same cohort.
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${port}/#/bench?n=${size}&view=my-plan`);
  await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
  const bar = page.locator('.timeline .bar.editable.kind-rotation').first();
  await bar.waitFor();
  await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
  const box = (await bar.boundingBox())!;
  await page.evaluate(() => (window.__randplanPerf!.dragFrames = []));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + box.width / 2 + i * 6, box.y + box.height / 2);
  await page.mouse.up();
  const frames = (await page.evaluate(() => window.__randplanPerf!.dragFrames)) as number[];
  const f = summarise(frames);
  console.log(
    `drag frame (pointer move → validateTrainee → painted), ${size}-trainee cohort: n ${f.n}, mean ${f.mean.toFixed(1)} ms, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms`,
  );
  await page.screenshot({ path: join(SCREENSHOTS, `bench-my-plan-${size}.png`) });
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
