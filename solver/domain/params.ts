/** A scenario's effective rule parameters: its profile's, with the scenario's `rules` overrides on top. */
import { PROFILE_PARAMS, type RuleParams } from './profiles.ts';
import type { Scenario } from './schemas.ts';

/**
 * Overrides replace a parameter whole (`"max-away": {"months": 2}` keeps `returnWeeks`); nested
 * records such as `lengths` merge one level deeper so that one specialty can be changed alone.
 * The reader has already checked the overrides against each rule's parameter schema.
 */
export function resolveParams(scenario: Pick<Scenario, 'profile' | 'rules'>): RuleParams {
  const base = PROFILE_PARAMS[scenario.profile ?? 'kronoberg'];
  const resolved = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [ruleId, override] of Object.entries(scenario.rules ?? {})) {
    const target = resolved[ruleId];
    if (!target) continue;
    for (const [key, value] of Object.entries(override)) {
      const current = target[key];
      target[key] =
        isRecord(current) && isRecord(value) && !Array.isArray(value) ? { ...current, ...value } : structuredClone(value);
    }
  }
  return resolved as unknown as RuleParams;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
