import { join } from 'node:path';
import { preview } from 'vite';
import { freePort, launch, ROOT } from './browser.ts';
const port = await freePort();
const server = await preview({ configFile: join(ROOT, 'web/vite.config.ts'), preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await launch();
for (const n of [40, 800]) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/#/bench?n=${n}`);
  await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => window.__randplanPerf?.cohortFirstRender !== undefined);
  const perf = await page.evaluate(() => window.__randplanPerf);
  // Time the pieces again, warm: the rows and a re-mount by toggling the zoom.
  const t = await page.evaluate(async () => {
    const sel = document.querySelectorAll('select');
    const zoom = [...sel].find((s) => [...s.options].some((o) => o.value === 'weeks')) as HTMLSelectElement;
    const t0 = performance.now();
    zoom.value = 'months'; zoom.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { js: t1 - t0, paint: performance.now() - t1 };
  });
  console.log(n, 'first', perf?.cohortFirstRender?.toFixed(1), 'zoom change js', t.js.toFixed(1), 'paint', t.paint.toFixed(1));
  await page.close();
}
await browser.close();
server.httpServer.close();
