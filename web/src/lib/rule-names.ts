/**
 * Violations as people read them: each rule's short name ("Regelbrott · Klinikens platser", never the
 * catalogue id; one entry per rule of solver/rules, a test checks none is missing) and messages that
 * name trainees by name only.
 */
import type { Violation } from '../../../solver/domain/schemas.ts';
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A violation's message for people: the rule catalogue writes "Karl Bergström (t001)" and lists
 * "(annan-1, t001)"; here every trainee the violation names is their name only.
 */
export function violationMessage(v: Pick<Violation, 'message' | 'trainees'>, lang: Lang, names: (id: string) => string): string {
  let text = v.message[lang];
  for (const id of v.trainees) {
    const name = names(id);
    if (name === id) continue;
    text = text.replaceAll(`${name} (${id})`, name).replace(new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`, 'g'), name);
  }
  return text;
}
