/**
 * Reading documents from disk for the command line (Node only; the readers in ./read.ts stay
 * browser-safe). Errors name the file, so "which of the two files?" never has to be asked.
 */
import { readFile } from 'node:fs/promises';
import type { Plan, Scenario } from '../domain/schemas.ts';
import { readPlan, readScenario, type ReadResult } from './read.ts';

/** The parsed JSON of a file, or one error naming the file: missing, unreadable or not JSON. */
export async function readJsonFile(path: string): Promise<ReadResult<unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`${path}: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(e)})`}`] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, errors: [`${path}: not valid JSON (${(e as Error).message})`] };
  }
}

function prefixed<T>(path: string, r: ReadResult<T>): ReadResult<T> {
  return r.ok ? r : { ok: false, errors: r.errors.map((e) => (e.startsWith(`${path}:`) ? e : `${path}: ${e}`)) };
}

export async function readScenarioFile(path: string): Promise<ReadResult<Scenario>> {
  const json = await readJsonFile(path);
  return json.ok ? prefixed(path, readScenario(json.value)) : json;
}

export async function readPlanFile(path: string, scenario?: Scenario): Promise<ReadResult<Plan>> {
  const json = await readJsonFile(path);
  return json.ok ? prefixed(path, readPlan(json.value, scenario)) : json;
}
