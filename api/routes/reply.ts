/**
 * Cached reads are kept as ready JSON bytes: each request then costs a copy to the socket, not a
 * serialisation and UTF-8 encoding of a few hundred kilobytes (fastify passes a Buffer through untouched).
 */
import type { FastifyReply } from 'fastify';

export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function json(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(bytes);
}
