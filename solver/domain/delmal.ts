/**
 * Delmål (sub-goals of the målbeskrivning for allmänmedicin) as data, and what in a plan covers them.
 *
 * Titles follow shared/domain.md: the a- and b-goals and the 2021:8 ST-goals carry their official
 * headings; the c-goals have no official short titles, so those labels are ours (verify against
 * Socialstyrelsen's målbeskrivning before showing them as official).
 *
 * Coverage is recorded in 2015:8 codes and translated to 2021:8 by `TO_2021` (c1–c13 → STc1–STc13,
 * b3 → STc14, a3 → STa7 as domain.md says; the rest by heading: a1 → STa5 + STa6, a2 → STa4, a4 → STa2,
 * a5 → STa3, a6 → STa1, b1 → STb1, b2 → STb2, b4 → STb3, b5 → STb4, c14 → STc15).
 *
 * BT goals (BT1–BT18) are listed but NOT part of the coverage check: nothing in a plan (rotations,
 * courses, milestones) can be tied to them honestly — BT is assessed on its own certificate — so a
 * 2021:8 trainee's required set is the ST goals only.
 */
import { MILESTONES, type CourseId, type MilestoneId, type PlacementKind, type Regulation, type Specialty, type Text } from './schemas.ts';
import { placementName } from './specialties.ts';

export interface Goal {
  code: string;
  title: Text;
}

const g = (code: string, sv: string, en: string): Goal => ({ code, title: { sv, en } });

export const GOALS_2015: readonly Goal[] = [
  g('a1', 'Medarbetarskap, ledarskap och pedagogik', 'Teamwork, leadership and teaching'),
  g('a2', 'Etik, mångfald och jämlikhet', 'Ethics, diversity and equality'),
  g('a3', 'Vårdhygien och smittskydd', 'Infection control'),
  g('a4', 'Systematiskt kvalitets- och patientsäkerhetsarbete', 'Quality improvement and patient safety'),
  g('a5', 'Medicinsk vetenskap', 'Medical science'),
  g('a6', 'Lagar och andra föreskrifter samt hälso- och sjukvårdens organisation', 'Law and the organisation of health care'),
  g('b1', 'Kommunikation med patienter och närstående', 'Communication with patients and relatives'),
  g('b2', 'Sjukdomsförebyggande arbete', 'Disease prevention'),
  g('b3', 'Läkemedel', 'Pharmacotherapy'),
  g('b4', 'Försäkringsmedicin', 'Insurance medicine'),
  g('b5', 'Palliativ vård i livets slutskede', 'End-of-life palliative care'),
  g('c1', 'Hälsoproblem', 'Health problems'),
  g('c2', 'Medicinsk prioritering', 'Medical priority'),
  g('c3', 'Långsiktig uppföljning (VC)', 'Long-term follow-up (primary care)'),
  g('c4', 'Vanliga sjukdomar inklusive beroende', 'Common diseases incl. addiction'),
  g('c5', 'Remittering och uppföljning', 'Referral and follow-up'),
  g('c6', 'Barn och ungdomar', 'Children and adolescents'),
  g('c7', 'Gynekologi och mödrahälsovård', 'Gynaecology and maternity care'),
  g('c8', 'Äldre, hemsjukvård och palliativ vård', 'The elderly, home care and palliative care'),
  g('c9', 'Hembesök (VC)', 'Home visits (primary care)'),
  g('c10', 'Rehabilitering (VC)', 'Rehabilitation (primary care)'),
  g('c11', 'Myndighetsuppgifter inklusive smittskydd (VC)', 'Authority tasks incl. communicable disease control'),
  g('c12', 'Folkhälsoarbete (VC)', 'Public health (primary care)'),
  g('c13', 'Psykisk sjukdom', 'Psychiatric disease'),
  g('c14', 'Lagstiftning för specialiteten', 'Law for the specialty'),
];

export const GOALS_2021: readonly Goal[] = [
  g('STa1', 'Hälso- och sjukvårdens förutsättningar', 'The conditions of health care'),
  g('STa2', 'Systematiskt kvalitets- och patientsäkerhetsarbete', 'Quality improvement and patient safety'),
  g('STa3', 'Medicinsk vetenskap', 'Medical science'),
  g('STa4', 'Etik', 'Ethics'),
  g('STa5', 'Ledarskap', 'Leadership'),
  g('STa6', 'Lärande', 'Learning'),
  g('STa7', 'Vårdhygien och smittskydd', 'Infection control'),
  g('STb1', 'Kommunikation med patienter och närstående', 'Communication with patients and relatives'),
  g('STb2', 'Sjukdomsförebyggande och hälsofrämjande arbete', 'Disease prevention and health promotion'),
  g('STb3', 'Försäkringsmedicin', 'Insurance medicine'),
  g('STb4', 'Palliativ vård', 'Palliative care'),
  g('STc1', 'Hälsoproblem', 'Health problems'),
  g('STc2', 'Medicinsk prioritering', 'Medical priority'),
  g('STc3', 'Långsiktig uppföljning (VC)', 'Long-term follow-up (primary care)'),
  g('STc4', 'Vanliga sjukdomar inklusive beroende', 'Common diseases incl. addiction'),
  g('STc5', 'Remittering och uppföljning', 'Referral and follow-up'),
  g('STc6', 'Barn och ungdomar', 'Children and adolescents'),
  g('STc7', 'Gynekologi och mödrahälsovård', 'Gynaecology and maternity care'),
  g('STc8', 'Äldre, hemsjukvård och palliativ vård', 'The elderly, home care and palliative care'),
  g('STc9', 'Hembesök (VC)', 'Home visits (primary care)'),
  g('STc10', 'Rehabilitering (VC)', 'Rehabilitation (primary care)'),
  g('STc11', 'Myndighetsuppgifter inklusive smittskydd (VC)', 'Authority tasks incl. communicable disease control'),
  g('STc12', 'Folkhälsoarbete (VC)', 'Public health (primary care)'),
  g('STc13', 'Psykisk sjukdom', 'Psychiatric disease'),
  g('STc14', 'Läkemedelsbehandling', 'Drug treatment'),
  g('STc15', 'Juridik', 'Law'),
];

/** BT (bastjänstgöring) goals; listed for display, not part of the coverage check (see the file comment). */
export const GOALS_BT: readonly Goal[] = [
  g('BT1', 'Akuta och icke-akuta tillstånd', 'Acute and non-acute conditions'),
  g('BT2', 'Psykiatriska tillstånd', 'Psychiatric conditions'),
  g('BT3', 'Lagar och föreskrifter', 'Law and regulations'),
  g('BT4', 'Hälso- och sjukvårdens organisation', 'Organisation of health care'),
  g('BT5', 'Dokumentation', 'Documentation'),
  g('BT6', 'Kvalitets- och patientsäkerhetsarbete', 'Quality and patient safety'),
  g('BT7', 'Vetenskap', 'Science'),
  g('BT8', 'Etik', 'Ethics'),
  g('BT9', 'Kommunikation', 'Communication'),
  g('BT10', 'Leda vården kring patienten', 'Leading care around the patient'),
  g('BT11', 'Undervisning', 'Teaching'),
  g('BT12', 'Barn och ungdomar', 'Children and adolescents'),
  g('BT13', 'Vårdhygien och smittskydd', 'Infection control'),
  g('BT14', 'Hälsofrämjande arbete', 'Health promotion'),
  g('BT15', 'Läkemedelsbehandling', 'Drug treatment'),
  g('BT16', 'Intyg inom försäkringsmedicin', 'Insurance certificates'),
  g('BT17', 'Palliativa vårdbehov', 'Palliative needs'),
  g('BT18', 'Dödsbevis och dödsorsaksintyg', 'Death certificates'),
];

/** Delmål (2015:8 codes) served by a rotation in each specialty: domain.md's table. */
export const SPECIALTY_GOALS: Record<Specialty, readonly string[]> = {
  internmedicin: ['b3', 'c1', 'c2', 'c4', 'c5', 'c8'],
  psykiatri: ['b3', 'c1', 'c2', 'c4', 'c5', 'c8', 'c13'],
  pediatrik: ['b3', 'c1', 'c2', 'c4', 'c5', 'c6'],
  gynekologi: ['c1', 'c2', 'c4', 'c5', 'c7'],
  onh: ['c1', 'c2', 'c4', 'c5'],
  ogon: ['c1', 'c2', 'c4', 'c5', 'c8'],
  hud: ['c1', 'c4', 'c5'],
  kirurgi: ['c1', 'c2', 'c4', 'c5', 'c8'],
  ortopedi: ['c1', 'c2', 'c4', 'c5', 'c8'],
  akutgeriatrik: ['b3', 'c1', 'c4', 'c5', 'c8'],
  infektion: ['a3', 'c1', 'c5'],
  // Not in the Kronoberg table (BT acute care is a 2021:8 addition): ours, by analogy with the other
  // acute hospital rotations.
  akutsjukvard: ['c1', 'c2', 'c4', 'c5'],
};

/**
 * Delmål (2015:8 codes) served by each course, from domain.md's course list. LEK is listed there as
 * a1–a4; the BVC course is c6 nationally; the law course serves both a6 and the specialty's law goal c14.
 */
export const COURSE_GOALS: Record<CourseId, readonly string[]> = {
  'allmanmedicinskt-arbetssatt': ['c3'],
  'patientcentrerat-samtal': ['b1'],
  bvc: ['c6'],
  lek: ['a1', 'a2', 'a3', 'a4'],
  'medicinsk-vetenskap': ['a5'],
  lagar: ['a6', 'c14'],
  sjukdomsforebyggande: ['b2'],
  lakemedel: ['b3'],
  forsakringsmedicin: ['b4'],
  'palliativ-vard': ['b5'],
};

/** Delmål reached through the written work a milestone stands for. */
export const MILESTONE_GOALS: Record<MilestoneId, readonly string[]> = {
  'mitt-i-st': [],
  kvalitetsarbete: ['a4'],
  'vetenskapligt-arbete': ['a5'],
};

/**
 * Goals that domain.md says NEED a piece of written work: a course alone does not complete them.
 * a4 needs the quality-improvement project, a5 the scientific work.
 */
export const GOALS_NEEDING_MILESTONE: Readonly<Record<string, MilestoneId>> = {
  a4: 'kvalitetsarbete',
  a5: 'vetenskapligt-arbete',
};

/** Time at the home VC (every trainee has it) serves the primary-care goals. */
export const VC_GOALS: readonly string[] = ['c3', 'c9', 'c10', 'c11', 'c12'];
/** The trainee's own BVC serves the children goal; SÄBO the elderly / home-care / palliative goal. */
export const BVC_GOALS: readonly string[] = ['c6'];
export const SABO_GOALS: readonly string[] = ['c8'];

/** 2015:8 code → the 2021:8 code(s) with the same content. */
export const TO_2021: Readonly<Record<string, readonly string[]>> = {
  a1: ['STa5', 'STa6'],
  a2: ['STa4'],
  a3: ['STa7'],
  a4: ['STa2'],
  a5: ['STa3'],
  a6: ['STa1'],
  b1: ['STb1'],
  b2: ['STb2'],
  b3: ['STc14'],
  b4: ['STb3'],
  b5: ['STb4'],
  ...Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`c${i + 1}`, [`STc${i + 1}`]])),
  c14: ['STc15'],
};

/** The delmål a trainee under `regulation` must cover (BT goals excluded, see the file comment). */
export function goalsFor(regulation: Regulation): readonly Goal[] {
  return regulation === '2015:8' ? GOALS_2015 : GOALS_2021;
}

export interface GoalSources {
  specialties: Iterable<Specialty>;
  courses: Iterable<CourseId>;
  milestones: Iterable<MilestoneId>;
  hasBvc: boolean;
  hasSabo: boolean;
}

/** What a trainee's placements hold that serves delmål. */
export function goalSourcesOf(placements: Iterable<{ kind: PlacementKind; specialty?: Specialty | undefined; course?: CourseId | undefined; milestone?: MilestoneId | undefined }>): GoalSources {
  const sources = { specialties: [] as Specialty[], courses: [] as CourseId[], milestones: [] as MilestoneId[], hasBvc: false, hasSabo: false };
  for (const p of placements) {
    if (p.kind === 'rotation' && p.specialty) sources.specialties.push(p.specialty);
    else if (p.kind === 'course' && p.course) sources.courses.push(p.course);
    else if (p.kind === 'milestone' && p.milestone) sources.milestones.push(p.milestone);
    else if (p.kind === 'bvc') sources.hasBvc = true;
    else if (p.kind === 'sabo') sources.hasSabo = true;
  }
  return sources;
}

// Coverage runs for every trainee on every validation, so it works on bit masks over the 2015:8
// goals (25 of them, one bit each) instead of sets of strings.
const BIT_2015 = new Map(GOALS_2015.map((x, i) => [x.code, 1 << i]));
const maskOf = (codes: readonly string[]): number => codes.reduce((m, c) => m | (BIT_2015.get(c) ?? 0), 0);
const SPECIALTY_MASK = new Map(Object.entries(SPECIALTY_GOALS).map(([k, v]) => [k, maskOf(v)]));
const COURSE_MASK = new Map(Object.entries(COURSE_GOALS).map(([k, v]) => [k, maskOf(v)]));
const MILESTONE_MASK = new Map(Object.entries(MILESTONE_GOALS).map(([k, v]) => [k, maskOf(v)]));
const VC_MASK = maskOf(VC_GOALS);
/** Each 2021:8 goal and the 2015:8 bits that cover it. */
const GOALS_2021_FROM = GOALS_2021.map((goal) => ({
  code: goal.code,
  mask: maskOf(Object.entries(TO_2021).filter(([, to]) => to.includes(goal.code)).map(([from]) => from)),
}));

/** The delmål the given plan contents cover, in the regulation's own codes, in målbeskrivning order. */
export function coveredGoals(regulation: Regulation, sources: GoalSources): string[] {
  let mask = VC_MASK;
  let milestones = 0;
  for (const s of sources.specialties) mask |= SPECIALTY_MASK.get(s) ?? 0;
  for (const c of sources.courses) mask |= COURSE_MASK.get(c) ?? 0;
  for (const m of sources.milestones) {
    mask |= MILESTONE_MASK.get(m) ?? 0;
    milestones |= 1 << MILESTONES.indexOf(m);
  }
  if (sources.hasBvc) mask |= maskOf(BVC_GOALS);
  if (sources.hasSabo) mask |= maskOf(SABO_GOALS);
  for (const [code, milestone] of Object.entries(GOALS_NEEDING_MILESTONE)) {
    if (!(milestones & (1 << MILESTONES.indexOf(milestone)))) mask &= ~(BIT_2015.get(code) ?? 0);
  }
  if (regulation === '2015:8') return GOALS_2015.filter((_, i) => mask & (1 << i)).map((x) => x.code);
  return GOALS_2021_FROM.filter((x) => mask & x.mask).map((x) => x.code);
}

/** The regulation's goals not in `covered`, in målbeskrivning order. */
export function missingGoals(regulation: Regulation, covered: readonly string[]): string[] {
  return goalsFor(regulation)
    .map((x) => x.code)
    .filter((c) => !covered.includes(c));
}

export function goalTitle(code: string): Text | undefined {
  return [...GOALS_2015, ...GOALS_2021, ...GOALS_BT].find((x) => x.code === code)?.title;
}

/** One thing in a plan that serves delmål: a rotation's specialty, a course, a milestone's written work, VC time, own BVC or SÄBO. */
export type GoalSource =
  | { kind: 'rotation'; specialty: Specialty }
  | { kind: 'course'; course: CourseId }
  | { kind: 'milestone'; milestone: MilestoneId }
  | { kind: 'vc' | 'bvc' | 'sabo' };

/** A delmål of the trainee's regulation: whether the plan covers it, what in the plan does, and what could. */
export interface GoalCover {
  goal: Goal;
  covered: boolean;
  /** The plan's sources that serve the goal (empty when none does). */
  by: GoalSource[];
  /** Every source that serves the goal, in or out of the plan (for a missing goal: what would cover it). */
  could: GoalSource[];
  /** The written work the goal needs besides its course (a4, a5), when the plan lacks it. */
  needs: MilestoneId | null;
}

/** The 2015:8 codes a goal of `regulation` is covered through (itself under 2015:8; by TO_2021 under 2021:8). */
function codes2015(regulation: Regulation, code: string): string[] {
  if (regulation === '2015:8') return [code];
  return Object.entries(TO_2021)
    .filter(([, to]) => to.includes(code))
    .map(([from]) => from);
}

/** Every source that serves one of `codes` (2015:8), in the order a plan reads: VC, rotations, own BVC, SÄBO, courses, written work. */
function sourcesServing(codes: readonly string[]): GoalSource[] {
  const serves = (list: readonly string[]) => list.some((c) => codes.includes(c));
  const out: GoalSource[] = [];
  if (serves(VC_GOALS)) out.push({ kind: 'vc' });
  for (const [specialty, goals] of Object.entries(SPECIALTY_GOALS) as [Specialty, readonly string[]][]) if (serves(goals)) out.push({ kind: 'rotation', specialty });
  if (serves(BVC_GOALS)) out.push({ kind: 'bvc' });
  if (serves(SABO_GOALS)) out.push({ kind: 'sabo' });
  for (const [course, goals] of Object.entries(COURSE_GOALS) as [CourseId, readonly string[]][]) if (serves(goals)) out.push({ kind: 'course', course });
  for (const [milestone, goals] of Object.entries(MILESTONE_GOALS) as [MilestoneId, readonly string[]][]) if (serves(goals)) out.push({ kind: 'milestone', milestone });
  return out;
}

/**
 * Each delmål of the regulation with what in the plan covers it — the same coverage as the
 * delmal-coverage rule (coveredGoals), spelled out per goal for the trainee's own plan.
 */
export function goalCovers(regulation: Regulation, sources: GoalSources): GoalCover[] {
  const covered = new Set(coveredGoals(regulation, sources));
  const specialties = new Set(sources.specialties);
  const courses = new Set(sources.courses);
  const milestones = new Set(sources.milestones);
  const inPlan = (s: GoalSource): boolean =>
    s.kind === 'rotation' ? specialties.has(s.specialty)
    : s.kind === 'course' ? courses.has(s.course)
    : s.kind === 'milestone' ? milestones.has(s.milestone)
    : s.kind === 'bvc' ? sources.hasBvc
    : s.kind === 'sabo' ? sources.hasSabo
    : true;
  return goalsFor(regulation).map((goal) => {
    const from = codes2015(regulation, goal.code);
    const could = sourcesServing(from);
    const needed = from.map((c) => GOALS_NEEDING_MILESTONE[c]).find((m) => m !== undefined) ?? null;
    return { goal, covered: covered.has(goal.code), by: could.filter(inPlan), could, needs: needed && !milestones.has(needed) ? needed : null };
  });
}

/** A goal source as people name it: "Gynekologi", "LEK (ledarskap, etik, kvalitet)", "Vårdcentralen". */
export function goalSourceName(s: GoalSource, lang: 'sv' | 'en'): string {
  if (s.kind === 'vc') return lang === 'sv' ? 'Vårdcentralen' : 'Home practice';
  if (s.kind === 'rotation') return placementName({ kind: 'rotation', specialty: s.specialty }, lang);
  if (s.kind === 'course') return placementName({ kind: 'course', course: s.course }, lang);
  if (s.kind === 'milestone') return placementName({ kind: 'milestone', milestone: s.milestone }, lang);
  return placementName({ kind: s.kind }, lang);
}

/**
 * When the written work is planned, in full-time months from the start of ST (credit counted): the
 * quality-improvement project (a4) and the scientific work (a5) each get a milestone day — greedy and
 * the solver alike, so that every plan covers those delmål.
 */
export const WRITTEN_WORK_MONTHS = { kvalitetsarbete: 40, 'vetenskapligt-arbete': 50 } as const;
