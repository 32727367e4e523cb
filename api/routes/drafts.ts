/** Drafts: saved by hand, listed and deleted by the studierektor; publishing them is versions.ts's check and publish. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ERROR_RESPONSES, NumericIdParams } from '../schemas/common.ts';
import { DraftBody, DraftListing } from '../schemas/drafts.ts';
import { PlanSummary } from '../schemas/plans.ts';
import { STUDIEREKTOR } from '../plugins/shared.ts';
import { createDraft, deleteDraft, listDrafts } from '../services/drafts.ts';

export async function draftRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: DraftBody }>(
    '/api/plans/drafts',
    { config: { roles: STUDIEREKTOR }, schema: { body: DraftBody, response: { 201: PlanSummary, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      reply.code(201);
      return createDraft(app.db, request.user!, request.body.plan, request.body.note);
    },
  );

  app.get(
    '/api/plans/drafts',
    { config: { roles: STUDIEREKTOR }, schema: { response: { 200: Type.Array(DraftListing), ...ERROR_RESPONSES } } },
    async () => listDrafts(app.db, app.reports),
  );

  app.delete<{ Params: NumericIdParams }>(
    '/api/plans/drafts/:id',
    { config: { roles: STUDIEREKTOR }, schema: { params: NumericIdParams, response: { 200: PlanSummary, ...ERROR_RESPONSES } } },
    async (request) => deleteDraft(app.db, request.user!, request.params.id),
  );
}
