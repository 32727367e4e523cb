/** The clinic-load heat map's figures stay readable on every level's fill (WCAG AA, 4.5:1). */
import { describe, expect, it } from 'vitest';
import { CLOSED_STRIPE, contrastRatio, HEAT_COLOURS, heatStyle } from '../../web/src/lib/palette.ts';

describe('heat map colours', () => {
  it('keep every cell’s text at 4.5:1 or more, on both stripes of a closed cell', () => {
    for (const [level, { bg, fg }] of Object.entries(HEAT_COLOURS)) expect(contrastRatio(bg, fg), level).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(CLOSED_STRIPE, HEAT_COLOURS.closed.fg)).toBeGreaterThanOrEqual(4.5);
  });

  it('give each level its own fill', () => {
    const fills = Object.values(HEAT_COLOURS).map((c) => c.bg);
    expect(new Set(fills).size).toBe(fills.length);
  });

  it('hatch only a closed cell', () => {
    expect(heatStyle('closed')).toContain(`--heat-stripe:${CLOSED_STRIPE}`);
    expect(heatStyle('full')).toBe('--heat-bg:#1b5e8c;--heat-fg:#ffffff');
  });
});
