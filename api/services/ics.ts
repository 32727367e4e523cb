/**
 * A trainee's plan as iCalendar (RFC 5545), written by hand: CRLF line ends, lines folded at 75
 * octets (never inside a UTF-8 character), TEXT values escaped, all-day events with
 * DTSTART/DTEND;VALUE=DATE and DTEND exclusive (the day after the placement's last day).
 */
import { createHash } from 'node:crypto';
import type { Clinic, PlanPlacement, Scenario, Trainee } from '../../solver/domain/schemas.ts';
import { KIND_NAMES, placementName } from '../../solver/domain/specialties.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; every line break — CRLF,
 * LF or a bare CR — written as `\n`; other control characters, which TEXT may not hold, dropped (a
 * raw CR in a name would otherwise end the line and let the rest pass for properties of its own).
 * (ical.js, the maintained alternative, writes a bare CR through as it is.)
 */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back to a character boundary: UTF-8 continuation bytes look like 10xxxxxx.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space of a continuation line is one of its 75 octets
  }
  return parts.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function placementTitle(p: PlanPlacement, clinic?: Clinic): string {
  const name = placementName(p, 'sv');
  if (p.kind === 'rotation') return `Randning: ${name}${clinic ? ` (${clinic.name})` : ''}`;
  return p.kind === 'course' ? `Kurs: ${name}` : name;
}

/** Where a placement is: its clinic, else the trainee's home vårdcentral (own BVC, SÄBO) by name; a course or milestone has no place. */
function location(p: PlanPlacement, clinic: Clinic | undefined, unit: string): string | null {
  if (clinic) return clinic.name;
  return p.kind === 'bvc' || p.kind === 'sabo' ? unit : null;
}

export function traineeCalendar(trainee: Trainee, placements: PlanPlacement[], region: Pick<Scenario, 'clinics' | 'units'>, now = new Date()): string {
  const byId = new Map(region.clinics.map((c) => [c.id, c]));
  // People read the vårdcentral's name, never its id ("vc-skruv").
  const unit = region.units.find((u) => u.id === trainee.unit)?.name ?? trainee.unit;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Randplan//Randplan 0.1//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Randplan – ${trainee.name}`)}`,
  ];
  for (const p of placements.filter((x) => x.trainee === trainee.id)) {
    const clinic = p.clinic ? byId.get(p.clinic) : undefined;
    const identity = `${p.trainee}|${p.kind}|${p.specialty ?? p.course ?? p.milestone ?? ''}|${p.from}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${createHash('sha256').update(identity).digest('hex').slice(0, 24)}@randplan`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(p.from)}`,
      `DTEND;VALUE=DATE:${compactDate(formatDay(parseDay(p.to) + 1))}`,
      `SUMMARY:${escapeText(placementTitle(p, clinic))}`,
    );
    const where = location(p, clinic, unit);
    if (where) lines.push(`LOCATION:${escapeText(where)}`);
    lines.push(`DESCRIPTION:${escapeText(`${KIND_NAMES[p.kind].sv} ${p.from} – ${p.to}\n${trainee.name}, ${unit}`)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
