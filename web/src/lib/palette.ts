/**
 * Colours of the specialties and placement kinds. Chosen so that the bar's text keeps WCAG AA
 * contrast (≥ 4.5:1) on its fill — a test checks it — and neighbouring specialties differ in hue.
 */
import type { PlacementKind, Specialty } from '../../../solver/domain/schemas.ts';

export interface Swatch {
  bg: string;
  fg: string;
}

export const SPECIALTY_COLOURS: Record<Specialty, Swatch> = {
  internmedicin: { bg: '#1f5f99', fg: '#ffffff' },
  psykiatri: { bg: '#6b3fa0', fg: '#ffffff' },
  pediatrik: { bg: '#f2c14e', fg: '#2b2100' },
  gynekologi: { bg: '#b8336a', fg: '#ffffff' },
  onh: { bg: '#2a7f62', fg: '#ffffff' },
  ogon: { bg: '#8fd3e8', fg: '#0b2f3a' },
  hud: { bg: '#e8a87c', fg: '#3a1d07' },
  kirurgi: { bg: '#8c2f1b', fg: '#ffffff' },
  ortopedi: { bg: '#5c6b73', fg: '#ffffff' },
  akutgeriatrik: { bg: '#a3c76d', fg: '#1c2a05' },
  infektion: { bg: '#c94f2d', fg: '#ffffff' },
  akutsjukvard: { bg: '#3b3b58', fg: '#ffffff' },
};

/** VC-based placements are lighter: the trainee is at home, not away. */
export const KIND_COLOURS: Record<Exclude<PlacementKind, 'rotation'>, Swatch> = {
  bvc: { bg: '#d9f0e3', fg: '#124029' },
  sabo: { bg: '#f3e6c8', fg: '#4a3405' },
  course: { bg: '#263238', fg: '#ffffff' },
  milestone: { bg: '#c2185b', fg: '#ffffff' },
};

export function swatchFor(p: { kind: PlacementKind; specialty?: Specialty | undefined }): Swatch {
  if (p.kind === 'rotation') return p.specialty ? SPECIALTY_COLOURS[p.specialty] : { bg: '#777777', fg: '#ffffff' };
  return KIND_COLOURS[p.kind];
}

/** WCAG relative luminance of an `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type LoadLevel = 'over' | 'full' | 'high' | 'mid' | 'low' | 'none' | 'closed';

/**
 * The heat map's level for a load: empty, deepening blue up to full, red over capacity, hatched
 * where the clinic is closed.
 */
export function loadLevel(used: number, capacity: number, excess = used - capacity): LoadLevel {
  if (excess > 0) return 'over';
  if (capacity === 0) return 'closed';
  if (used === 0) return 'none';
  const share = Math.min(1, used / capacity);
  if (share >= 1) return 'full';
  if (share >= 0.66) return 'high';
  if (share >= 0.33) return 'mid';
  return 'low';
}

/** The heat map's colours: each cell's figures keep AA contrast (≥ 4.5:1) on its fill, as the bars do. */
export const HEAT_COLOURS: Record<LoadLevel, Swatch> = {
  none: { bg: '#f7f8fa', fg: '#5a6478' },
  low: { bg: '#d7e8f5', fg: '#123d5c' },
  mid: { bg: '#a9cdea', fg: '#0e2f48' },
  high: { bg: '#5b9bd0', fg: '#06192b' },
  full: { bg: '#1b5e8c', fg: '#ffffff' },
  over: { bg: '#b3261e', fg: '#ffffff' },
  closed: { bg: '#e6e9ee', fg: '#4d5566' },
};

/** A closed cell is hatched: its fill alternates with this lighter stripe (its text keeps AA on both). */
export const CLOSED_STRIPE = '#f8f9fa';

/** The CSS custom properties a heat cell or legend swatch of `level` takes its colours from. */
export function heatStyle(level: LoadLevel): string {
  const { bg, fg } = HEAT_COLOURS[level];
  return `--heat-bg:${bg};--heat-fg:${fg}${level === 'closed' ? `;--heat-stripe:${CLOSED_STRIPE}` : ''}`;
}
