/** iCalendar TEXT escaping: nothing a name holds can end a line or start a property of its own. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, traineeCalendar } from '../../api/services/ics.ts';
import type { PlanPlacement, Trainee } from '../../solver/domain/schemas.ts';

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and every kind of line break, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('1\r\n2\n3\r4')).toBe('1\\n2\\n3\\n4');
    expect(escapeText('x\u0000\u0007\u001b\u007fy\tz')).toBe('xy\tz');
  });

  it('keeps a bare CR in a trainee’s name inside its line', () => {
    const trainee = { id: 't1', name: 'Ebba\rBEGIN:VEVENT\rSUMMARY:Inbjudan', unit: 'vc', start: '2030-01-07', regulation: '2021:8' } as Trainee;
    const placements: PlanPlacement[] = [{ trainee: 't1', kind: 'bvc', from: '2030-02-04', to: '2030-03-01' }];
    const text = traineeCalendar(trainee, placements, [], new Date('2030-01-01T00:00:00Z'));
    expect(/\r(?!\n)/.test(text)).toBe(false);
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('description')).toContain('\nEbba\nBEGIN:VEVENT\nSUMMARY:Inbjudan, vc');
    expect(text.replace(/\r\n /g, '')).toContain('\r\nX-WR-CALNAME:Randplan – Ebba\\nBEGIN:VEVENT\\nSUMMARY:Inbjudan\r\n');
  });
});
