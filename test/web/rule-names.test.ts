/** Violations as people read them: every catalogue rule has a name that is no id; messages name trainees by name. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../solver/rules/index.ts';
import { ruleName, violationMessage } from '../../web/src/lib/rule-names.ts';

describe('rule names', () => {
  it('names every catalogue rule in both languages, never by its id', () => {
    for (const r of RULES) {
      for (const lang of ['sv', 'en'] as const) {
        expect(ruleName(r.id, lang).length).toBeGreaterThan(3);
        expect(ruleName(r.id, lang)).not.toBe(r.id);
        expect(ruleName(r.id, lang)).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
      }
    }
  });

  it('an unknown id is shown as a plain word, never as itself', () => {
    expect(ruleName('no-such-rule', 'sv')).toBe('Regel');
  });

  it('messages name trainees by name, not by id', () => {
    const names = (id: string) => ({ t001: 'Karl Bergström', 'annan-1': 'Annan ST-läkare 1', t0012: 'Lisa Ek' })[id] ?? id;
    const v = {
      trainees: ['t001', 'annan-1', 'x9'],
      message: { sv: 'Karl Bergström (t001): Hud har 1 plats men 2 ST-läkare är där (annan-1, t001, t0012, x9).', en: '' },
    };
    expect(violationMessage(v, 'sv', names)).toBe('Karl Bergström: Hud har 1 plats men 2 ST-läkare är där (Annan ST-läkare 1, Karl Bergström, t0012, x9).');
  });
});
