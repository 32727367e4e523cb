/** Specialties, courses and milestones: names a person reads, in Swedish and English. */
import type { CourseId, MilestoneId, PlacementKind, Specialty, Text } from './schemas.ts';

export const SPECIALTY_NAMES: Record<Specialty, Text> = {
  internmedicin: { sv: 'Internmedicin', en: 'Internal medicine' },
  psykiatri: { sv: 'Psykiatri', en: 'Psychiatry' },
  pediatrik: { sv: 'Pediatrik', en: 'Paediatrics' },
  gynekologi: { sv: 'Gynekologi', en: 'Gynaecology' },
  onh: { sv: 'ÖNH', en: 'ENT' },
  ogon: { sv: 'Ögon', en: 'Ophthalmology' },
  hud: { sv: 'Hud', en: 'Dermatology' },
  kirurgi: { sv: 'Kirurgi', en: 'Surgery' },
  ortopedi: { sv: 'Ortopedi', en: 'Orthopaedics' },
  akutgeriatrik: { sv: 'Akutgeriatrik', en: 'Acute geriatrics' },
  infektion: { sv: 'Infektion', en: 'Infectious diseases' },
  akutsjukvard: { sv: 'Akutsjukvård (BT)', en: 'Acute care (BT)' },
};

export const COURSE_NAMES: Record<CourseId, Text> = {
  'allmanmedicinskt-arbetssatt': { sv: 'Allmänmedicinskt arbetssätt', en: 'General practice method' },
  'patientcentrerat-samtal': { sv: 'Patientcentrerat samtal', en: 'Patient-centred consultation' },
  bvc: { sv: 'BVC-kurs', en: 'Child health course' },
  lek: { sv: 'LEK (ledarskap, etik, kvalitet)', en: 'LEK (leadership, ethics, quality)' },
  'medicinsk-vetenskap': { sv: 'Medicinsk vetenskap', en: 'Medical science' },
  lagar: { sv: 'Lagar och föreskrifter', en: 'Laws and regulations' },
  sjukdomsforebyggande: { sv: 'Sjukdomsförebyggande arbete', en: 'Disease prevention' },
  lakemedel: { sv: 'Läkemedel', en: 'Pharmacotherapy' },
  forsakringsmedicin: { sv: 'Försäkringsmedicin', en: 'Insurance medicine' },
  'palliativ-vard': { sv: 'Palliativ vård', en: 'Palliative care' },
};

export const MILESTONE_NAMES: Record<MilestoneId, Text> = {
  'mitt-i-st': { sv: 'Mitt-i-ST', en: 'Mid-ST assessment' },
  kvalitetsarbete: { sv: 'Kvalitetsarbete', en: 'Quality-improvement project' },
  'vetenskapligt-arbete': { sv: 'Vetenskapligt arbete', en: 'Scientific work' },
};

export const KIND_NAMES = {
  rotation: { sv: 'Randning', en: 'Rotation' },
  bvc: { sv: 'Egen BVC', en: 'Own child health clinic' },
  sabo: { sv: 'SÄBO', en: 'Residential care (SÄBO)' },
  course: { sv: 'Kurs', en: 'Course' },
  milestone: { sv: 'Milstolpe', en: 'Milestone' },
} as const satisfies Record<string, Text>;

/**
 * What a placement is called, wherever a person reads it (timeline, messages, calendar, Excel):
 * "Psykiatri", "Egen BVC", "LEK (ledarskap, etik, kvalitet)", "Mitt-i-ST"; the kind's name when the
 * specialty, course or milestone is missing (the `structure` rule reports that separately).
 */
export function placementName(
  p: { kind: PlacementKind; specialty?: Specialty | undefined; course?: CourseId | undefined; milestone?: MilestoneId | undefined },
  lang: 'sv' | 'en',
): string {
  if (p.kind === 'rotation' && p.specialty) return SPECIALTY_NAMES[p.specialty][lang];
  if (p.kind === 'course' && p.course) return COURSE_NAMES[p.course][lang];
  if (p.kind === 'milestone' && p.milestone) return MILESTONE_NAMES[p.milestone][lang];
  return KIND_NAMES[p.kind][lang];
}
