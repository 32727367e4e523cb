/** Safe publishing and plan versions: check, publish, roll back, release locks; the runs kept; the others' occupancy for live checks. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { solveJobsRepo } from '../../db/index.ts';
import { badRequest, fieldPath } from '../errors.ts';
import { ERROR_RESPONSES, NumericIdParams } from '../schemas/common.ts';
import { PlanDetail } from '../schemas/plans.ts';
import { LocksReleased, Occupancy, PublishBody, PublishCheck, ReleaseLocksBody, SolveRun } from '../schemas/versions.ts';
import { STUDIEREKTOR } from '../plugins/shared.ts';
import { occupancy } from '../services/occupancy.ts';
import { detailFor } from '../services/plans.ts';
import { publishCheck, publishDraft, releaseLocks, rollback } from '../services/versions.ts';

/**
 * A body that may be left out (a bare POST means "no reason, no acknowledgement"), which a fastify
 * body schema cannot say: checked here against the same TypeBox schema, errors named by field.
 */
export function optionalBody<S extends TSchema>(schema: S, body: unknown): Static<S> {
  if (body === undefined || body === null) return {} as Static<S>;
  const errors = [...Value.Errors(schema, body)].map((e) => `${fieldPath(e.path, '') || 'body'}: ${e.message}`);
  if (errors.length > 0) throw badRequest('Ogiltig begäran / Invalid request', errors);
  return body as Static<S>;
}

export async function versionRoutes(app: FastifyInstance): Promise<void> {
  const params = { params: NumericIdParams };
  app.get<{ Params: NumericIdParams }>(
    '/api/plans/:id/check',
    { config: { roles: STUDIEREKTOR }, schema: { ...params, response: { 200: PublishCheck, ...ERROR_RESPONSES } } },
    async (request) => publishCheck(app.db, app.reports, request.params.id),
  );

  app.post<{ Params: NumericIdParams }>(
    '/api/plans/:id/publish',
    { config: { roles: STUDIEREKTOR }, schema: { ...params, response: { 200: PlanDetail, ...ERROR_RESPONSES } } },
    async (request) => {
      const body = optionalBody(PublishBody, request.body);
      const record = await publishDraft(app.db, app.reports, request.user!, request.params.id, body);
      return detailFor(app.db, app.reports, request.user!, record);
    },
  );

  app.post<{ Params: NumericIdParams; Body: PublishBody }>(
    '/api/plans/:id/rollback',
    { config: { roles: STUDIEREKTOR }, schema: { ...params, body: PublishBody, response: { 200: PlanDetail, ...ERROR_RESPONSES } } },
    async (request) => {
      const record = await rollback(app.db, app.reports, request.user!, request.params.id, request.body);
      return detailFor(app.db, app.reports, request.user!, record);
    },
  );

  app.post<{ Body: ReleaseLocksBody }>(
    '/api/locks/release',
    { config: { roles: STUDIEREKTOR }, schema: { body: ReleaseLocksBody, response: { 200: LocksReleased, ...ERROR_RESPONSES } } },
    async (request) => releaseLocks(app.db, request.user!, request.body),
  );

  app.get(
    '/api/occupancy',
    { config: { roles: ['st-lakare', 'studierektor'] }, schema: { response: { 200: Occupancy, ...ERROR_RESPONSES } } },
    async (request) => occupancy(app.db, request.user!),
  );

  // The runs are kept: a reload or another view in between loses none of them.
  app.get(
    '/api/solve-jobs',
    { config: { roles: STUDIEREKTOR }, schema: { response: { 200: Type.Array(SolveRun), ...ERROR_RESPONSES } } },
    async () => solveJobsRepo.recent(app.db, 20),
  );
}
