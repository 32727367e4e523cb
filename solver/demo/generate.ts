/**
 * The demo region generator: a seeded, realistic scenario for the app, the tests and the benchmarks.
 *
 * Same seed, same region (own PRNG, no Math.random, dates relative to `today`). Capacities are sized
 * from the cohort's demand and then tightened to what the greedy planner just manages: a clinic gets
 * an extra place only when greedy could not place someone without it. So every generated region is
 * feasible (greedy's plan is the witness) and tight (capacity close to the peak demand).
 */
import { PROFILE_NAMES, PROFILE_PARAMS } from '../domain/profiles.ts';
import { plannedLengths, requirementsFor } from '../domain/requirements.ts';
import {
  SCENARIO_FORMAT,
  type Clinic,
  type Employment,
  type Leave,
  type Placement,
  type Plan,
  type ProfileId,
  type RequiredRotation,
  type Scenario,
  type Specialty,
  type Trainee,
  type Unit,
  type Wish,
} from '../domain/schemas.ts';
import {
  addMonths,
  civilFromDay,
  dayFromCivil,
  formatDay,
  isIsoDate,
  monthIndex,
  parseDay,
  startOfMonth,
  today,
  type Day,
} from '../time/dates.ts';
import { WorkCalendar, endOfSt } from '../time/months.ts';
import { greedyPlace, greedyPlan } from '../greedy.ts';
import { CLINIC_NAMES, FIRST_NAMES, LAST_NAMES, SITES, UNIT_KIND, UNIT_PLACES, UNIT_SUFFIXES } from './names.ts';
import { Random } from './random.ts';

export interface GenerateOptions {
  /** Number of trainees (1–5000). */
  size: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** The date the region is seen from, `YYYY-MM-DD`; default the real today (Sweden). */
  today?: string;
  profile?: ProfileId;
  name?: string;
}

/** Extra specialties some trainees' individual plans add; the region keeps a clinic for each. */
const EXTRA_SPECIALTIES: Specialty[] = ['kirurgi', 'ortopedi', 'akutgeriatrik', 'infektion', 'akutsjukvard'];

/** Starts spread over this many months before and after today. */
const STARTS_BEFORE_MONTHS = 48;
const STARTS_AFTER_MONTHS = 24;
/** Trainees who started this long ago have their finished rotations locked (done). */
const LOCK_DONE_AFTER_MONTHS = 24;
/** Rounds of "greedy, then one more place where it failed" before giving up tightening. */
const MAX_SIZING_ROUNDS = 12;

export function generateScenario(opts: GenerateOptions): Scenario {
  const size = opts.size;
  if (!Number.isInteger(size) || size < 1 || size > 5000) throw new Error(`size: must be an integer 1–5000, got ${size}`);
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed: must be an integer, got ${seed}`);
  const profile: ProfileId = opts.profile ?? 'kronoberg';
  if (!(profile in PROFILE_PARAMS)) throw new Error(`profile: must be one of kronoberg, norrbotten, got ${profile}`);
  if (opts.today !== undefined && !isIsoDate(opts.today)) throw new Error(`today: not a date: ${opts.today}`);
  const now = opts.today === undefined ? today() : parseDay(opts.today);
  const rng = new Random(seed);
  const params = PROFILE_PARAMS[profile];

  const units = makeUnits(rng, profile, Math.max(2, Math.round(size / 4)));
  const trainees = Array.from({ length: size }, (_, i) => makeTrainee(rng, i, size, now, profile));
  // Consecutive starters go to different units, so that a unit's trainees are spread over the years
  // (as a region recruits) rather than all away in the same terms.
  const byStart = [...trainees].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const offset = rng.int(0, units.length - 1);
  byStart.forEach((t, i) => (t.unit = units[(i + offset) % units.length]!.id));
  // A unit with more trainees needs a higher away limit, else its trainees queue for years.
  const perUnit = new Map<string, number>();
  for (const t of trainees) perUnit.set(t.unit, (perUnit.get(t.unit) ?? 0) + 1);
  for (const u of units) u.maxAway = (perUnit.get(u.id) ?? 0) > 4 ? 2 : rng.chance(0.75) ? 1 : 2;

  const minimum = params['minimum-time'].months;
  let first = Infinity;
  let last = -Infinity;
  for (const t of trainees) {
    const start = parseDay(t.start);
    first = Math.min(first, start);
    last = Math.max(last, endOfSt(start, minimum[t.regulation], t.creditMonths ?? 0, WorkCalendar.forTrainee(t)));
  }
  const horizonFrom = startOfMonth(first);
  const horizonTo = dayFromCivil(civilFromDay(addMonths(last, 6)).year, 12, 31);

  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: opts.name ?? `Demo ${PROFILE_NAMES[profile]} (${size} ST-läkare, frö ${seed})`,
    profile,
    horizon: { from: formatDay(horizonFrom), to: formatDay(horizonTo) },
    clinics: [],
    units,
    trainees,
  };
  scenario.clinics = makeClinics(rng, scenario, size, horizonFrom, horizonTo);
  tightenToFeasible(scenario);
  trimToPeakUse(scenario);
  lockDonePlacements(rng, scenario, now);
  return scenario;
}

/** A demo region and its plan (greedy's, until the cohort solver takes over). */
export function generateDemo(opts: GenerateOptions): { scenario: Scenario; plan: Plan } {
  const scenario = generateScenario(opts);
  return { scenario, plan: greedyPlan(scenario) };
}

function makeUnits(rng: Random, profile: ProfileId, count: number): Unit[] {
  const places = rng.shuffle([...UNIT_PLACES[profile]]);
  const units: Unit[] = [];
  const used = new Set<string>();
  for (let i = 0; units.length < count; i++) {
    const place = places[i % places.length]!;
    const suffix = UNIT_SUFFIXES[Math.floor(i / places.length) % UNIT_SUFFIXES.length]!;
    const round = Math.floor(i / (places.length * UNIT_SUFFIXES.length));
    const label = `${place}${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
    let id = `vc-${slug(label)}`;
    while (used.has(id)) id += '-x';
    used.add(id);
    const kind = UNIT_KIND[profile];
    const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
    const name =
      profile === 'kronoberg' && rng.chance(0.2)
        ? `Capio ${Kind} ${label}`
        : label === place
          ? `${place.endsWith('s') ? place : `${place}s`} ${kind}`
          : `${Kind}en ${label}`;
    units.push({ id, name, maxAway: 1 });
  }
  return units;
}

function makeTrainee(rng: Random, i: number, size: number, now: Day, profile: ProfileId): Trainee {
  const id = `t${String(i + 1).padStart(Math.max(3, String(size).length), '0')}`;
  const monthOffset = rng.int(-STARTS_BEFORE_MONTHS, STARTS_AFTER_MONTHS);
  const monthStart = addMonths(startOfMonth(now), monthOffset);
  const start = rng.chance(0.8) ? monthStart : monthStart + 14;
  const regulation = rng.chance(0.25) ? '2021:8' : '2015:8';
  const trainee: Trainee = {
    id,
    name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
    unit: '', // assigned by start order in generateScenario
    start: formatDay(start),
    regulation,
  };
  if (regulation === '2021:8' && rng.chance(0.4)) trainee.btDone = true;

  const employment = makeEmployment(rng, start);
  if (employment) trainee.employment = employment;
  const leave = makeLeave(rng, start);
  if (leave.length > 0) trainee.leave = leave;
  if (rng.chance(0.15)) trainee.creditMonths = rng.pick([1, 2, 3, 4, 6]);

  if (rng.chance(0.1)) {
    // An individual plan: the profile's list plus a short extra rotation.
    const base: RequiredRotation[] = PROFILE_PARAMS[profile]['required-rotations'].byRegulation[regulation];
    const extra = rng.pick(EXTRA_SPECIALTIES.filter((s) => s !== 'akutsjukvard'));
    trainee.rotations = [...base.map((r) => ({ ...r })), { specialty: extra, months: 1 }];
  }
  if (rng.chance(0.1)) {
    const specialty = rng.pick<Specialty>(['psykiatri', 'internmedicin', 'pediatrik']);
    const from = addMonths(startOfMonth(start), rng.int(14, 30));
    const wish: Wish = { specialty, from: formatDay(from), to: formatDay(addMonths(from, 6) - 1), weight: rng.int(1, 3) };
    trainee.wishes = [wish];
  }
  return trainee;
}

/** Two in three full-time; the rest 80 % or 75 %, some changing rate part-way (from the first of a month). */
function makeEmployment(rng: Random, start: Day): Employment[] | null {
  const r = rng.next();
  if (r < 0.62) return rng.chance(0.3) ? [{ from: formatDay(start), rate: 1 }] : null;
  if (r < 0.74) return [{ from: formatDay(start), rate: 0.8 }];
  if (r < 0.82) return [{ from: formatDay(start), rate: 0.75 }];
  const change = formatDay(addMonths(startOfMonth(start), rng.int(12, 36)));
  return rng.chance(0.6)
    ? [
        { from: formatDay(start), rate: 1 },
        { from: change, rate: rng.pick([0.8, 0.75]) },
      ]
    : [
        { from: formatDay(start), rate: 0.8 },
        { from: change, rate: 1 },
      ];
}

function makeLeave(rng: Random, start: Day): Leave[] {
  const leave: Leave[] = [];
  if (rng.chance(0.2)) {
    const from = addMonths(startOfMonth(start), rng.int(8, 40));
    leave.push({ from: formatDay(from), to: formatDay(addMonths(from, rng.int(5, 12)) - 1), kind: 'parental' });
  }
  if (rng.chance(0.06)) {
    const from = addMonths(start, rng.int(44, 54));
    leave.push({ from: formatDay(from), to: formatDay(from + rng.int(2, 8) * 7 - 1), kind: 'sick' });
  }
  return leave;
}

/**
 * Clinics per specialty, with a first estimate of capacity: the peak over the horizon of the
 * trainees' required months spread evenly over the years they can do them, plus a sixth for the
 * summer closure. The main site gets about half the places; small specialties live there alone.
 */
function makeClinics(rng: Random, scenario: Scenario, size: number, from: Day, to: Day): Clinic[] {
  const params = PROFILE_PARAMS[scenario.profile ?? 'kronoberg'];
  const first = monthIndex(from);
  const months = monthIndex(to) - first + 1;
  const load = new Map<Specialty, Float64Array>();
  for (const t of scenario.trainees) {
    const start = monthIndex(parseDay(t.start)) - first;
    const rate = Math.min(...(t.employment ?? [{ rate: 1 }]).map((e) => e.rate));
    const requirements = requirementsFor(t, params);
    const lengths = plannedLengths(requirements, params);
    for (const req of requirements) {
      const lo = start + (req.bt ? 0 : Math.ceil(params['initial-vc'].months / rate));
      const hi = req.bt ? start + 24 : start + Math.ceil(54 / rate);
      const perMonth = (lengths.get(req) ?? req.months[0]) / rate / Math.max(1, hi - lo);
      const arr = load.get(req.specialty) ?? new Float64Array(months);
      for (let m = Math.max(0, lo); m < Math.min(months, hi); m++) arr[m]! += perMonth;
      load.set(req.specialty, arr);
    }
  }
  const sites = SITES[scenario.profile ?? 'kronoberg'];
  const siteCount = Math.min(sites.length, Math.max(2, Math.ceil(size / 60)));
  const clinics: Clinic[] = [];
  const specialties = [...new Set<Specialty>([...load.keys(), ...EXTRA_SPECIALTIES])];
  for (const specialty of specialties) {
    const arr = load.get(specialty);
    const peak = arr ? Math.max(...arr) : 0;
    const total = Math.max(1, Math.ceil(peak * 1.15));
    const shares = splitAcrossSites(total, siteCount);
    shares.forEach((capacity, s) => {
      const site = sites[s]!;
      const label = CLINIC_NAMES[specialty];
      clinics.push({
        id: `${label.id}-${site.id}`,
        name: `${label.name} ${site.name}`,
        specialty,
        capacity,
        capacityChanges: summerDips(rng, capacity, from, to),
      });
    });
  }
  return clinics;
}

/** Half (rounded up) at the main site, the rest one by one over the others; no empty clinics. */
function splitAcrossSites(total: number, siteCount: number): number[] {
  if (total <= 2 || siteCount === 1) return [total];
  const shares = [Math.ceil(total / 2)];
  let rest = total - shares[0]!;
  for (let s = 1; rest > 0; s = s + 1 >= siteCount ? 1 : s + 1) {
    if (shares[s] === undefined) shares[s] = 0;
    shares[s]!++;
    rest--;
  }
  return shares;
}

/** Mid-June to mid-August every year: closed, or half the places. */
function summerDips(rng: Random, capacity: number, from: Day, to: Day): NonNullable<Clinic['capacityChanges']> {
  const dips: NonNullable<Clinic['capacityChanges']> = [];
  const closes = capacity <= 1 || rng.chance(0.5);
  for (let year = civilFromDay(from).year; year <= civilFromDay(to).year; year++) {
    dips.push({
      from: formatDay(dayFromCivil(year, 6, 15 + rng.int(0, 7))),
      to: formatDay(dayFromCivil(year, 8, 15)),
      capacity: closes ? 0 : Math.floor(capacity / 2),
    });
  }
  return dips;
}

/**
 * Adds places where greedy fails until it places every rotation (or the rounds run out): the
 * specialty's smallest clinic gets one more place, and a full unit of a failing trainee may send two.
 */
function tightenToFeasible(scenario: Scenario): void {
  let best = Infinity;
  let stalled = 0;
  for (let round = 0; round < MAX_SIZING_ROUNDS; round++) {
    const { plan, unplaced } = greedyPlace(scenario);
    const failing = new Map<Specialty, number>();
    let unitRaised = false;
    for (const u of unplaced) {
      let specialty = u.kind === 'rotation' ? u.specialty : undefined;
      if (u.kind === 'bvc' || u.kind === 'sabo') {
        // Own BVC or SÄBO found no room: the trainee's last rotation came too late for lack of places.
        const last = plan.placements.filter((p) => p.trainee === u.trainee && p.kind === 'rotation').at(-1);
        specialty = last?.specialty;
      }
      if (specialty) failing.set(specialty, (failing.get(specialty) ?? 0) + 1);
      // A trainee left without a rotation, own BVC or SÄBO waited too long for their unit too.
      const trainee = scenario.trainees.find((t) => t.id === u.trainee);
      const unit = scenario.units.find((x) => x.id === trainee?.unit);
      if (unit && unit.maxAway < 2 && u.kind !== 'course' && u.kind !== 'milestone') {
        unit.maxAway = 2;
        unitRaised = true;
      }
    }
    // Stop when more places no longer help: what is left is a trainee whose own calendar is too full.
    if (failing.size === 0 && !unitRaised) return;
    if (unplaced.length < best) {
      best = unplaced.length;
      stalled = 0;
    } else if (++stalled >= 3) return;
    for (const [specialty, count] of failing) {
      const clinics = scenario.clinics.filter((c) => c.specialty === specialty);
      const extra = Math.max(1, Math.ceil(count / 4));
      for (let k = 0; k < extra; k++) {
        const smallest = clinics.reduce((a, b) => (b.capacity < a.capacity ? b : a));
        smallest.capacity++;
        for (const dip of smallest.capacityChanges ?? []) if (dip.capacity > 0) dip.capacity = Math.floor(smallest.capacity / 2);
      }
    }
  }
}

/**
 * Lowers every clinic's capacity to the most trainees greedy's plan has there at once (outside the
 * summer dips; at least 1). Greedy then makes exactly the same choices — every place it took is still
 * free when it takes it, every place it was refused stays refused — so the region stays feasible,
 * and every used clinic that closes in summer is full on some day (one with a reduced summer keeps
 * at least one place more the rest of the year).
 */
function trimToPeakUse(scenario: Scenario): void {
  const { plan } = greedyPlace(scenario);
  const byClinic = new Map<string, { from: Day; to: Day }[]>();
  for (const p of plan.placements) {
    if (p.kind !== 'rotation' || !p.clinic) continue;
    const list = byClinic.get(p.clinic) ?? [];
    list.push({ from: parseDay(p.from), to: parseDay(p.to) });
    byClinic.set(p.clinic, list);
  }
  for (const c of scenario.clinics) {
    const dips = (c.capacityChanges ?? []).map((d) => ({ from: parseDay(d.from), to: parseDay(d.to) }));
    const inDip = (d: Day): boolean => dips.some((x) => x.from <= d && d <= x.to);
    // Sweep over the start and end events of the clinic's placements.
    const events: [Day, number][] = [];
    for (const iv of byClinic.get(c.id) ?? []) events.push([iv.from, 1], [iv.to + 1, -1]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0;
    let peak = 0;
    for (let i = 0; i < events.length; i++) {
      now += events[i]![1];
      const next = events[i + 1]?.[0];
      if (next !== undefined && next === events[i]![0]) continue;
      // `now` holds from this event's day to the day before the next event.
      const from = events[i]![0];
      const to = (next ?? from + 1) - 1;
      let outside = false;
      for (let d = from; d <= to && !outside; d++) outside = !inDip(d);
      if (outside) peak = Math.max(peak, now);
    }
    // A reduced summer stays below the rest of the year (greedy used no more than the dip allowed).
    const highestDip = Math.max(0, ...(c.capacityChanges ?? []).map((d) => d.capacity));
    c.capacity = Math.max(1, peak, highestDip > 0 ? highestDip + 1 : 0);
  }
}

/**
 * Rotations already done by trainees who started long ago are locked, as a studierektor would
 * enter them. They are taken from greedy's own plan, so they respect capacity by construction.
 */
function lockDonePlacements(rng: Random, scenario: Scenario, now: Day): void {
  const plan = greedyPlan(scenario);
  const cutoff = addMonths(now, -LOCK_DONE_AFTER_MONTHS);
  for (const t of scenario.trainees) {
    if (parseDay(t.start) > cutoff || !rng.chance(0.7)) continue;
    const done: Placement[] = plan.placements
      .filter((p) => p.trainee === t.id && p.kind === 'rotation' && parseDay(p.to) < now)
      .map(({ trainee: _trainee, ...placement }) => placement);
    if (done.length > 0) t.locked = done;
  }
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/å|ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
