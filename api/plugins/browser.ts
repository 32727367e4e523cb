/**
 * What browsers are told to protect the app and the personal data in its answers: helmet's headers
 * (a CSP that runs only this origin's scripts, no framing by any site, no referrer, nosniff), and
 * `Cache-Control: no-store` on every API answer, so that no browser or proxy cache keeps a trainee's
 * plan. (HSTS is sent too; browsers heed it only over HTTPS.)
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { shared } from './shared.ts';

export const browserPlugin = shared(async (app: FastifyInstance) => {
  await app.register(fastifyHelmet, {
    // No upgrade-insecure-requests: served over plain HTTP (a laptop, a test) it would break every script.
    contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null } },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
});
