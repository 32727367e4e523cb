import { join } from 'node:path';
import { createServer } from 'vite';
import { freePort, launch, ROOT } from './browser.ts';
const port = await freePort();
const server = await createServer({ configFile: join(ROOT, 'web/vite.config.ts'), server: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
await server.listen();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`http://127.0.0.1:${port}/#/bench?n=40`);
await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(async () => {
  for (const z of ['months', 'weeks', 'quarters', 'years']) {
    const zoom = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'weeks')) as HTMLSelectElement;
    zoom.value = z; zoom.dispatchEvent(new Event('change'));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
});
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const dt = profile.timeDeltas as number[];
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await browser.close();
await server.close();
