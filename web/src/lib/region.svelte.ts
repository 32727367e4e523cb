/**
 * The region's data as the logged-in role may read it: the scenario and the published plan with its
 * report. Held as raw state (no deep proxies): 800 trainees' placements are replaced, never mutated.
 */
import type { Clinic, Scenario, Trainee, Unit } from '../../../solver/domain/schemas.ts';
import { parseDay } from '../../../solver/time/dates.ts';
import { api, ApiError, type PlanDetail } from './api.ts';
import { localToday } from './timeline.ts';

export class RegionState {
  scenario = $state.raw<Scenario | null>(null);
  published = $state.raw<PlanDetail | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state<string | null>(null);

  trainees = $derived(new Map<string, Trainee>((this.scenario?.trainees ?? []).map((t) => [t.id, t])));
  clinics = $derived(new Map<string, Clinic>((this.scenario?.clinics ?? []).map((c) => [c.id, c])));
  units = $derived(new Map<string, Unit>((this.scenario?.units ?? []).map((u) => [u.id, u])));
  /** The planning day: the region's, else today (before it lies history). */
  planFrom = $derived(this.scenario?.planFrom ? parseDay(this.scenario.planFrom) : localToday());

  /** Loads, or refreshes in the background: views stay mounted (and keep their messages) while new data comes. */
  async load(): Promise<void> {
    if (this.status !== 'ready') this.status = 'loading';
    this.error = null;
    try {
      const [scenario, published] = await Promise.all([
        api.scenario(),
        api.published().catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null; // no plan published yet
          throw e;
        }),
      ]);
      this.scenario = scenario;
      this.published = published;
      this.status = 'ready';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  /** For the bench page and tests: data that did not come from the server. */
  set(scenario: Scenario, published: PlanDetail | null): void {
    this.scenario = scenario;
    this.published = published;
    this.status = 'ready';
  }

  traineeName(id: string): string {
    return this.trainees.get(id)?.name ?? id;
  }

  clinicName(id: string | undefined): string {
    if (!id) return '';
    return this.clinics.get(id)?.name ?? id;
  }
}

export const region = new RegionState();
