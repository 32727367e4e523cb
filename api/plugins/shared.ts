/** Types the plugins add to fastify, and the marker that lets a plugin decorate the root instance. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, DatabaseKind, Role, UserRecord } from '../../db/index.ts';
import type { CompletionQueue } from '../services/completion-queue.ts';
import type { SolveWorker } from '../../solver/solve/solve-worker.ts';
import type { ReportCache } from '../services/plans.ts';
import type { ReadCache } from '../services/read-cache.ts';
import type { SolveRunner } from '../services/solve-runner.ts';
import type { Sessions } from '../services/users.ts';

import type { Day } from '../../solver/time/dates.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
    sessions: Sessions;
    reports: ReportCache;
    /** Cached reads of the region's data; cleared on every write. */
    reads: ReadCache;
    solveRunner: SolveRunner | null;
    /** Today in Sweden, or the day the app was built with (BuildAppOptions.today): the one clock of the API. */
    today: () => Day;
    /** The queue the one-trainee "complete my plan" solves wait in. */
    completions: CompletionQueue;
    /** The worker thread those solves run in, one after another. */
    completer: SolveWorker;
  }
  interface FastifyRequest {
    user: UserRecord | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route: the roles, or 'public' (no login). Every /api route must say. */
    roles?: readonly Role[] | 'public';
  }
}

/**
 * Lets a plugin's decorators and hooks reach the whole app (what fastify-plugin does): fastify reads
 * this well-known symbol and skips the plugin's own encapsulation context.
 */
export function shared<T extends FastifyPluginAsync<any>>(plugin: T): T {
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}

export const ALL_ROLES = ['studierektor', 'enhetschef', 'st-lakare', 'handledare'] as const satisfies readonly Role[];
export const STUDIEREKTOR = ['studierektor'] as const satisfies readonly Role[];
