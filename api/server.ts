/**
 * Starts the Randplan API (and the web app when built): PORT (default 3000), HOST (default
 * 127.0.0.1), structured JSON logs, graceful shutdown on SIGINT/SIGTERM.
 */
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './services/demo.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const app = await buildApp({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  const address = await app.listen({ port, host });
  app.log.info({ url: address, db: app.dbKind }, `Randplan körs på ${address} / Randplan is running at ${address}`);
  if (process.env.RANDPLAN_DEMO !== '0') {
    app.log.info(`Demoinloggningar / demo logins: ${DEMO_USERS.join(', ')} — lösenord / password "${DEMO_PASSWORD}"`);
  }
} catch (err) {
  app.log.error({ err }, 'could not start');
  await app.close().catch(() => {});
  process.exit(1);
}
