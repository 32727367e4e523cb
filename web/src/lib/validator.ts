/**
 * The rule catalogue in the browser: solver/validate.ts's `createValidator`, the same code the server
 * runs. Loaded as a separate chunk so the first paint of the cohort does not wait for it.
 */
import type { Scenario } from '../../../solver/domain/schemas.ts';
import type { Validator } from '../../../solver/validate.ts';

export type LiveValidator = Pick<Validator, 'validate' | 'validateTrainee'>;

export async function loadValidator(scenario: Scenario): Promise<LiveValidator> {
  const { createValidator } = await import('../../../solver/validate.ts');
  return createValidator(scenario);
}
