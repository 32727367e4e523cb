/**
 * A plan's placements indexed by trainee, by clinic and by unit, kept up to date between calls.
 *
 * The web re-validates one trainee on every drag of a bar. Re-reading a whole cohort's placements
 * each time would cost more than the check; instead the index keeps its own copy of the placement list
 * and, on each call, finds the positions whose object changed (an identity check, far cheaper than
 * parsing) and re-parses only those. A different length (placements added or removed) or many changes at
 * once rebuild it from scratch, which is what a full validation costs anyway.
 *
 * Rotation parts per clinic and per unit are kept sorted by start, so the parts overlapping a period
 * are found by binary search instead of a scan of everyone who ever rotated there.
 */
import type { PlanPlacement } from '../domain/schemas.ts';
import type { Day } from '../time/dates.ts';
import { placementRef, type Interval, type PlacementRef } from './context.ts';

/** More changed positions than this and a rebuild is as cheap as patching. */
const PATCH_LIMIT = 256;

/** Rotation parts at one clinic or of one unit, sorted by start. */
class PartList {
  readonly parts: PlacementRef[] = [];
  /** An upper bound of every part's length in days (never lowered, so always safe). */
  private longest = 0;

  add(ref: PlacementRef): void {
    this.parts.splice(this.firstFrom(ref.from), 0, ref);
    this.longest = Math.max(this.longest, ref.to - ref.from);
  }

  remove(ref: PlacementRef): void {
    for (let i = this.firstFrom(ref.from); i < this.parts.length && this.parts[i]!.from === ref.from; i++) {
      if (this.parts[i] === ref) {
        this.parts.splice(i, 1);
        return;
      }
    }
  }

  /** The parts that share a day with one of `windows` (each part once). */
  overlapping(windows: readonly Interval[]): PlacementRef[] {
    const out: PlacementRef[] = [];
    for (let w = 0; w < windows.length; w++) {
      const win = windows[w]!;
      for (let i = this.firstFrom(win.from - this.longest); i < this.parts.length; i++) {
        const ref = this.parts[i]!;
        if (ref.from > win.to) break;
        if (ref.to < win.from) continue;
        // Reported under the first window it meets.
        let seen = false;
        for (let v = 0; v < w && !seen; v++) seen = ref.from <= windows[v]!.to && ref.to >= windows[v]!.from;
        if (!seen) out.push(ref);
      }
    }
    return out;
  }

  /** The index of the first part starting on or after `day`. */
  private firstFrom(day: Day): number {
    let lo = 0;
    let hi = this.parts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.parts[mid]!.from < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class PlanIndex {
  private copy: PlanPlacement[] = [];
  /** The parsed placement at each position of the last synced list. */
  private refs: PlacementRef[] = [];
  /** Positions of each trainee's placements (trainees not in the scenario included). */
  private readonly byTrainee = new Map<string, Set<number>>();
  private readonly byClinic = new Map<string, PartList>();
  private readonly byUnit = new Map<string, PartList>();

  /** `unitOf` gives a trainee's unit, or undefined for a trainee the scenario does not have. */
  constructor(private readonly unitOf: (trainee: string) => string | undefined) {}

  /** Brings the index up to date with `list` (which callers may have changed in place). */
  sync(list: PlanPlacement[]): void {
    if (list.length !== this.copy.length) return this.rebuild(list);
    const changed: number[] = [];
    for (let i = 0; i < list.length; i++) {
      if (this.copy[i] !== list[i]) {
        changed.push(i);
        if (changed.length > PATCH_LIMIT) return this.rebuild(list);
      }
    }
    for (const i of changed) {
      this.remove(i);
      this.copy[i] = list[i]!;
      this.add(i);
    }
  }

  /** Every trainee id that has placements (including ids the scenario does not have). */
  traineeIds(): string[] {
    return [...this.byTrainee].filter(([, positions]) => positions.size > 0).map(([id]) => id);
  }

  /** One trainee's placements, in plan order. */
  of(trainee: string): PlacementRef[] {
    const positions = this.byTrainee.get(trainee);
    if (!positions) return [];
    return [...positions].sort((a, b) => a - b).map((i) => this.refs[i]!);
  }

  /** All rotation parts per clinic, sorted by start. */
  clinics(): Map<string, PlacementRef[]> {
    return new Map([...this.byClinic].map(([id, list]) => [id, list.parts]));
  }

  /** All rotation parts per unit, sorted by start. */
  units(): Map<string, PlacementRef[]> {
    return new Map([...this.byUnit].map(([id, list]) => [id, list.parts]));
  }

  /** Rotation parts at `clinic` sharing a day with `windows`; all of them without windows. */
  atClinic(clinic: string, windows?: readonly Interval[]): PlacementRef[] {
    const list = this.byClinic.get(clinic);
    if (!list) return [];
    return windows ? list.overlapping(windows) : list.parts.slice();
  }

  /** Rotation parts of `unit`'s trainees sharing a day with `windows`; all of them without windows. */
  ofUnit(unit: string, windows?: readonly Interval[]): PlacementRef[] {
    const list = this.byUnit.get(unit);
    if (!list) return [];
    return windows ? list.overlapping(windows) : list.parts.slice();
  }

  private rebuild(list: PlanPlacement[]): void {
    this.copy = list.slice();
    this.refs = new Array<PlacementRef>(list.length);
    this.byTrainee.clear();
    this.byClinic.clear();
    this.byUnit.clear();
    for (let i = 0; i < list.length; i++) this.add(i);
  }

  private add(i: number): void {
    const ref = placementRef(this.copy[i]!, i);
    this.refs[i] = ref;
    const positions = this.byTrainee.get(ref.trainee);
    if (positions) positions.add(i);
    else this.byTrainee.set(ref.trainee, new Set([i]));
    if (ref.kind !== 'rotation') return;
    if (ref.clinic !== undefined) listFor(this.byClinic, ref.clinic).add(ref);
    const unit = this.unitOf(ref.trainee);
    if (unit !== undefined) listFor(this.byUnit, unit).add(ref);
  }

  private remove(i: number): void {
    const ref = this.refs[i];
    if (!ref) return;
    this.byTrainee.get(ref.trainee)?.delete(i);
    if (ref.kind !== 'rotation') return;
    if (ref.clinic !== undefined) this.byClinic.get(ref.clinic)?.remove(ref);
    const unit = this.unitOf(ref.trainee);
    if (unit !== undefined) this.byUnit.get(unit)?.remove(ref);
  }
}

function listFor(map: Map<string, PartList>, key: string): PartList {
  let list = map.get(key);
  if (!list) {
    list = new PartList();
    map.set(key, list);
  }
  return list;
}
