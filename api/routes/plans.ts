/** Plans, validation, diff, solve jobs. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { plansRepo, solveJobsRepo } from '../../db/index.ts';
import { Report } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { forbidden, notFound } from '../errors.ts';
import { ERROR_RESPONSES, NoBody, NumericIdParams } from '../schemas/common.ts';
import { AgreedPlacements, CompareQuery, DiffQuery, JobCreated, PlanCompare, PlanDetail, PlanDiff, PlanSummary, SolveJob, SolveJobBody, type Change } from '../schemas/plans.ts';
import { readableIds } from '../services/access.ts';
import { agreedPlacements, assertReleasable } from '../services/agreed.ts';
import { formatDay } from '../../solver/time/dates.ts';
import { audit } from '../services/audit.ts';
import { detailFor, detailView, diff, getPlan, plainPlan, publishedPlan, readPostedPlan, reportFor, reportOf } from '../services/plans.ts';
import { comparePlans } from '../services/plan-compare.ts';
import { loadScenario } from '../services/scenario.ts';
import { scopeKey } from '../services/read-cache.ts';
import { json, jsonBytes } from './reply.ts';
import { mergedPlan } from '../services/proposals.ts';
import { ALL_ROLES, STUDIEREKTOR } from '../plugins/shared.ts';
import type { JobRecord } from '../../db/index.ts';
import type { SolveJob as SolveJobT } from '../schemas/plans.ts';

function jobView(job: JobRecord): SolveJobT {
  return {
    id: job.id,
    status: job.status,
    timeLimitSeconds: job.timeLimitSeconds,
    progress: job.progress,
    result: job.status === 'done' && job.report ? { planId: job.resultPlanId, report: job.report, moved: (job.moved ?? []) as Change[] } : null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function planRoutes(app: FastifyInstance): Promise<void> {
  // Plan versions: who made them and when is the studierektor's and the unit managers' business.
  app.get('/api/plans', { config: { roles: ['studierektor', 'enhetschef'] }, schema: { response: { 200: Type.Array(PlanSummary), ...ERROR_RESPONSES } } }, async () =>
    plansRepo.list(app.db),
  );

  // The web's main read: served from the read cache (plan, scenario and report), filtered per role.
  app.get('/api/plans/published', { config: { roles: ALL_ROLES }, schema: { response: { 200: PlanDetail, ...ERROR_RESPONSES } } }, async (request, reply) => {
    const user = request.user!;
    const text = await app.reads.get(`json:published:${scopeKey(user)}`, async () => {
      const record = await app.reads.get('plan:published', () => publishedPlan(app.db));
      const scenario = await app.reads.get('scenario', () => loadScenario(app.db));
      const report = await app.reads.get(`report:${record.id}`, () => reportOf(app.db, app.reports, record, scenario));
      return jsonBytes(detailView(user, record, scenario, report));
    });
    return json(reply, text);
  });

  app.get<{ Querystring: DiffQuery }>(
    '/api/plans/diff',
    { config: { roles: ['studierektor', 'enhetschef'] }, schema: { querystring: DiffQuery, response: { 200: PlanDiff, ...ERROR_RESPONSES } } },
    async (request) => {
      const [from, to] = [await getPlan(app.db, request.query.from), await getPlan(app.db, request.query.to)];
      const user = request.user!;
      const readable = user.role === 'studierektor' ? null : readableIds(user, (await loadScenario(app.db)).trainees);
      return diff(plainPlan(from.plan), plainPlan(to.plan), readable);
    },
  );

  // The what-if: two plans (solve runs' drafts, or one and the published plan) side by side, region-wide.
  app.get<{ Querystring: CompareQuery }>(
    '/api/plans/compare',
    { config: { roles: STUDIEREKTOR }, schema: { querystring: CompareQuery, response: { 200: PlanCompare, ...ERROR_RESPONSES } } },
    async (request) => comparePlans(app.db, app.reports, request.query.from, request.query.to),
  );

  app.get<{ Params: NumericIdParams }>(
    '/api/plans/:id',
    { config: { roles: ALL_ROLES }, schema: { params: NumericIdParams, response: { 200: PlanDetail, ...ERROR_RESPONSES } } },
    async (request) => {
      const record = await getPlan(app.db, request.params.id);
      const user = request.user!;
      // Drafts are the studierektor's (and the unit managers') work in progress; others see published versions.
      if (record.status === 'draft' && user.role !== 'studierektor' && user.role !== 'enhetschef') throw forbidden();
      return detailFor(app.db, app.reports, user, record);
    },
  );

  app.post<{ Body: { plan: unknown } }>(
    '/api/validate',
    { config: { roles: ['studierektor', 'st-lakare'] }, schema: { body: Type.Object({ plan: Type.Unknown() }), response: { 200: Report, ...ERROR_RESPONSES } } },
    async (request) => {
      const user = request.user!;
      const scenario = await loadScenario(app.db);
      const plan = readPostedPlan(request.body.plan, scenario);
      if (user.role === 'studierektor') return validate(scenario, plan);
      // The plan is read by the format reader (field-named errors), not the schema. An ST-läkare validates their own placements against everyone else's as published.
      const own = user.trainees[0]!;
      if (plan.placements.some((p) => p.trainee !== own)) throw forbidden('Du kan bara pröva dina egna placeringar / You can only try your own placements');
      const published = await plansRepo.published(app.db);
      const merged = mergedPlan(published?.plan.placements ?? [], own, plan.placements.map(({ trainee: _t, ...p }) => p));
      const report = validate(scenario, plainPlan({ format: plan.format, placements: merged }));
      return reportFor(user, report, new Set([own]), scenario.trainees);
    },
  );

  app.post<{ Body: SolveJobBody }>(
    '/api/solve-jobs',
    { config: { roles: STUDIEREKTOR }, schema: { body: SolveJobBody, response: { 202: JobCreated, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const release = request.body?.release ?? [];
      // Checked before the job exists: a release the solve would refuse starts nothing.
      await assertReleasable(app.db, release, formatDay(app.today()));
      const job = await app.db.transaction().execute(async (trx) => {
        const job = await solveJobsRepo.create(trx, { timeLimitSeconds: request.body?.timeLimitSeconds ?? null, createdBy: request.user!.email, release });
        await audit(trx, request.user!, 'create', 'solve-job', job.id, null, { timeLimitSeconds: job.timeLimitSeconds, released: release.length });
        return job;
      });
      app.solveRunner?.kick();
      reply.code(202);
      return { id: job.id };
    },
  );

  // What a solve today keeps as agreed with the clinics: the Solve view lists it, to release before solving.
  app.get(
    '/api/solve-jobs/agreed',
    { config: { roles: STUDIEREKTOR }, schema: { response: { 200: AgreedPlacements, ...ERROR_RESPONSES } } },
    async () => agreedPlacements(app.db, formatDay(app.today())),
  );

  app.get<{ Params: NumericIdParams }>(
    '/api/solve-jobs/:id',
    { config: { roles: STUDIEREKTOR }, schema: { params: NumericIdParams, response: { 200: SolveJob, ...ERROR_RESPONSES } } },
    async (request) => {
      const job = await solveJobsRepo.get(app.db, request.params.id);
      if (!job) throw notFound(`Körningen ${request.params.id}`);
      return jobView(job);
    },
  );

  app.delete<{ Params: NumericIdParams }>(
    '/api/solve-jobs/:id',
    { config: { roles: STUDIEREKTOR }, schema: { params: NumericIdParams, response: { 200: SolveJob, ...ERROR_RESPONSES } } },
    async (request) => {
      const job = await solveJobsRepo.cancel(app.db, request.params.id);
      if (!job) throw notFound(`Körningen ${request.params.id}`);
      app.solveRunner?.cancelLocal(job.id);
      await audit(app.db, request.user!, 'cancel', 'solve-job', job.id, null, { status: job.status });
      return jobView(job);
    },
  );
}
