/** Health, login, logout and who am I. */
import type { FastifyInstance } from 'fastify';
import { ERROR_RESPONSES, NoBody, Ok } from '../schemas/common.ts';
import { Health, LoginBody, UserResponse } from '../schemas/auth.ts';
import { tooManyRequests, unauthorized } from '../errors.ts';
import type { LoginThrottle } from '../services/login-throttle.ts';
import { checkPassword, SESSION_COOKIE, SESSION_DAYS } from '../services/users.ts';
import { ALL_ROLES } from '../plugins/shared.ts';

export interface AuthRouteOptions {
  throttle: LoginThrottle;
  secureCookie: boolean;
}

export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): Promise<void> {
  app.get('/api/health', { config: { roles: 'public' }, schema: { response: { 200: Health } } }, async () => ({ ok: true as const, db: app.dbKind }));

  app.post<{ Body: LoginBody }>(
    '/api/auth/login',
    {
      config: { roles: 'public' },
      schema: { body: LoginBody, response: { 200: UserResponse, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      if (opts.throttle.blocked(request.ip)) throw tooManyRequests();
      await opts.throttle.delay(email);
      const user = await checkPassword(app.db, email, password);
      if (!user) {
        opts.throttle.failed(request.ip, email);
        request.log.info({ email, ip: request.ip }, 'login failed');
        throw unauthorized();
      }
      opts.throttle.succeeded(email);
      const token = await app.sessions.create(user.id);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookie,
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      request.log.info({ user: user.email }, 'login');
      return { user };
    },
  );

  app.post('/api/auth/logout', { config: { roles: 'public' }, schema: { body: NoBody, response: { 200: Ok, ...ERROR_RESPONSES } } }, async (request, reply) => {
    await app.sessions.destroy(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { roles: ALL_ROLES }, schema: { response: { 200: UserResponse, ...ERROR_RESPONSES } } }, async (request) => ({
    user: request.user!,
  }));
}
