/**
 * One trainee's best schedule: a dynamic program over weekly slots and the set of rotations
 * already placed (state = slot × subset). From a state the trainee either stays at the VC for a slot
 * or starts one more rotation in this slot at its cheapest clinic, jumping to the slot after its
 * return time. Costs are the soft goals plus, in column generation, the prices (duals) of the clinic
 * and unit slots the rotation holds; in repair mode, slots without a free place are simply closed.
 * The value at (first slot, nothing placed) is exact for the model, so the Lagrangian bound is valid.
 */
import type { CohortModel, ItemModel, RotationOption, TraineeModel } from './model.ts';
import { rowOf } from './model.ts';
import { slotStart } from './grid.ts';
import { DAYS_PER_MONTH } from '../time/months.ts';
import { WEIGHTS } from './weights.ts';

export interface Choice {
  item: number;
  option: RotationOption;
  clinic: number;
}

/** A schedule of one trainee: a column of the master problem. */
export interface Column {
  trainee: number;
  choices: Choice[];
  /** True soft cost (no prices). */
  cost: number;
  /** Rows (clinic and unit slots) held, each once. */
  rows: number[];
}

export interface Prices {
  /** Price per row (≥ 0), or null for none. */
  dual: Float64Array | null;
  /** Prefix sums of `dual` per resource (pricePrefix), so a run of weeks is priced in O(1). */
  prefix?: Float64Array | null;
  /** Free places per row; when given, options needing a row without a free place are closed. */
  free: Int32Array | null;
}

const LAST_NOT = new Set(['internmedicin', 'psykiatri']);

/** Growable typed arrays, one per slot, handed out as views of exactly the size asked for. */
const scratch = {
  f: [new Float64Array(0), new Float64Array(0), new Float64Array(0)],
  i: [new Int32Array(0), new Int32Array(0)],
  f64(slot: number, size: number): Float64Array {
    if (this.f[slot]!.length < size) this.f[slot] = new Float64Array(Math.max(size, this.f[slot]!.length * 2));
    return this.f[slot]!.subarray(0, size);
  },
  i32(slot: number, size: number): Int32Array {
    if (this.i[slot]!.length < size) this.i[slot] = new Int32Array(Math.max(size, this.i[slot]!.length * 2));
    return this.i[slot]!.subarray(0, size);
  },
};

/** Prefix sums of prices per resource: prefix[r·(nSlots+1) + i] = Σ dual of r's first i slots. */
export function pricePrefix(m: CohortModel, dual: Float64Array): Float64Array {
  const stride = m.nSlots + 1;
  const out = new Float64Array(m.resources.length * stride);
  for (let r = 0; r < m.resources.length; r++) {
    let acc = 0;
    const base = r * stride;
    const row = r * m.nSlots;
    for (let i = 0; i < m.nSlots; i++) {
      acc += dual[row + i]!;
      out[base + i + 1] = acc;
    }
  }
  return out;
}

/** Cost of finishing the trainee's rotations with this option last: extension, fairness and order. */
export function finishCost(t: TraineeModel, item: ItemModel, o: RotationOption): number {
  return completionCost(t, o.parts[o.parts.length - 1]!.to) + orderCost(item);
}

/** Extension and fairness of a schedule whose last rotation ends on `lastTo`: never falls as `lastTo` grows. */
export function completionCost(t: TraineeModel, lastTo: number): number {
  const late = Math.max(0, (lastTo - t.earliest) / DAYS_PER_MONTH - WEIGHTS.fairnessFreeMonths);
  const extension = Math.max(0, (lastTo - t.facts.end) / DAYS_PER_MONTH);
  return WEIGHTS.extensionPerMonth * extension + WEIGHTS.extensionPerMonth2 * extension * extension + WEIGHTS.fairnessPerMonth2 * late * late;
}

/** What it costs that this rotation is the trainee's last (a sensible order). */
export function orderCost(item: ItemModel): number {
  return LAST_NOT.has(item.specialty) ? WEIGHTS.lastRotation : 0;
}

/** Stands for any option that is not the current plan's (a grid option): its clinic cost depends on the clinic only. */
const NOT_KEPT = { keep: false } as const;

/** The clinic-dependent soft cost of an option: load and minimal change. */
export function clinicCost(m: CohortModel, item: ItemModel, o: Pick<RotationOption, 'keep'>, c: number): number {
  const cap = Math.max(1, m.scenario.clinics[c]!.capacity);
  let cost = (WEIGHTS.loadPerMonth * item.months) / cap;
  if (item.hadCurrent && !(o.keep && c === item.currentClinic)) cost += WEIGHTS.move;
  return cost;
}

/** Prices and feasibility of an option at clinic c: Infinity when a needed row is full (repair mode). */
function rowPrice(m: CohortModel, t: TraineeModel, o: RotationOption, c: number, p: Prices, local: LocalPrefix | null = null): number {
  if (!p.free && !p.dual) return 0;
  if (local) {
    const lu = t.unit >= 0 ? local.get(t.unit)! : null;
    return localPrice(local.get(c)!, o.spans) + (lu ? localPrice(lu, o.spans) : 0);
  }
  if (p.prefix && !p.free) {
    const P = p.prefix;
    const stride = m.nSlots + 1;
    const bc = c * stride - m.slot0;
    const bu = t.unit >= 0 ? t.unit * stride - m.slot0 : null;
    let total = 0;
    const sp = o.spans;
    for (let k = 0; k < sp.length; k += 2) {
      const a = sp[k]!;
      const b = sp[k + 1]! + 1;
      total += P[bc + b]! - P[bc + a]!;
      if (bu !== null) total += P[bu + b]! - P[bu + a]!;
    }
    return total;
  }
  let sum = 0;
  const sp = o.spans;
  for (let k = 0; k < sp.length; k += 2) {
    for (let s = sp[k]!; s <= sp[k + 1]!; s++) {
      const rc = rowOf(m, c, s);
      const ru = t.unit >= 0 ? rowOf(m, t.unit, s) : -1;
      if (p.free) {
        if (p.free[rc]! < 1 || (ru >= 0 && p.free[ru]! < 1)) return Infinity;
      }
      if (p.dual) sum += p.dual[rc]! + (ru >= 0 ? p.dual[ru]! : 0);
    }
  }
  return sum;
}

interface LocalResource {
  blk: Int32Array;
  dual: Float64Array | null;
  first: number;
}
type LocalPrefix = Map<number, LocalResource>;

/** Price of runs of days at one resource in repair mode: Infinity when a day is full (or out of range). */
function localPrice(l: LocalResource, sp: number[]): number {
  let total = 0;
  for (let x = 0; x < sp.length; x += 2) {
    const a = sp[x]! - l.first;
    const b = sp[x + 1]! + 1 - l.first;
    if (a < 0 || b >= l.blk.length || l.blk[b]! - l.blk[a]! > 0) return Infinity;
    if (l.dual) total += l.dual[b]! - l.dual[a]!;
  }
  return total;
}

/** Prefix counts of full slots and prefix sums of prices for the resources one trainee can use. */
function localPrefix(m: CohortModel, t: TraineeModel, p: Prices): LocalPrefix {
  const out: LocalPrefix = new Map();
  const resources = new Set<number>();
  if (t.unit >= 0) resources.add(t.unit);
  for (const item of t.items) for (const c of item.clinics) resources.add(c);
  // Only the days the trainee's options can hold: from the first DP slot to the last.
  const lo = Math.max(0, slotStart(t.firstSlot) - m.slot0);
  const hi = Math.min(m.nSlots, slotStart(t.firstSlot + t.span + 1) - m.slot0);
  const n = Math.max(0, hi - lo);
  for (const r of resources) {
    const blk = new Int32Array(n + 1);
    const dual = p.dual ? new Float64Array(n + 1) : null;
    const base = r * m.nSlots + lo;
    let cb = 0;
    let cd = 0;
    for (let i = 0; i < n; i++) {
      if (p.free![base + i]! < 1) cb++;
      blk[i + 1] = cb;
      if (dual) {
        cd += p.dual![base + i]!;
        dual[i + 1] = cd;
      }
    }
    out.set(r, { blk, dual, first: m.slot0 + lo });
  }
  return out;
}

export interface Priced {
  column: Column;
  /** Cost plus prices: the reduced cost before the convexity dual. */
  priced: number;
}

/** The trainee's cheapest schedule under the prices, or null when no schedule keeps the trainee's rules. */
export function bestSchedule(m: CohortModel, t: TraineeModel, p: Prices): Priced | null {
  m.work.units++;
  const k = t.items.length;
  if (k === 0) return { column: { trainee: t.index, choices: [], cost: 0, rows: [] }, priced: 0 };
  const n = t.span;
  const M = 1 << k;
  const full = M - 1;
  // Cheapest clinic per item and slot, for the grid options (at index i·n + h, and the short grid's at
  // (k + i)·n + h) and the keep option.
  // Scratch tables reused across calls (pricing runs thousands of DPs per second; fresh arrays made
  // the garbage collector a sixth of the solve). bestSchedule never re-enters itself.
  const gVal = scratch.f64(0, 2 * k * n).fill(Infinity);
  const gNext = scratch.i32(0, 2 * k * n);
  const gFin = scratch.f64(1, 2 * k * n);
  const gClinic = scratch.i32(1, 2 * k * n).fill(-1);
  const keepVal = new Float64Array(k).fill(Infinity);
  const keepAt = new Int32Array(k).fill(-1);
  const keepClinic = new Int32Array(k).fill(-1);
  const local = p.free ? localPrefix(m, t, p) : null;
  // Fast path (prices as prefix sums, nothing closed): the unit's price of an option is the same at
  // every clinic, and a grid option's clinic cost depends on the clinic only — both taken out of the
  // clinic loop, where they were a third of the option pricing time.
  // Repair mode likewise, through the trainee's own prefix counts of full days (localPrefix).
  const P = p.prefix && !p.free ? p.prefix : null;
  const stride = m.nSlots + 1;
  // Null without a unit. (The base itself may be negative: it is offset by the first day's number.)
  const unitBase = t.unit >= 0 ? t.unit * stride - m.slot0 : null;
  const unitLocal = local && t.unit >= 0 ? local.get(t.unit)! : null;
  for (let i = 0; i < k; i++) {
    const item = t.items[i]!;
    const nc = item.clinics.length;
    const gridCost = new Float64Array(nc);
    const clinicBase = new Int32Array(nc);
    const clinicLocal = local ? item.clinics.map((c) => local.get(c)!) : [];
    for (let q = 0; q < nc; q++) {
      const c = item.clinics[q]!;
      gridCost[q] = clinicCost(m, item, NOT_KEPT, c);
      clinicBase[q] = c * stride - m.slot0;
    }
    const grids = item.shortGrid ? [item.grid, item.shortGrid] : [item.grid];
    for (let g = 0; g < grids.length; g++) {
      const grid = grids[g]!;
      const at = (g * k + i) * n;
      for (let h = 0; h < grid.length && h < n; h++) {
        const o = grid[h];
        if (!o) continue;
        // The cheapest clinic for this start (inlined: no object per option).
        let value = Infinity;
        let clinic = -1;
        if (P) {
          const sp = o.spans;
          let unitPrice = 0;
          if (unitBase !== null) for (let x = 0; x < sp.length; x += 2) unitPrice += P[unitBase + sp[x + 1]! + 1]! - P[unitBase + sp[x]!]!;
          for (let q = 0; q < nc; q++) {
            const bc = clinicBase[q]!;
            let v = o.cost + gridCost[q]! + unitPrice;
            for (let x = 0; x < sp.length; x += 2) v += P[bc + sp[x + 1]! + 1]! - P[bc + sp[x]!]!;
            if (v < value) {
              value = v;
              clinic = item.clinics[q]!;
            }
          }
        } else if (local) {
          const sp = o.spans;
          const unitPrice = unitLocal ? localPrice(unitLocal, sp) : 0;
          if (unitPrice === Infinity) continue;
          for (let q = 0; q < nc; q++) {
            const v = o.cost + gridCost[q]! + unitPrice + localPrice(clinicLocal[q]!, sp);
            if (v < value) {
              value = v;
              clinic = item.clinics[q]!;
            }
          }
        } else {
          for (const c of item.clinics) {
            const v = o.cost + clinicCost(m, item, o, c) + rowPrice(m, t, o, c, p, local);
            if (v < value) {
              value = v;
              clinic = c;
            }
          }
        }
        if (clinic < 0 || value === Infinity) continue;
        gVal[at + h] = value;
        gClinic[at + h] = clinic;
        gNext[at + h] = o.next - t.firstSlot;
        gFin[at + h] = finishCost(t, item, o);
      }
    }
    const ko = item.keepOption;
    if (ko) {
      const c = item.currentClinic;
      const v = ko.cost + clinicCost(m, item, ko, c) + rowPrice(m, t, ko, c, p, local);
      if (v < Infinity) {
        keepVal[i] = v;
        keepAt[i] = ko.slot - t.firstSlot;
        keepClinic[i] = c;
      }
    }
  }

  const V = scratch.f64(2, (n + 1) * M).fill(Infinity);
  V[n * M + full] = 0;
  for (let h = n - 1; h >= 0; h--) {
    const base = h * M;
    V.copyWithin(base, base + M, base + 2 * M);
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      // Passes: the grid option, the short grid's, the keep option.
      for (let pass = 0; pass < 3; pass++) {
        let val: number;
        let nx: number;
        let fin: number;
        if (pass < 2) {
          const at = (pass * k + i) * n + h;
          val = gVal[at]!;
          if (val === Infinity) continue;
          nx = gNext[at]!;
          fin = gFin[at]!;
        } else {
          if (keepAt[i] !== h) continue;
          val = keepVal[i]!;
          const ko = t.items[i]!.keepOption!;
          nx = ko.next - t.firstSlot;
          fin = finishCost(t, t.items[i]!, ko);
        }
        if (nx > n) continue;
        const nb = nx * M;
        // Subsets without this item: blocks of `bit` subsets every 2·bit; completing the set pays `fin`.
        const last = full ^ bit;
        for (let hi = 0; hi < M; hi += bit << 1) {
          for (let S = hi; S < hi + bit; S++) {
            const v = val + V[nb + (S | bit)]! + (S === last ? fin : 0);
            if (v < V[base + S]!) V[base + S] = v;
          }
        }
      }
    }
  }
  const total = V[0]!;
  if (!Number.isFinite(total)) return null;

  // Walk forward along the optimal decisions.
  const choices: Choice[] = [];
  let S = 0;
  let h = 0;
  const eps = 1e-7 * Math.max(1, Math.abs(total));
  while (S !== full && h < n) {
    const here = V[h * M + S]!;
    let moved = false;
    for (let i = 0; i < k && !moved; i++) {
      const bit = 1 << i;
      if (S & bit) continue;
      const T = S | bit;
      const item = t.items[i]!;
      for (let g = 0; g < 2 && !moved; g++) {
        const at = (g * k + i) * n + h;
        const val = gVal[at]!;
        if (val === Infinity) continue;
        const nx = gNext[at]!;
        if (nx <= n && Math.abs(val + V[nx * M + T]! + (T === full ? gFin[at]! : 0) - here) <= eps) {
          choices.push({ item: i, option: (g === 0 ? item.grid : item.shortGrid!)[h]!, clinic: gClinic[at]! });
          S = T;
          h = nx;
          moved = true;
        }
      }
      if (moved) break;
      if (keepAt[i] === h) {
        const ko = item.keepOption!;
        const nx = ko.next - t.firstSlot;
        if (nx <= n && Math.abs(keepVal[i]! + V[nx * M + T]! + (T === full ? finishCost(t, item, ko) : 0) - here) <= eps) {
          choices.push({ item: i, option: ko, clinic: keepClinic[i]! });
          S = T;
          h = nx;
          moved = true;
        }
      }
    }
    if (!moved) h++;
  }
  const column = makeColumn(m, t, choices);
  return { column, priced: total };
}

/** A column from a trainee's choices: its true cost and the rows it holds. */
export function makeColumn(m: CohortModel, t: TraineeModel, choices: Choice[]): Column {
  let cost = 0;
  const rows = new Set<number>();
  let last: Choice | null = null;
  for (const ch of choices) {
    cost += choiceCost(m, t, ch);
    addChoiceRows(m, t, ch, rows);
    if (!last || ch.option.slot > last.option.slot) last = ch;
  }
  if (last) cost += finishCost(t, t.items[last.item]!, last.option);
  return { trainee: t.index, choices, cost, rows: [...rows].sort((a, b) => a - b) };
}

/** One rotation's own cost at its clinic (what being the last one adds is finishCost's). */
export function choiceCost(m: CohortModel, t: TraineeModel, ch: Choice): number {
  return ch.option.cost + clinicCost(m, t.items[ch.item]!, ch.option, ch.clinic);
}

/** The checked rows (clinic and unit days) one rotation holds, added to `rows`. */
export function addChoiceRows(m: CohortModel, t: TraineeModel, ch: Choice, rows: Set<number>): void {
  const sp = ch.option.spans;
  for (let k = 0; k < sp.length; k += 2) {
    for (let s = sp[k]!; s <= sp[k + 1]!; s++) {
      const rc = rowOf(m, ch.clinic, s);
      if (m.checked[rc]) rows.add(rc);
      if (t.unit < 0) continue;
      const ru = rowOf(m, t.unit, s);
      if (m.checked[ru]) rows.add(ru);
    }
  }
}

/**
 * Identity of a schedule. The last part's end and the keep flag belong to it: a rotation kept at its
 * current dates can start on the same day as a grid option yet differ in its parts and (move) cost,
 * and a key without them silently dropped the cheaper one as "seen" — pricing would then report no
 * improving column although one exists, ending column generation at a value that is not the LP's.
 */
export function columnKey(col: Column): string {
  return `${col.trainee}|${col.choices
    .map((c) => `${c.item}:${c.option.parts[0]!.from}:${c.option.parts[c.option.parts.length - 1]!.to}:${c.clinic}:${c.option.keep ? 'k' : 'g'}`)
    .join(',')}`;
}
