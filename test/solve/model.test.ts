import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { generateScenario } from '../../solver/demo/generate.ts';
import { splitRotation } from '../../solver/rules/max-away.ts';
import { buildModel } from '../../solver/solve/model.ts';

describe('model: rotation options', () => {
  it('options shared between trainees have the parts of each trainee’s own split (part time, leave)', () => {
    // Trainees at one rate share their options' parts (model.ts sharedShapes); a rotation that reaches a
    // change of rate or a leave must be split on the trainee's own calendar.
    const s = generateScenario({ size: 60, seed: 3, today: '2026-11-22' });
    const params = resolveParams(s);
    const m = buildModel(s);
    let options = 0;
    let uneven = 0;
    const mismatches: string[] = [];
    for (const t of m.trainees) {
      if (t.facts.calendar.segments.length > 1) uneven++;
      for (const item of t.items) {
        for (const o of item.grid) {
          if (!o) continue;
          options++;
          const own = splitRotation(t.facts.calendar, o.parts[0]!.from, item.months, params['max-away'], params['rotation-length'].toleranceMonths);
          if (JSON.stringify(own) !== JSON.stringify(o.parts)) mismatches.push(`${t.id} ${item.specialty} ${o.parts[0]!.from}`);
        }
      }
    }
    expect(uneven).toBeGreaterThan(5); // the region has part-time changes and leave to get wrong
    expect(options).toBeGreaterThan(10_000);
    expect(mismatches).toEqual([]);
  });
});
