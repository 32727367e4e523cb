import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, formatDay, parseDay } from '../../solver/time/dates.ts';
import {
  barBox,
  dayToX,
  dragPeriod,
  isoWeek,
  keyStep,
  moveByMonths,
  rowAt,
  rowOffsets,
  stackLanes,
  stepZoom,
  ticks,
  virtualWindow,
  localToday,
  monthIndexLabel,
  xToDay,
  zoomById,
} from '../../web/src/lib/timeline.ts';

const d = parseDay;
const f = formatDay;

describe('dates to pixels', () => {
  it('places a day at (day − origin) × scale and back', () => {
    const origin = d('2027-01-01');
    expect(dayToX(d('2027-01-11'), origin, 3)).toBe(30);
    expect(f(xToDay(30, origin, 3))).toBe('2027-01-11');
    expect(f(xToDay(32.9, origin, 3))).toBe('2027-01-11');
  });

  it('round-trips every day at every zoom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.constantFrom('years', 'quarters', 'months', 'weeks'), (offset, z) => {
        const zoom = zoomById(z as 'years');
        const origin = d('2026-01-01');
        expect(xToDay(dayToX(origin + offset, origin, zoom.pxPerDay), origin, zoom.pxPerDay)).toBe(origin + offset);
      }),
    );
  });

  it('sizes a bar by its inclusive day count, with a minimum width for one-day events', () => {
    const origin = d('2028-09-01');
    expect(barBox(d('2028-09-01'), d('2028-11-30'), origin, 2)).toEqual({ left: 0, width: 91 * 2 });
    expect(barBox(d('2028-10-15'), d('2028-10-15'), origin, 0.5, 6).width).toBe(6);
  });
});

describe('month labels', () => {
  it('names a month index by its short month and year', () => {
    expect(monthIndexLabel(2028 * 12 + 8, 'sv')).toBe('sep 2028');
    expect(monthIndexLabel(2029 * 12 + 4, 'en')).toBe('May 2029');
  });
});

describe('today', () => {
  it('reads the local calendar date, leap days included', () => {
    expect(f(localToday(new Date(2028, 1, 29, 23, 59)))).toBe('2028-02-29');
    expect(f(localToday(new Date(2027, 0, 1, 0, 0)))).toBe('2027-01-01');
  });
});

describe('zoom', () => {
  it('steps from years to weeks and stops at the ends', () => {
    expect(stepZoom('years', 1)).toBe('quarters');
    expect(stepZoom('weeks', 1)).toBe('weeks');
    expect(stepZoom('years', -1)).toBe('years');
    expect(zoomById('weeks').pxPerDay).toBeGreaterThan(zoomById('months').pxPerDay);
  });

  it('draws month ticks on the 1st, years as majors', () => {
    const list = ticks(d('2027-11-15'), d('2028-03-10'), zoomById('months'), 'sv');
    expect(list.map((t) => f(t.day))).toEqual(['2027-12-01', '2028-01-01', '2028-02-01', '2028-03-01']);
    expect(list.map((t) => t.label)).toEqual(['dec', '2028', 'feb', 'mar']);
    expect(list.filter((t) => t.major).map((t) => f(t.day))).toEqual(['2028-01-01']);
  });

  it('aligns quarter ticks to calendar quarters', () => {
    const list = ticks(d('2027-02-10'), d('2027-12-31'), zoomById('quarters'), 'en');
    expect(list.map((t) => f(t.day))).toEqual(['2027-04-01', '2027-07-01', '2027-10-01']);
  });

  it('draws week ticks on Mondays with ISO week numbers, a month’s first week with month and year', () => {
    const list = ticks(d('2027-01-01'), d('2027-02-10'), zoomById('weeks'), 'sv');
    expect(list.map((t) => f(t.day))).toEqual(['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08']);
    expect(list.map((t) => t.label)).toEqual(['v1 jan 2027', 'v2', 'v3', 'v4', 'v5 feb 2027', 'v6']);
    expect(isoWeek(d('2026-12-31'))).toBe(53);
    expect(isoWeek(d('2028-01-01'))).toBe(52);
  });
});

describe('stacking', () => {
  it('puts overlapping periods in separate lanes and reuses a lane once it is free', () => {
    const items = [
      { from: d('2028-01-01'), to: d('2028-03-31') },
      { from: d('2028-03-01'), to: d('2028-06-30') },
      { from: d('2028-04-01'), to: d('2028-04-30') },
      { from: d('2028-07-01'), to: d('2028-07-31') },
    ];
    const { lanes, count } = stackLanes(items);
    expect(lanes).toEqual([0, 1, 0, 0]);
    expect(count).toBe(2);
  });

  it('never puts two overlapping items in one lane', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 90 })), { maxLength: 40 }), (raw) => {
        const items = raw.map(([a, len]) => ({ from: a, to: a + len }));
        const { lanes, count } = stackLanes(items);
        for (let i = 0; i < items.length; i++)
          for (let j = i + 1; j < items.length; j++)
            if (lanes[i] === lanes[j]) expect(items[i]!.to < items[j]!.from || items[j]!.to < items[i]!.from).toBe(true);
        expect(count).toBe(items.length === 0 ? 0 : Math.max(...lanes) + 1);
      }),
    );
  });
});

describe('virtual window', () => {
  const heights = [28, 46, 46, 68, 28, 46, 46, 46];
  const offsets = rowOffsets(heights);

  it('sums row heights into offsets', () => {
    expect(offsets).toEqual([0, 28, 74, 120, 188, 216, 262, 308, 354]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 27)).toBe(0);
    expect(rowAt(offsets, 28)).toBe(1);
    expect(rowAt(offsets, 10_000)).toBe(7);
  });

  it('renders only the rows in view plus the overscan', () => {
    const w = virtualWindow(offsets, 120, 90, 1);
    // Rows 3 (120–188) and 4 (188–216) are visible; one more on each side.
    expect(w).toEqual({ start: 2, end: 6, offsetTop: 74, totalHeight: 354 });
  });

  it('covers the viewport for any scroll position of 800 rows', () => {
    const many = rowOffsets(Array.from({ length: 800 }, (_, i) => (i % 9 === 0 ? 28 : 46)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 100, max: 1200 }), (top, vh) => {
        const w = virtualWindow(many, top, vh, 0);
        const total = many[800]!;
        if (top >= total) return;
        expect(many[w.start]!).toBeLessThanOrEqual(top);
        expect(many[w.end]!).toBeGreaterThanOrEqual(Math.min(total, top + vh));
        expect(w.end - w.start).toBeLessThan(vh / 28 + 3);
      }),
    );
  });
});

describe('dragging', () => {
  const rotation = { from: d('2028-09-01'), to: d('2028-11-30') };

  it('moves month-aligned periods by whole months and keeps them aligned', () => {
    const moved = moveByMonths(rotation.from, rotation.to, 1);
    expect([f(moved.from), f(moved.to)]).toEqual(['2028-10-01', '2028-12-31']);
    const back = moveByMonths(rotation.from, rotation.to, -7);
    expect([f(back.from), f(back.to)]).toEqual(['2028-02-01', '2028-04-30']);
  });

  it('rounds a drag to the nearest month at month zooms', () => {
    const r = dragPeriod(rotation, 'move', 40, 'month');
    expect([f(r.from), f(r.to)]).toEqual(['2028-10-01', '2028-12-31']);
    const none = dragPeriod(rotation, 'move', 12, 'month');
    expect([f(none.from), f(none.to)]).toEqual(['2028-09-01', '2028-11-30']);
  });

  it('resizes either end and never below the minimum length', () => {
    const longer = dragPeriod(rotation, 'end', 31, 'month');
    expect([f(longer.from), f(longer.to)]).toEqual(['2028-09-01', '2028-12-31']);
    const shorter = dragPeriod(rotation, 'start', 400, 'month', 7);
    expect(shorter.to - shorter.from + 1).toBe(7);
    const dayStart = dragPeriod(rotation, 'start', -3.4, 'day');
    expect(f(dayStart.from)).toBe('2028-08-29');
  });

  it('moves by days or weeks at fine zooms, keeping the length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), fc.constantFrom('day' as const, 'week' as const), (delta, snap) => {
        const r = dragPeriod(rotation, 'move', delta, snap);
        expect(r.to - r.from).toBe(rotation.to - rotation.from);
        if (snap === 'week') expect(Math.abs((r.from - rotation.from) % 7)).toBe(0);
      }),
    );
  });

  it('maps arrow keys to the same steps', () => {
    const right = keyStep(rotation, 'ArrowRight', { shift: false, alt: false })!;
    expect(f(right.from)).toBe('2028-10-01');
    const week = keyStep(rotation, 'ArrowLeft', { shift: true, alt: false })!;
    expect(f(week.from)).toBe('2028-08-25');
    const resize = keyStep(rotation, 'ArrowRight', { shift: false, alt: true })!;
    expect([f(resize.from), f(resize.to)]).toEqual(['2028-09-01', '2028-12-31']);
    expect(keyStep(rotation, 'ArrowUp', { shift: false, alt: false })).toBeNull();
  });

  it('moving n months then back returns the same month-aligned period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: -24, max: 24 }), (start, len, n) => {
        const from = addMonths(d('2027-01-01'), start);
        const to = addMonths(from, len) - 1;
        const there = moveByMonths(from, to, n);
        const back = moveByMonths(there.from, there.to, -n);
        expect(back).toEqual({ from, to });
      }),
    );
  });
});
