/** The region, its scenario, and CRUD for clinics, units and trainees. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { clinicsRepo, regionRepo, traineesRepo, unitsRepo } from '../../db/index.ts';
import { Clinic, Scenario, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { notFound } from '../errors.ts';
import { ERROR_RESPONSES, StringIdParams, VersionBody } from '../schemas/common.ts';
import { formatDay } from '../../solver/time/dates.ts';
import { ClinicPut, ClinicRow, Region, RegionBody, RegionRead, TraineePut, TraineeRow, UnitPut, UnitRow } from '../schemas/region.ts';
import { assertCanReadTrainee, canReadTrainee } from '../services/access.ts';
import * as catalog from '../services/catalog.ts';
import { json, jsonBytes } from './reply.ts';
import { scopeKey } from '../services/read-cache.ts';
import { loadScenario, scenarioFor } from '../services/scenario.ts';
import { ALL_ROLES, STUDIEREKTOR } from '../plugins/shared.ts';

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const read = { roles: ALL_ROLES };
  const write = { roles: STUDIEREKTOR };

  app.get('/api/region', { config: read, schema: { response: { 200: RegionRead, ...ERROR_RESPONSES } } }, async () => {
    const region = await app.reads.get('region', () => regionRepo.get(app.db));
    if (!region) throw notFound('Regionen');
    return { ...region, today: formatDay(app.today()) };
  });

  app.put<{ Body: RegionBody }>('/api/region', { config: write, schema: { body: RegionBody, response: { 200: Region, ...ERROR_RESPONSES } } }, async (request) => {
    const { version, ...data } = request.body;
    return catalog.updateRegion(app.db, request.user!, data, version);
  });

  app.get('/api/scenario', { config: read, schema: { response: { 200: Scenario, ...ERROR_RESPONSES } } }, async (request, reply) =>
    json(reply, await app.reads.get(`json:scenario:${scopeKey(request.user!)}`, async () => jsonBytes(scenarioFor(request.user!, await app.reads.get('scenario', () => loadScenario(app.db)))))),
  );

  // Clinics and units are the region's shared map: every role reads them, only the studierektor edits.
  app.get('/api/clinics', { config: read, schema: { response: { 200: Type.Array(ClinicRow), ...ERROR_RESPONSES } } }, async (_request, reply) =>
    json(reply, await app.reads.get('json:clinics', async () => jsonBytes(await clinicsRepo.list(app.db)))),
  );
  app.post<{ Body: Clinic }>('/api/clinics', { config: write, schema: { body: Clinic, response: { 201: ClinicRow, ...ERROR_RESPONSES } } }, async (request, reply) => {
    reply.code(201);
    return catalog.clinics.create(app.db, request.user!, request.body);
  });
  app.put<{ Params: StringIdParams; Body: ClinicPut }>(
    '/api/clinics/:id',
    { config: write, schema: { params: StringIdParams, body: ClinicPut, response: { 200: ClinicRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.clinics.update(app.db, request.user!, request.params.id, request.body),
  );
  app.delete<{ Params: StringIdParams; Body: VersionBody }>(
    '/api/clinics/:id',
    { config: write, schema: { params: StringIdParams, body: VersionBody, response: { 200: ClinicRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.clinics.remove(app.db, request.user!, request.params.id, request.body.version),
  );

  app.get('/api/units', { config: read, schema: { response: { 200: Type.Array(UnitRow), ...ERROR_RESPONSES } } }, async (_request, reply) =>
    json(reply, await app.reads.get('json:units', async () => jsonBytes(await unitsRepo.list(app.db)))),
  );
  app.post<{ Body: Unit }>('/api/units', { config: write, schema: { body: Unit, response: { 201: UnitRow, ...ERROR_RESPONSES } } }, async (request, reply) => {
    reply.code(201);
    return catalog.units.create(app.db, request.user!, request.body);
  });
  app.put<{ Params: StringIdParams; Body: UnitPut }>(
    '/api/units/:id',
    { config: write, schema: { params: StringIdParams, body: UnitPut, response: { 200: UnitRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.units.update(app.db, request.user!, request.params.id, request.body),
  );
  app.delete<{ Params: StringIdParams; Body: VersionBody }>(
    '/api/units/:id',
    { config: write, schema: { params: StringIdParams, body: VersionBody, response: { 200: UnitRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.units.remove(app.db, request.user!, request.params.id, request.body.version),
  );

  app.get('/api/trainees', { config: read, schema: { response: { 200: Type.Array(TraineeRow), ...ERROR_RESPONSES } } }, async (request, reply) => {
    const user = request.user!;
    const text = await app.reads.get(`json:trainees:${scopeKey(user)}`, async () => {
      const all = await app.reads.get('trainees', () => traineesRepo.list(app.db));
      return jsonBytes(user.role === 'studierektor' ? all : all.filter((t) => canReadTrainee(user, t)));
    });
    return json(reply, text);
  });
  app.get<{ Params: StringIdParams }>(
    '/api/trainees/:id',
    { config: read, schema: { params: StringIdParams, response: { 200: TraineeRow, ...ERROR_RESPONSES } } },
    async (request) => {
      const t = (await app.reads.get('trainees', () => traineesRepo.list(app.db))).find((x) => x.id === request.params.id);
      if (!t) throw notFound(`ST-läkaren ${request.params.id}`);
      assertCanReadTrainee(request.user!, t);
      return t;
    },
  );
  app.post<{ Body: Trainee }>('/api/trainees', { config: write, schema: { body: Trainee, response: { 201: TraineeRow, ...ERROR_RESPONSES } } }, async (request, reply) => {
    reply.code(201);
    return catalog.trainees.create(app.db, request.user!, request.body);
  });
  app.put<{ Params: StringIdParams; Body: TraineePut }>(
    '/api/trainees/:id',
    { config: write, schema: { params: StringIdParams, body: TraineePut, response: { 200: TraineeRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.trainees.update(app.db, request.user!, request.params.id, request.body),
  );
  app.delete<{ Params: StringIdParams; Body: VersionBody }>(
    '/api/trainees/:id',
    { config: write, schema: { params: StringIdParams, body: VersionBody, response: { 200: TraineeRow, ...ERROR_RESPONSES } } },
    async (request) => catalog.trainees.remove(app.db, request.user!, request.params.id, request.body.version),
  );
}
