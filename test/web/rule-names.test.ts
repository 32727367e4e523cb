/** Every rule of the catalogue has a Swedish and an English name for the web, and no name is an id. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../solver/rules/index.ts';
import { RULE_NAMES, ruleName } from '../../web/src/lib/rule-names.ts';

describe('rule names', () => {
  it('names every catalogue rule in both languages, and only those', () => {
    expect(Object.keys(RULE_NAMES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const r of RULES) {
      expect(ruleName(r.id, 'sv')).not.toBe(r.id);
      expect(ruleName(r.id, 'sv')).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });

  it('an unknown id is shown as a plain word, never as itself', () => {
    expect(ruleName('no-such-rule', 'sv')).toBe('Regel');
  });
});
