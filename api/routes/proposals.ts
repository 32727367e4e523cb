/** The proposal workflow. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Report } from '../../solver/domain/schemas.ts';
import { ERROR_RESPONSES, NoBody, NumericIdParams } from '../schemas/common.ts';
import { Completed, Impact, Proposal, ProposalAction, ProposalApprove, ProposalCreate, ProposalPut, ProposalReturn } from '../schemas/proposals.ts';
import * as proposals from '../services/proposals.ts';
import { ALL_ROLES, STUDIEREKTOR } from '../plugins/shared.ts';

const EDITORS = ['studierektor', 'st-lakare'] as const;

export async function proposalRoutes(app: FastifyInstance): Promise<void> {
  const completions = app.completions;
  const id = { params: NumericIdParams };
  app.get('/api/proposals', { config: { roles: ALL_ROLES }, schema: { response: { 200: Type.Array(Proposal), ...ERROR_RESPONSES } } }, async (request) =>
    proposals.listProposals(app.db, request.user!),
  );
  app.get<{ Params: NumericIdParams }>('/api/proposals/:id', { config: { roles: ALL_ROLES }, schema: { ...id, response: { 200: Proposal, ...ERROR_RESPONSES } } }, async (request) =>
    proposals.getProposal(app.db, request.user!, request.params.id),
  );
  app.post<{ Body: ProposalCreate }>(
    '/api/proposals',
    { config: { roles: EDITORS }, schema: { body: ProposalCreate, response: { 201: Proposal, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      reply.code(201);
      return proposals.createProposal(app.db, request.user!, request.body.trainee, request.body.placements);
    },
  );
  app.put<{ Params: NumericIdParams; Body: ProposalPut }>(
    '/api/proposals/:id',
    { config: { roles: EDITORS }, schema: { ...id, body: ProposalPut, response: { 200: Proposal, ...ERROR_RESPONSES } } },
    async (request) => proposals.updateProposal(app.db, request.user!, request.params.id, request.body.placements, request.body.version),
  );
  app.post<{ Params: NumericIdParams }>(
    '/api/proposals/:id/validate',
    { config: { roles: ALL_ROLES }, schema: { ...id, body: NoBody, response: { 200: Report, ...ERROR_RESPONSES } } },
    async (request) => proposals.validateProposal(app.db, request.user!, request.params.id),
  );
  app.post<{ Params: NumericIdParams }>(
    '/api/proposals/:id/complete',
    { config: { roles: EDITORS }, schema: { ...id, body: NoBody, response: { 200: Completed, ...ERROR_RESPONSES } } },
    async (request) => completions.run(request.user!.id, () => proposals.completeProposal(app.db, app.completer, request.user!, request.params.id)),
  );
  app.get<{ Params: NumericIdParams }>(
    '/api/proposals/:id/impact',
    { config: { roles: ALL_ROLES }, schema: { ...id, response: { 200: Impact, ...ERROR_RESPONSES } } },
    async (request) => proposals.proposalImpact(app.db, request.user!, request.params.id),
  );
  app.post<{ Params: NumericIdParams; Body: ProposalAction }>(
    '/api/proposals/:id/submit',
    { config: { roles: EDITORS }, schema: { ...id, body: ProposalAction, response: { 200: Proposal, ...ERROR_RESPONSES } } },
    async (request) => {
      const version = request.body?.version;
      return proposals.transition(app.db, request.user!, request.params.id, 'submit', version !== undefined ? { version } : {});
    },
  );
  app.post<{ Params: NumericIdParams; Body: ProposalApprove }>(
    '/api/proposals/:id/approve',
    { config: { roles: STUDIEREKTOR }, schema: { ...id, body: ProposalApprove, response: { 200: Proposal, ...ERROR_RESPONSES } } },
    async (request) => {
      const body = request.body ?? {};
      return proposals.transition(app.db, request.user!, request.params.id, 'approve', {
        ...(body.version !== undefined ? { version: body.version } : {}),
        ...(body.acknowledge ? { acknowledge: body.acknowledge } : {}),
      });
    },
  );
  app.post<{ Params: NumericIdParams; Body: ProposalReturn }>(
    '/api/proposals/:id/return',
    { config: { roles: STUDIEREKTOR }, schema: { ...id, body: ProposalReturn, response: { 200: Proposal, ...ERROR_RESPONSES } } },
    async (request) =>
      proposals.transition(app.db, request.user!, request.params.id, 'return', {
        comment: request.body.comment,
        ...(request.body.version !== undefined ? { version: request.body.version } : {}),
      }),
  );
}
