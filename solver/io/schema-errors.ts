/**
 * TypeBox errors as the field-named messages of formats.md: `trainees[3].start: not a date`.
 * One message per field (TypeBox reports a missing field twice: "required" and "expected string").
 */
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

/** JSON pointer `/trainees/3/start` → `trainees[3].start` (with `prefix` before it, e.g. `rules.max-away`). */
export function fieldPath(pointer: string, prefix = ''): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? 'document' : out;
}

function literals(schema: TSchema): unknown[] | null {
  const anyOf = (schema as { anyOf?: TSchema[] }).anyOf;
  if (!anyOf || !anyOf.every((s) => 'const' in s)) return null;
  return anyOf.map((s) => (s as unknown as { const: unknown }).const);
}

function describe(e: ValueError): string {
  const s = e.schema as Record<string, unknown>;
  const isDate = typeof s.pattern === 'string' && (s.pattern as string).includes('\\d{4}-\\d{2}-\\d{2}');
  const kind = s.type === 'integer' ? 'a whole number' : 'a number';
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    case ValueErrorType.StringPattern:
      return isDate ? 'not a date' : `does not match ${String(s.pattern)}`;
    case ValueErrorType.String:
      return isDate ? 'not a date' : 'must be text';
    case ValueErrorType.StringMinLength:
      return s.minLength === 1 ? 'must not be empty' : `must be at least ${String(s.minLength)} characters`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${String(s.maxLength)} characters`;
    case ValueErrorType.Literal:
      return `must be ${JSON.stringify(s.const)}`;
    case ValueErrorType.Union: {
      const values = literals(e.schema);
      if (values) return `must be one of ${values.join(', ')}`;
      const anyOf = (s.anyOf as Record<string, unknown>[] | undefined) ?? [];
      if (anyOf.some((x) => x.type === 'array') && anyOf.some((x) => x.type === 'number'))
        return 'must be a number of months or [min, max]';
      return 'has the wrong type';
    }
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return `must be ${kind}`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be ${kind} ≥ ${String(s.minimum)}`;
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
      return `must be ${kind} > ${String(s.exclusiveMinimum)}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be ${kind} ≤ ${String(s.maximum)}`;
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerExclusiveMaximum:
      return `must be ${kind} < ${String(s.exclusiveMaximum)}`;
    case ValueErrorType.Boolean:
      return 'must be true or false';
    case ValueErrorType.Array:
      return 'must be a list';
    case ValueErrorType.Object:
      return 'must be an object';
    case ValueErrorType.Tuple:
    case ValueErrorType.TupleLength:
      return `must be a list of ${String((s.items as unknown[] | undefined)?.length ?? s.minItems ?? '')} items`;
    default:
      return e.message.charAt(0).toLowerCase() + e.message.slice(1);
  }
}

/**
 * A fast yes/no check per schema: TypeCompiler's generated code is ~50× faster than walking the schema,
 * which matters for a 20 000-placement plan. Where code generation is not allowed (a browser with a
 * strict Content-Security-Policy), fall back to the interpreter.
 */
const checkers = new WeakMap<TSchema, (value: unknown) => boolean>();
function checker(schema: TSchema): (value: unknown) => boolean {
  let check = checkers.get(schema);
  if (!check) {
    try {
      const compiled = TypeCompiler.Compile(schema);
      check = (value) => compiled.Check(value);
    } catch {
      check = (value) => Value.Check(schema, value);
    }
    checkers.set(schema, check);
  }
  return check;
}

/** Every schema error of `value`, one per field, in the order TypeBox finds them. */
export function schemaErrors(schema: TSchema, value: unknown, prefix = ''): string[] {
  if (checker(schema)(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of Value.Errors(schema, value)) {
    // A field already reported, or inside a field already reported, adds nothing.
    if (seen.has(e.path) || insideReported(seen, e.path)) continue;
    seen.add(e.path);
    out.push(`${fieldPath(e.path, prefix)}: ${describe(e)}`);
  }
  return out;
}

function insideReported(seen: Set<string>, path: string): boolean {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) if (seen.has(path.slice(0, i))) return true;
  return false;
}
