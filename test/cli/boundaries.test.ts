import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SOLVER = join(ROOT, 'solver');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('module boundaries', () => {
  it('the solver imports nothing above solver/ (no database, no API)', () => {
    const outside: string[] = [];
    for (const file of sources(SOLVER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (relative(SOLVER, target).startsWith('..')) outside.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
