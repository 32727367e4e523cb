/**
 * What browsers are told to protect the app and the personal data in its answers: helmet's headers
 * (a CSP that runs only this origin's scripts, no framing by any site, no referrer, nosniff), and
 * `Cache-Control: no-store` on every API answer, so that no browser or proxy cache keeps a trainee's
 * plan. Behind HTTPS also HSTS and upgrade-insecure-requests (over plain HTTP they would break the app).
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { shared } from './shared.ts';

export const browserPlugin = shared(async (app: FastifyInstance, opts: { https: boolean }) => {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': opts.https ? [] : null },
    },
    strictTransportSecurity: opts.https,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
});
