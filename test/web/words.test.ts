/** Numbers and counts as people read them (issue 14): "18,0" in Swedish, "1 regelbrott" / "2 rules broken". */
import { describe, expect, it } from 'vitest';
import { counted, formatNumber, PLACEMENTS_WORD, RULES_WORD } from '../../web/src/lib/i18n.ts';
import { counted as ruleCounted, goalList, months } from '../../solver/rules/text.ts';

describe('numbers and word forms', () => {
  it('writes decimals the Swedish way in Swedish, the English way in English', () => {
    expect(formatNumber(18, 'sv', 1, 1)).toBe('18,0');
    expect(formatNumber(18, 'en', 1, 1)).toBe('18.0');
    expect(formatNumber(2.25, 'sv', 1)).toBe('2,3');
    expect(formatNumber(1234, 'sv', 0)).toBe('1\u00a0234');
    expect(months(6.2, 'sv')).toBe('6,2');
  });

  it('counts with the form that agrees: one and many, in both languages', () => {
    expect(counted(1, 'sv', RULES_WORD)).toBe('1 regelbrott');
    expect(counted(2, 'sv', RULES_WORD)).toBe('2 regelbrott');
    expect(counted(1, 'en', RULES_WORD)).toBe('1 rule broken');
    expect(counted(2, 'en', RULES_WORD)).toBe('2 rules broken');
    expect(counted(1, 'sv', PLACEMENTS_WORD)).toBe('1 placering');
    expect(counted(0, 'sv', PLACEMENTS_WORD)).toBe('0 placeringar');
    expect(ruleCounted(1, 'ST-läkare är placerad', 'ST-läkare är placerade')).toBe('1 ST-läkare är placerad');
    expect(ruleCounted(3, 'trainee is', 'trainees are')).toBe('3 trainees are');
  });

  it('names delmål with their titles, apart by semicolons (titles hold commas)', () => {
    expect(goalList(['a1', 'c7'], 'sv')).toBe('a1 Medarbetarskap, ledarskap och pedagogik; c7 Gynekologi och mödrahälsovård');
    expect(goalList(['x9'], 'en')).toBe('x9');
  });
});
