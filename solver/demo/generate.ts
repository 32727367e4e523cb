/**
 * The demo region generator: a seeded, realistic scenario for the app, the tests and the benchmarks.
 *
 * Same seed, same region (own PRNG, no Math.random, dates relative to `today`). A region under way,
 * as a studierektor meets it: starts spread over eight years, units of two to six trainees (three in
 * five letting one away at a time), clinics sized from the cohort's demand with summer dips — never
 * loosened until a planner fits. The planning day is `today`; what lies before it is history, taken
 * from a plan made from everyone's start and locked; where places run short, ST is extended.
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
import { greedyPlan } from '../greedy.ts';
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

/** Starts spread over this many months before and after today: eight years in all. */
const STARTS_BEFORE_MONTHS = 72;
const STARTS_AFTER_MONTHS = 24;
/** Trainees per unit, and the share of units (the smallest) that let one trainee away at a time. */
const UNIT_SIZES = [2, 6] as const;
const LIMIT_ONE_SHARE = 0.6;

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

  const sizes = unitSizes(rng, size);
  const units = makeUnits(rng, profile, sizes.length);
  // The smaller units let one away at a time (an enhetschef with two trainees keeps one), the larger two.
  const bySize = sizes.map((n, i) => [n, rng.next(), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  bySize.forEach(([, , i], k) => (units[i]!.maxAway = k < Math.round(LIMIT_ONE_SHARE * units.length) ? 1 : 2));
  const trainees = Array.from({ length: size }, (_, i) => makeTrainee(rng, i, size, now, profile));
  // Consecutive starters go to different units, so that a unit's trainees are spread over the years
  // (as a region recruits) rather than all away in the same terms.
  const byStart = [...trainees].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const seats = spreadSeats(units, sizes);
  byStart.forEach((t, i) => (t.unit = seats[i]!));

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
    planFrom: formatDay(now),
    clinics: [],
    units,
    trainees,
  };
  scenario.clinics = makeClinics(rng, scenario, size, horizonFrom, horizonTo);
  lockHistory(scenario, now);
  return scenario;
}

/** A demo region and its plan (greedy's, until the cohort solver takes over). */
export function generateDemo(opts: GenerateOptions): { scenario: Scenario; plan: Plan } {
  const scenario = generateScenario(opts);
  return { scenario, plan: greedyPlan(scenario) };
}

/** Unit sizes of two to six that add up to the cohort (one smaller unit where the rest do not divide). */
function unitSizes(rng: Random, size: number): number[] {
  const sizes: number[] = [];
  for (let left = size; left > 0; ) {
    const n = Math.min(left, rng.int(UNIT_SIZES[0], UNIT_SIZES[1]));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

/** One unit id per trainee, in start order: each unit's seats spread evenly over the order. */
function spreadSeats(units: Unit[], sizes: number[]): string[] {
  const seats = units.flatMap((u, i) => Array.from({ length: sizes[i]! }, (_, k) => ({ id: u.id, at: (k + 0.5) / sizes[i]! + i * 1e-6 })));
  return seats.sort((a, b) => a.at - b.at).map((x) => x.id);
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
 * Clinics per specialty, sized from demand: the peak over the horizon of the trainees' required
 * months spread evenly over the years they can do them, plus a sixth for the summer closure. The
 * main site gets about half the places; small specialties live there alone.
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
 * History: everyone planned from their own start (greedy, as the region would have), and whatever of
 * that plan begins before the planning day is locked — done, or under way — as a studierektor would
 * enter it. It respects capacity by construction.
 */
function lockHistory(scenario: Scenario, now: Day): void {
  const { planFrom: _planFrom, ...fromTheStart } = scenario;
  const plan = greedyPlan(fromTheStart);
  const past = new Map<string, Placement[]>();
  for (const { trainee, ...placement } of plan.placements) {
    if (parseDay(placement.from) >= now) continue;
    past.set(trainee, [...(past.get(trainee) ?? []), placement]);
  }
  for (const t of scenario.trainees) {
    const done = past.get(t.id);
    if (done) t.locked = done;
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
