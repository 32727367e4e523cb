/**
 * Who else is away, without saying who: the published rotations of every trainee the actor may not
 * read, under made-up ids and names ("Annan ST-läkare 3"), with their unit. The ST-läkare's browser
 * checks their drag against these at once — clinic capacity and the unit's away limit — without
 * learning anyone else's plan.
 */
import { plansRepo, type Db } from '../../db/index.ts';
import type { PlanPlacement, Trainee } from '../../solver/domain/schemas.ts';
import type { Occupancy } from '../schemas/versions.ts';
import { readableIds, type Actor } from './access.ts';
import { plainPlan } from './plans.ts';
import { loadScenario } from './scenario.ts';

export async function occupancy(db: Db, actor: Actor): Promise<Occupancy> {
  const scenario = await loadScenario(db);
  const published = await plansRepo.published(db);
  const readable = readableIds(actor, scenario.trainees);
  const alias = new Map<string, Trainee>();
  for (const t of scenario.trainees) {
    if (readable.has(t.id)) continue;
    const n = alias.size + 1;
    alias.set(t.id, { id: `annan-${n}`, name: `Annan ST-läkare ${n}`, unit: t.unit, start: t.start, regulation: t.regulation });
  }
  const placements: PlanPlacement[] = [];
  for (const p of published ? plainPlan(published.plan).placements : []) {
    const other = alias.get(p.trainee);
    if (!other || p.kind !== 'rotation') continue;
    placements.push({ trainee: other.id, kind: 'rotation', ...(p.specialty ? { specialty: p.specialty } : {}), ...(p.clinic ? { clinic: p.clinic } : {}), from: p.from, to: p.to });
  }
  return { trainees: [...alias.values()], placements };
}
