/** The region's scenario (formats.md) as stored, and the check every write must pass. */
import { clinicsRepo, regionRepo, traineesRepo, unitsRepo, type Db } from '../../db/index.ts';
import { SCENARIO_FORMAT, type Clinic, type Scenario, type Trainee, type Unit } from '../../solver/domain/schemas.ts';
import { readScenario } from '../../solver/io/read.ts';
import { badRequest, notFound } from '../errors.ts';
import { readableIds, type Actor } from './access.ts';

function strip<T extends { version: number }>(row: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = row;
  return rest;
}

export async function loadScenario(db: Db): Promise<Scenario> {
  const region = await regionRepo.get(db);
  if (!region) throw notFound('Regionen / The region');
  const [units, clinics, trainees] = await Promise.all([unitsRepo.list(db), clinicsRepo.list(db), traineesRepo.list(db)]);
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: region.name,
    profile: region.profile,
    rules: region.rules,
    horizon: region.horizon,
    ...(region.planFrom ? { planFrom: region.planFrom } : {}),
    clinics: clinics.map((c) => strip(c) as Clinic),
    units: units.map((u) => strip(u) as Unit),
    trainees: trainees.map((t) => strip(t) as Trainee),
  };
  if (Object.keys(region.rules).length === 0) delete scenario.rules;
  return scenario;
}

/** The scenario with only the trainees the actor may read (clinics and units are the region's, for everyone). */
export function scenarioFor(actor: Actor, scenario: Scenario): Scenario {
  if (actor.role === 'studierektor') return scenario;
  const ids = readableIds(actor, scenario.trainees);
  return { ...scenario, trainees: scenario.trainees.filter((t) => ids.has(t.id)) };
}

/** Throws 400 with the reader's field-named errors when the stored data no longer makes a valid scenario. */
export async function assertScenarioValid(db: Db): Promise<Scenario> {
  const scenario = await loadScenario(db);
  const read = readScenario(scenario);
  if (!read.ok) throw badRequest('Ändringen ger ett ogiltigt scenario / The change makes the scenario invalid', read.errors);
  return read.value;
}
