/**
 * Refuses a state-changing request that another site made a browser send (a form posted from a
 * foreign page carries the user's session cookie). Browsers say where a request comes from in
 * Sec-Fetch-Site, and older ones in Origin; a request with neither is no cross-site browser request
 * (curl, the CLI) and passes — it carries no cookie it was not given.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from '../errors.ts';
import { shared } from './shared.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function fromThisSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  // 'none': typed into the address bar or opened from a bookmark.
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}

export const crossSitePlugin = shared(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || fromThisSite(request)) return;
    request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site write refused');
    throw forbidden('Begäran kom från en annan webbplats / The request came from another site');
  });
});
