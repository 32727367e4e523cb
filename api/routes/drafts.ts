/** Drafts the studierektor saves by hand; publishing them is versions.ts's check and publish. */
import type { FastifyInstance } from 'fastify';
import { ERROR_RESPONSES } from '../schemas/common.ts';
import { DraftBody } from '../schemas/drafts.ts';
import { PlanSummary } from '../schemas/plans.ts';
import { STUDIEREKTOR } from '../plugins/shared.ts';
import { createDraft } from '../services/drafts.ts';

export async function draftRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: DraftBody }>(
    '/api/plans/drafts',
    { config: { roles: STUDIEREKTOR }, schema: { body: DraftBody, response: { 201: PlanSummary, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      reply.code(201);
      return createDraft(app.db, request.user!, request.body.plan, request.body.note);
    },
  );
}
