import { describe, expect, it } from 'vitest';
import { translateId } from '../../web/src/lib/i18n.ts';
import type { Clinic, PlanPlacement, Trainee, Unit, Violation } from '../../solver/domain/schemas.ts';
import { SPECIALTIES } from '../../solver/domain/schemas.ts';
import { dayFromCivil, monthIndex, parseDay } from '../../solver/time/dates.ts';
import { clinicLoad, gridChanges, monthBounds, monthRange, unitAway } from '../../web/src/lib/load.ts';
import { barLabel, describePlacement, diffPlacements, isLocked, ownPlacements, returnGaps, rowViolations, violationsFor } from '../../web/src/lib/placements.ts';
import { contrastRatio, KIND_COLOURS, loadLevel, SPECIALTY_COLOURS } from '../../web/src/lib/palette.ts';
import { buildRows, GROUP_HEIGHT, traineeRowHeight } from '../../web/src/lib/rows.ts';
import { History } from '../../web/src/lib/history.ts';
import { canOpen, homeView, parseRoute, viewsFor } from '../../web/src/lib/roles.ts';

const psyk: Clinic = {
  id: 'psyk-vxo',
  name: 'Psykiatriska kliniken Växjö',
  specialty: 'psykiatri',
  capacity: 2,
  capacityChanges: [{ from: '2027-07-01', to: '2027-07-31', capacity: 0 }],
};
const rot = (trainee: string, from: string, to: string, extra: Partial<PlanPlacement> = {}): PlanPlacement => ({
  trainee,
  kind: 'rotation',
  specialty: 'psykiatri',
  clinic: 'psyk-vxo',
  from,
  to,
  ...extra,
});
const months2027 = monthRange(dayFromCivil(2027, 5, 1), dayFromCivil(2027, 8, 31));

describe('clinic load', () => {
  it('counts the most trainees on one day against the lowest capacity of the month', () => {
    const placements = [rot('t1', '2027-05-01', '2027-06-30'), rot('t2', '2027-06-15', '2027-08-31'), rot('t3', '2027-06-20', '2027-06-25')];
    const [row] = clinicLoad([psyk], placements, months2027);
    expect(row!.cells.map((c) => [c.used, c.limit, c.excess])).toEqual([
      [1, 2, 0],
      [3, 2, 1],
      [1, 0, 1],
      [1, 2, 0],
    ]);
    expect(row!.cells[1]!.who.sort()).toEqual(['t1', 't2', 't3']);
    expect(row!.cells[0]!.month).toBe(monthIndex(parseDay('2027-05-01')));
  });

  it('compares on the same day: a trainee arriving the day after a summer closure is not over capacity', () => {
    const summer: Clinic = { ...psyk, capacityChanges: [{ from: '2027-08-01', to: '2027-08-15', capacity: 0 }] };
    const [row] = clinicLoad([summer], [rot('t1', '2027-08-16', '2027-10-15')], months2027);
    expect(row!.cells[3]).toMatchObject({ used: 1, limit: 2, excess: 0 });
    expect(loadLevel(1, 2, 0)).toBe('mid');
    const [early] = clinicLoad([summer], [rot('t1', '2027-08-10', '2027-10-15')], months2027);
    expect(early!.cells[3]).toMatchObject({ used: 1, limit: 0, excess: 1 });
  });

  it('two trainees in the same month but not at once are one at a time', () => {
    const [row] = clinicLoad([psyk], [rot('t1', '2027-05-01', '2027-05-15'), rot('t2', '2027-05-16', '2027-05-31')], months2027);
    expect(row!.cells[0]).toMatchObject({ used: 1, who: ['t1', 't2'] });
  });

  it('ignores other clinics and non-rotations', () => {
    const other = rot('t1', '2027-05-01', '2027-05-31', { clinic: 'med-vxo', specialty: 'internmedicin' });
    const bvc: PlanPlacement = { trainee: 't2', kind: 'bvc', from: '2027-05-01', to: '2027-05-31' };
    const [row] = clinicLoad([psyk], [other, bvc], months2027);
    expect(row!.cells.every((c) => c.used === 0)).toBe(true);
  });

  it('reports which cells a change moves', () => {
    const before = clinicLoad([psyk], [rot('t1', '2027-05-01', '2027-05-31')], months2027);
    const after = clinicLoad([psyk], [rot('t1', '2027-06-01', '2027-06-30')], months2027);
    expect(gridChanges(before, after)).toEqual([
      { id: 'psyk-vxo', month: months2027[0], before: 1, after: 0, limit: 2, excess: 0 },
      { id: 'psyk-vxo', month: months2027[1], before: 0, after: 1, limit: 2, excess: 0 },
    ]);
  });
});

describe('unit away', () => {
  const unit: Unit = { id: 'vc-a', name: 'VC A', maxAway: 1 };
  const trainees = [
    { id: 't1', unit: 'vc-a' },
    { id: 't2', unit: 'vc-a' },
    { id: 't3', unit: 'vc-b' },
  ];
  it('counts only rotations of the unit’s own trainees', () => {
    const placements: PlanPlacement[] = [
      rot('t1', '2027-06-01', '2027-06-30'),
      rot('t2', '2027-06-10', '2027-07-10'),
      rot('t3', '2027-06-01', '2027-06-30'),
      { trainee: 't1', kind: 'sabo', from: '2027-08-01', to: '2027-08-31' },
    ];
    const [row] = unitAway([unit], trainees, placements, months2027);
    expect(row!.cells.map((c) => c.used)).toEqual([0, 2, 1, 0]);
    expect(row!.cells.every((c) => c.limit === 1)).toBe(true);
  });

  it('bounds a month index by its first and last day', () => {
    expect(monthBounds(months2027[0]!)).toEqual({ from: '2027-05-01', to: '2027-05-31' });
    expect(monthBounds(monthIndex(parseDay('2028-02-10')))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('placements', () => {
  const anna: Trainee = {
    id: 't01',
    name: 'Anna Andersson',
    unit: 'vc-a',
    start: '2027-02-01',
    regulation: '2015:8',
    locked: [{ kind: 'rotation', specialty: 'psykiatri', clinic: 'psyk-vxo', from: '2028-09-01', to: '2028-11-30' }],
  };
  const p = rot('t01', '2028-09-01', '2028-11-30');

  it('names a bar the way a screen reader should read it', () => {
    expect(barLabel(p, anna.name, 'sv')).toBe('Psykiatri, Anna Andersson, 2028-09-01 – 2028-11-30');
    expect(barLabel({ kind: 'milestone', milestone: 'mitt-i-st', from: '2029-10-15', to: '2029-10-15' }, anna.name, 'en')).toBe(
      'Mid-ST assessment, Anna Andersson, 2029-10-15',
    );
  });

  it('describes a placement in a list of changes with its clinic', () => {
    expect(describePlacement(p, () => 'Psykiatriska kliniken Växjö', 'sv')).toBe('Psykiatri (Psykiatriska kliniken Växjö) 2028-09-01 – 2028-11-30');
  });

  it('knows a locked placement, and a moved one is no longer locked', () => {
    expect(isLocked(p, anna)).toBe(true);
    expect(isLocked({ ...p, from: '2028-10-01' }, anna)).toBe(false);
  });

  const v = (over: Partial<Violation>): Violation => ({
    rule: 'clinic-capacity',
    severity: 'hard',
    trainees: ['t01'],
    clinic: 'psyk-vxo',
    unit: null,
    from: '2028-11-01',
    to: '2028-11-30',
    amount: 1,
    message: { sv: 'Överbelagd', en: 'Over capacity' },
    ...over,
  });

  it('attaches a violation to the bars of the trainee it names, on overlapping dates, at the right clinic', () => {
    const vs = [v({}), v({ trainees: ['t02'] }), v({ from: '2029-01-01', to: '2029-01-31' }), v({ clinic: 'med-vxo' })];
    expect(violationsFor(p, vs)).toEqual([vs[0]]);
  });

  it('keeps dateless violations for the row', () => {
    const missing = v({ rule: 'required-rotations', clinic: null, from: null, to: null });
    expect(rowViolations('t01', [p], [missing, v({})])).toEqual([missing]);
  });

  it('finds return weeks between the parts of one rotation only', () => {
    const parts = [
      rot('t01', '2028-09-01', '2028-11-30', { specialty: 'internmedicin', clinic: 'med' }),
      rot('t01', '2028-12-08', '2029-01-31', { specialty: 'internmedicin', clinic: 'med' }),
      rot('t01', '2029-02-01', '2029-03-31'),
      rot('t02', '2028-12-01', '2028-12-31', { specialty: 'internmedicin', clinic: 'med' }),
    ];
    expect(returnGaps(parts)).toEqual([{ trainee: 't01', from: parseDay('2028-12-01'), to: parseDay('2028-12-07') }]);
  });

  it('diffs a proposal against the published placements', () => {
    const before = ownPlacements([p, rot('t01', '2029-01-01', '2029-02-28', { specialty: 'gynekologi', clinic: 'gyn' })], 't01');
    const after = [before[0]!, { ...before[1]!, from: '2029-03-01', to: '2029-04-30' }];
    const d = diffPlacements(before, after);
    expect(d.unchanged).toHaveLength(1);
    // The gynaecology rotation two months later is moved, not one removed and one added.
    expect(d.moved.map((m) => [m.before.from, m.after.from])).toEqual([['2029-01-01', '2029-03-01']]);
    expect(d).toMatchObject({ added: [], removed: [] });
    const other = diffPlacements(before, [before[0]!, { ...before[1]!, specialty: 'onh', clinic: 'onh' }]);
    expect(other).toMatchObject({ moved: [] });
    expect(other.added).toHaveLength(1);
    expect(other.removed).toHaveLength(1);
  });
});

describe('palette', () => {
  it('keeps every bar’s text readable (WCAG AA, 4.5:1)', () => {
    for (const s of SPECIALTIES) expect(contrastRatio(SPECIALTY_COLOURS[s].bg, SPECIALTY_COLOURS[s].fg), s).toBeGreaterThanOrEqual(4.5);
    for (const [k, sw] of Object.entries(KIND_COLOURS)) expect(contrastRatio(sw.bg, sw.fg), k).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every specialty its own colour', () => {
    const colours = SPECIALTIES.map((s) => SPECIALTY_COLOURS[s].bg);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('grades load, red only over capacity', () => {
    expect(loadLevel(3, 2)).toBe('over');
    expect(loadLevel(2, 2)).toBe('full');
    expect(loadLevel(0, 0)).toBe('closed');
    expect(loadLevel(1, 0)).toBe('over');
    expect(loadLevel(0, 3)).toBe('none');
    expect(loadLevel(1, 4)).toBe('low');
  });
});

describe('rows', () => {
  const units: Unit[] = [
    { id: 'vc-b', name: 'VC B', maxAway: 1 },
    { id: 'vc-a', name: 'VC A', maxAway: 1 },
  ];
  const t = (id: string, unit: string, start: string, name = id): Trainee => ({ id, name, unit, start, regulation: '2015:8' });
  const trainees = [t('t1', 'vc-a', '2027-02-01', 'Bo'), t('t2', 'vc-a', '2026-09-01', 'Ada'), t('t3', 'vc-b', '2027-02-01')];
  const placements: PlanPlacement[] = [
    rot('t1', '2028-01-01', '2028-03-31'),
    { trainee: 't1', kind: 'bvc', from: '2028-02-01', to: '2028-05-31' },
    { trainee: 't1', kind: 'course', course: 'lek', from: '2028-02-05', to: '2028-02-09' },
    rot('t3', '2028-01-01', '2028-02-29', { specialty: 'gynekologi', clinic: 'gyn' }),
  ];

  it('groups by unit in the scenario’s order, trainees by start date', () => {
    const rows = buildRows({ units, trainees }, placements, []);
    expect(rows.map((r) => r.key)).toEqual(['u:vc-b', 't:t3', 'u:vc-a', 't:t2', 't:t1']);
    expect(rows[0]!.height).toBe(GROUP_HEIGHT);
  });

  it('stacks overlapping long placements and puts courses on the marker strip', () => {
    const row = buildRows({ units, trainees }, placements, []).find((r) => r.key === 't:t1');
    if (row?.type !== 'trainee') throw new Error('row missing');
    expect(row.lanes).toBe(2);
    expect(row.height).toBe(traineeRowHeight(2));
    expect(row.bars.filter((b) => b.marker).map((b) => b.placement.kind)).toEqual(['course']);
    expect(row.bars.map((b) => b.index).sort()).toEqual([0, 1, 2]);
  });

  it('filters by clinic, specialty, unit, start year and name', () => {
    const keys = (f: Parameters<typeof buildRows>[3]) =>
      buildRows({ units, trainees }, placements, [], f, { group: false }).map((r) => r.key);
    expect(keys({ clinic: 'gyn' })).toEqual(['t:t3']);
    expect(keys({ specialty: 'psykiatri' })).toEqual(['t:t1']);
    expect(keys({ unit: 'vc-a' })).toEqual(['t:t2', 't:t1']);
    expect(keys({ startYear: 2026 })).toEqual(['t:t2']);
    expect(keys({ search: 'ad' })).toEqual(['t:t2']);
  });
});

describe('undo history', () => {
  it('undoes and redoes snapshots, and a new edit clears the redo stack', () => {
    const h = new History<number>();
    h.push(1); // state went 1 → 2
    h.push(2); // 2 → 3
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBeNull();
    expect(h.redo(1)).toBe(2);
    h.push(2); // a new edit from 2
    expect(h.canRedo).toBe(false);
    expect(h.canUndo).toBe(true);
  });
});

describe('roles and routes', () => {
  it('shows each role only its views', () => {
    expect(homeView('st-lakare')).toBe('my-plan');
    expect(homeView('enhetschef')).toBe('unit');
    expect(canOpen('st-lakare', 'solve')).toBe(false);
    expect(canOpen('handledare', 'review')).toBe(false);
    expect(viewsFor('studierektor')).toEqual(expect.arrayContaining(['review', 'solve', 'data', 'load']));
  });

  it('parses hash routes with an argument', () => {
    expect(parseRoute('#/print/t%2007')).toEqual({ view: 'print', arg: 't 07' });
    expect(parseRoute('#/nowhere')).toEqual({ view: null, arg: null });
    expect(parseRoute('')).toEqual({ view: null, arg: null });
    expect(parseRoute('#/bench?n=800&view=my-plan')).toEqual({ view: 'bench', arg: null });
  });
});

describe('translateId: words for ids that come from the solver', () => {
  it('falls back to the id itself when it knows no word', () => {
    expect(translateId('sv', 'phase_', 'lagrange')).toBe('Skärper gränsen');
    expect(translateId('en', 'phase_', 'a-new-phase')).toBe('a-new-phase');
  });
});
