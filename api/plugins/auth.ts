/**
 * Who is calling, and may they: the session cookie names the user (looked up on every /api request);
 * each route's `config.roles` says which roles may call it, checked before the handler. A route
 * without `roles` cannot be registered, so no route is open by accident.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { forbidden, unauthorized } from '../errors.ts';
import { SESSION_COOKIE, Sessions } from '../services/users.ts';
import { shared } from './shared.ts';

export const authPlugin = shared(async (app: FastifyInstance) => {
  await app.register(fastifyCookie);
  app.decorate('sessions', new Sessions(app.db));
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const roles = route.config?.roles;
    if (roles === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no roles`);
  });

  // onRequest: a caller who may not call a route learns nothing more (not even whether the body was valid).
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    const roles = request.routeOptions.config.roles;
    if (roles === 'public') return;
    request.user = await app.sessions.user(request.cookies[SESSION_COOKIE]);
    if (!request.user) throw unauthorized();
    if (!roles || !roles.includes(request.user.role)) throw forbidden();
  });
});
