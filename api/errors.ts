/**
 * Errors the API answers with on purpose. Anything else is an internal error: logged with the
 * request, answered with a bare 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: string[],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: string[]) => new HttpError(400, 'bad-request', message, details);
export const unauthorized = () => new HttpError(401, 'unauthorized', 'Inte inloggad / Not logged in');
export const forbidden = (why = 'Din roll får inte göra detta / Your role may not do this') => new HttpError(403, 'forbidden', why);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} finns inte / ${what} not found`);
export const tooManyRequests = (message = 'För många försök, vänta en stund / Too many attempts, wait a while') =>
  new HttpError(429, 'too-many-requests', message);
export const conflict = (current: unknown, message = 'Någon annan har ändrat detta; här är det nu / Changed by someone else; here is the current state') =>
  new HttpError(409, 'conflict', message, undefined, current ?? null);

/** `/trainees/3/start` → `trainees[3].start`: the field names formats.md's messages use. */
export function fieldPath(instancePath: string, prefix: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  let out = prefix;
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || prefix;
}

export function errorHandler(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.details) body.details = error.details;
    if (error.statusCode === 409) body.current = error.current ?? null;
    if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(error.statusCode).send(body);
    return;
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const where = fe.validationContext ?? 'body';
    const details = fe.validation.map((v) => {
      const missing = v.keyword === 'required' ? (v.params as { missingProperty?: string }).missingProperty : undefined;
      const path = fieldPath(v.instancePath + (missing ? `/${missing}` : ''), where === 'body' ? '' : where);
      return `${path || where}: ${v.message ?? 'ogiltigt värde'}`;
    });
    void reply.status(400).send({ error: 'bad-request', message: 'Ogiltig begäran / Invalid request', details });
    return;
  }
  // Constraint violations the services did not foresee: the client's data, not our failure.
  const pgCode = (error as { code?: unknown }).code;
  if (pgCode === '23503' || pgCode === '23505') {
    request.log.warn({ err: error }, 'constraint violation');
    const message = pgCode === '23503' ? 'Hänvisar till något som inte finns / Refers to something that does not exist' : 'Finns redan / Already exists';
    void reply.status(pgCode === '23503' ? 400 : 409).send({ error: pgCode === '23503' ? 'bad-request' : 'conflict', message });
    return;
  }
  // A value the schemas let through but PostgreSQL cannot store (class 22: data exception) is the client's too.
  if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
    request.log.warn({ err: error }, 'value the database cannot store');
    void reply.status(400).send({ error: 'bad-request', message: 'Ett värde kan inte sparas / A value cannot be stored' });
    return;
  }
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status < 500) {
    // fastify's own 4xx: a body that is no JSON, an unsupported content type, too large …
    void reply.status(status).send({ error: fe.code ?? 'bad-request', message: fe.message, details: [`body: ${fe.message}`] });
    return;
  }
  request.log.error({ err: error }, 'internal error');
  void reply.status(500).send({ error: 'internal', message: 'Internt fel / Internal error' });
}
