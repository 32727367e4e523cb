/**
 * How requests are checked against their route's schema. A body is taken as sent: no type coercion,
 * so capacity `null`, `"7"` or `true` is refused with the field named (as the imports refuse them)
 * instead of being stored as 0, 7 or 1. Path and query parameters arrive as text and are converted
 * to the numbers their schema asks for. A field the schema rules out is refused. No text anywhere may hold a NUL character, which PostgreSQL
 * cannot store.
 */
import Ajv, { type Options } from 'ajv';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, fieldPath } from './errors.ts';

/** What fastify's own validator uses, plus every error at once. */
const COMMON: Options = { useDefaults: true, allErrors: true, addUsedSchema: false };

export function installValidation(app: FastifyInstance): void {
  // A field a body may not have is refused, not dropped: `{"x": 1}` is no bare approval.
  const body = new Ajv({ ...COMMON, coerceTypes: false, removeAdditional: false });
  const text = new Ajv({ ...COMMON, coerceTypes: 'array', removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
  app.addHook('preValidation', async (request) => refuseNul(request));
}

/** The paths of the strings (and keys) in `value` that hold a NUL character. */
function nulPaths(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => nulPaths(v, `${path}/${i}`, out));
  else if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push(`${path}/${k.replace(/\u0000/g, '\\0')}`);
      else nulPaths(v, `${path}/${k}`, out);
    }
  }
}

function refuseNul(request: FastifyRequest): void {
  const found: string[] = [];
  for (const [part, value] of [['body', request.body], ['params', request.params], ['querystring', request.query]] as const) {
    const paths: string[] = [];
    nulPaths(value, '', paths);
    for (const p of paths) found.push(`${fieldPath(p, part === 'body' ? '' : part) || part}: innehåller ett NUL-tecken / contains a NUL character`);
  }
  if (found.length) throw badRequest('Ogiltig begäran / Invalid request', found);
}
