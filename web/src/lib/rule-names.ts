/**
 * Violations as people read them: each rule's short name ("Regelbrott · Klinikens platser", never the
 * catalogue id; the name is written in the rule's own module) and messages that name trainees by name only.
 */
import type { Violation } from '../../../solver/domain/schemas.ts';
import type { Lang } from './placements.ts';

export { ruleName } from '../../../solver/rules/index.ts';

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
