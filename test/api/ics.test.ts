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
    const text = traineeCalendar(trainee, placements, { clinics: [], units: [] }, new Date('2030-01-01T00:00:00Z'));
    expect(/\r(?!\n)/.test(text)).toBe(false);
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('description')).toContain('\nEbba\nBEGIN:VEVENT\nSUMMARY:Inbjudan, vc');
    expect(text.replace(/\r\n /g, '')).toContain('\r\nX-WR-CALNAME:Randplan – Ebba\\nBEGIN:VEVENT\\nSUMMARY:Inbjudan\r\n');
  });

  it('names the clinic and the vårdcentral, never their ids', () => {
    const trainee: Trainee = { id: 't028', name: 'Jonas Lundgren', unit: 'vc-skruv', start: '2030-01-07', regulation: '2021:8' };
    const placements: PlanPlacement[] = [
      { trainee: 't028', kind: 'rotation', specialty: 'psykiatri', clinic: 'psyk-vxo', from: '2031-02-01', to: '2031-04-30' },
      { trainee: 't028', kind: 'bvc', from: '2031-06-01', to: '2031-09-30' },
      { trainee: 't028', kind: 'course', course: 'lek', from: '2031-10-06', to: '2031-10-10' },
    ];
    const region = {
      clinics: [{ id: 'psyk-vxo', name: 'Psykiatriska kliniken Växjö', specialty: 'psykiatri' as const, capacity: 2 }],
      units: [{ id: 'vc-skruv', name: 'Skruvs vårdcentral', maxAway: 1 }],
    };
    const text = traineeCalendar(trainee, placements, region, new Date('2030-01-01T00:00:00Z'));
    expect(text).not.toMatch(/vc-skruv|psyk-vxo|t028/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('location'))).toEqual(['Psykiatriska kliniken Växjö', 'Skruvs vårdcentral', null]);
    expect(events[0]!.getFirstPropertyValue('description')).toBe('Randning 2031-02-01 – 2031-04-30\nJonas Lundgren, Skruvs vårdcentral');
  });
});
