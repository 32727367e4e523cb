/**
 * The rules' short names for people: a violation is labelled "Regelbrott · Max tid borta", never with
 * the catalogue id. One entry per rule of solver/rules (a test checks that none is missing).
 */
import type { CatalogueRuleId } from '../../../solver/rules/rule.ts';
import type { Lang } from './placements.ts';

export const RULE_NAMES: Record<CatalogueRuleId, { sv: string; en: string }> = {
  'rotation-length': { sv: 'Randningens längd', en: 'Rotation length' },
  'required-rotations': { sv: 'Obligatoriska randningar', en: 'Required rotations' },
  'initial-vc': { sv: 'Inledande tid på vårdcentralen', en: 'Initial time at the VC' },
  'max-away': { sv: 'Längsta tid borta från vårdcentralen', en: 'Longest time away from the VC' },
  'pediatrics-before-bvc': { sv: 'Pediatrik före egen BVC', en: 'Pediatrics before own BVC' },
  'sabo-second-half': { sv: 'SÄBO under andra halvan', en: 'SÄBO in the second half' },
  'clinic-capacity': { sv: 'Klinikens platser', en: 'Clinic capacity' },
  'unit-away-limit': { sv: 'Enhetens gräns för borta samtidigt', en: 'Unit’s limit on trainees away' },
  availability: { sv: 'Ledighet och sysselsättning', en: 'Leave and employment' },
  'total-side-time': { sv: 'Total sidotjänstgöring', en: 'Total side rotation time' },
  'mid-st': { sv: 'Mitt-i-ST', en: 'Mid-ST assessment' },
  'course-windows': { sv: 'Kursernas tidpunkter', en: 'Course timing' },
  'minimum-time': { sv: 'Minsta tid i ST', en: 'Minimum training time' },
  'delmal-coverage': { sv: 'Delmål som täcks', en: 'Sub-goal coverage' },
  structure: { sv: 'Planens struktur (överlapp, datum)', en: 'Plan structure (overlaps, dates)' },
  locked: { sv: 'Låsta placeringar', en: 'Locked placements' },
  'latest-end': { sv: 'Senaste slutdatum', en: 'Latest end' },
  extension: { sv: 'Förlängd ST', en: 'Extended training' },
  'planning-day': { sv: 'Överenskommet med kliniken i tid', en: 'Agreed with the clinic in time' },
};

/** The rule's name, or a plain "Regel" for an id the web does not know (never the id itself). */
export function ruleName(id: string, lang: Lang): string {
  return (RULE_NAMES as Record<string, { sv: string; en: string }>)[id]?.[lang] ?? (lang === 'sv' ? 'Regel' : 'Rule');
}
