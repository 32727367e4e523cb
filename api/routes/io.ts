/**
 * Imports (scenario JSON; trainee, clinic and placement lists, their templates, undoing the last one)
 * and exports (iCalendar, the cohort XLSX, who comes when per clinic or unit, plan JSON), and the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { auditRepo, plansRepo, type UserRecord } from '../../db/index.ts';
import { Plan } from '../../solver/domain/schemas.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { ERROR_RESPONSES, RowId, StringIdParams } from '../schemas/common.ts';
import { AuditEntry } from '../schemas/proposals.ts';
import { ImportCounts, LastImportBody, RegulationQuery, UndoneImport } from '../schemas/region.ts';
import { assertCanReadTrainee, readableIds } from '../services/access.ts';
import { cohortWorkbook } from '../services/cohort-xlsx.ts';
import { timelineWorkbook } from '../services/clinic-timeline-xlsx.ts';
import { traineeCalendar } from '../services/ics.ts';
import { importPlacements } from '../services/history-import.ts';
import { importClinics, importScenario, importTrainees, LIST_KINDS, type RegulationAnswer } from '../services/imports.ts';
import { templateCsv, templateXlsx } from '../services/import-templates.ts';
import { lastImport, undoLastImport } from '../services/import-undo.ts';
import { formatDay } from '../../solver/time/dates.ts';
import { XLSX_TYPE } from '../services/tabular.ts';
import { readUpload } from '../services/uploads.ts';
import { plainPlan, reportFor, reportOf } from '../services/plans.ts';
import { loadScenario } from '../services/scenario.ts';
import { STUDIEREKTOR, ALL_ROLES } from '../plugins/shared.ts';

const PlanQuery = Type.Object({ plan: Type.Optional(RowId) });

export async function ioRoutes(app: FastifyInstance): Promise<void> {
  // Lists arrive as CSV or as an XLSX workbook; both reach the handler as bytes (the CSV's encoding is found when it is read).
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const write = { roles: STUDIEREKTOR };
  app.post('/api/import/scenario', { config: write, schema: { response: { 200: ImportCounts, ...ERROR_RESPONSES } } }, async (request) => {
    const counts = await importScenario(app.db, request.user!, request.body);
    return { counts };
  });
  for (const what of LIST_KINDS) {
    app.post<{ Querystring: { regulation?: RegulationAnswer } }>(`/api/import/${what}`, { config: write, schema: { querystring: RegulationQuery, response: { 200: ImportCounts, ...ERROR_RESPONSES } } }, async (request) => {
      const type = String(request.headers['content-type'] ?? '');
      if (!Buffer.isBuffer(request.body)) throw badRequest('Skicka text/csv eller XLSX / Send text/csv or XLSX', [`content-type: ${type || 'saknas'}`]);
      const table = await readUpload(request.body, type);
      const user = request.user!;
      if (what === 'placements') return { counts: await importPlacements(app.db, user, table, formatDay(app.today())) };
      return { counts: what === 'trainees' ? await importTrainees(app.db, user, table, request.query.regulation) : await importClinics(app.db, user, table) };
    });

    // An empty list to fill in: the columns' Swedish names (CSV or XLSX with a help sheet).
    app.get<{ Params: { format: 'csv' | 'xlsx' } }>(
      `/api/import/templates/${what}.:format`,
      { config: write, schema: { params: Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }) } },
      async (request, reply) => {
        const xlsx = request.params.format === 'xlsx';
        reply
          .type(xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="randplan-mall-${what}.${request.params.format}"`);
        return xlsx ? templateXlsx(what) : templateCsv(what);
      },
    );
  }

  // The last list import, and undoing it (the web asks first).
  app.get('/api/import/last', { config: write, schema: { response: { 200: LastImportBody, ...ERROR_RESPONSES } } }, async () => ({ last: await lastImport(app.db) }));
  app.post('/api/import/undo', { config: write, schema: { response: { 200: UndoneImport, ...ERROR_RESPONSES } } }, async (request) => ({
    undone: await undoLastImport(app.db, request.user!),
  }));

  /** The published plan, or (studierektor) the version asked for. */
  async function planFor(user: UserRecord, id?: number) {
    if (id !== undefined && user.role !== 'studierektor') throw forbidden();
    const record = id !== undefined ? await plansRepo.get(app.db, id) : await plansRepo.published(app.db);
    if (!record) throw notFound(id !== undefined ? `Planen ${id}` : 'En publicerad plan / A published plan');
    return record;
  }

  app.get<{ Params: StringIdParams; Querystring: { plan?: number } }>(
    '/api/export/trainees/:id/plan.ics',
    { config: { roles: ALL_ROLES }, schema: { params: StringIdParams, querystring: PlanQuery } },
    async (request, reply) => {
      const scenario = await loadScenario(app.db);
      const trainee = scenario.trainees.find((t) => t.id === request.params.id);
      if (!trainee) throw notFound(`ST-läkaren ${request.params.id}`);
      assertCanReadTrainee(request.user!, trainee);
      const record = await planFor(request.user!, request.query.plan);
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="randplan-${encodeURIComponent(trainee.id)}.ics"`);
      return traineeCalendar(trainee, plainPlan(record.plan).placements, scenario);
    },
  );

  app.get<{ Querystring: { plan?: number } }>('/api/export/plan.xlsx', { config: { roles: ALL_ROLES }, schema: { querystring: PlanQuery } }, async (request, reply) => {
    const user = request.user!;
    const scenario = await loadScenario(app.db);
    const record = await planFor(user, request.query.plan);
    const readable = readableIds(user, scenario.trainees);
    const trainees = scenario.trainees.filter((t) => readable.has(t.id));
    const report = reportFor(user, await reportOf(app.db, app.reports, record, scenario), readable, scenario.trainees);
    const buffer = await cohortWorkbook({
      trainees,
      units: scenario.units,
      clinics: scenario.clinics,
      placements: record.plan.placements.filter((p) => readable.has(p.trainee)),
      report,
      wholeRegion: user.role === 'studierektor',
      planFrom: scenario.planFrom ?? formatDay(app.today()),
      version: record.number,
      today: app.today(),
    });
    reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="randplan-kohort.xlsx"');
    return buffer;
  });

  // Who comes when to one clinic (the studierektor sends it to the clinic) or who of one unit is away where (also the unit's enhetschef).
  for (const what of ['clinics', 'units'] as const) {
    app.get<{ Params: StringIdParams; Querystring: { plan?: number } }>(
      `/api/export/${what}/:id/timeline.xlsx`,
      { config: { roles: what === 'clinics' ? STUDIEREKTOR : (['studierektor', 'enhetschef'] as const) }, schema: { params: StringIdParams, querystring: PlanQuery } },
      async (request, reply) => {
        const user = request.user!;
        const scenario = await loadScenario(app.db);
        const clinic = what === 'clinics' ? scenario.clinics.find((c) => c.id === request.params.id) : undefined;
        const unit = what === 'units' ? scenario.units.find((u) => u.id === request.params.id) : undefined;
        if (!clinic && !unit) throw notFound(`${what === 'clinics' ? 'Kliniken' : 'Enheten'} ${request.params.id}`);
        if (unit && user.role === 'enhetschef' && !user.units.includes(unit.id)) throw forbidden();
        const record = await planFor(user, request.query.plan);
        const buffer = await timelineWorkbook({
          of: clinic ? { clinic } : { unit: unit! },
          trainees: scenario.trainees,
          units: scenario.units,
          clinics: scenario.clinics,
          placements: record.plan.placements,
          planFrom: scenario.planFrom ?? formatDay(app.today()),
          version: record.number,
          today: app.today(),
        });
        reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="randplan-${encodeURIComponent(request.params.id)}.xlsx"`);
        return buffer;
      },
    );
  }

  app.get<{ Querystring: { plan?: number } }>(
    '/api/export/plan.json',
    { config: { roles: ALL_ROLES }, schema: { querystring: PlanQuery, response: { 200: Plan, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const user = request.user!;
      const record = await planFor(user, request.query.plan);
      const plan = plainPlan(record.plan);
      const readable = user.role === 'studierektor' ? null : readableIds(user, (await loadScenario(app.db)).trainees);
      reply.header('content-disposition', 'attachment; filename="randplan-plan.json"');
      return readable ? { ...plan, placements: plan.placements.filter((p) => readable.has(p.trainee)) } : plan;
    },
  );

  app.get<{ Querystring: { limit?: number; entity?: string } }>(
    '/api/audit',
    {
      config: { roles: STUDIEREKTOR },
      schema: {
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), entity: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(AuditEntry), ...ERROR_RESPONSES },
      },
    },
    async (request) => auditRepo.list(app.db, { limit: request.query.limit ?? 200, ...(request.query.entity ? { entity: request.query.entity } : {}) }),
  );
}
