/** Swedish names for demo regions: trainees, primary-care units and hospital sites. */
import type { ProfileId, Specialty } from '../domain/schemas.ts';

export const FIRST_NAMES = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Emma', 'Elin', 'Johanna', 'Linnéa', 'Ida', 'Frida', 'Hanna',
  'Sofia', 'Maja', 'Klara', 'Ebba', 'Lina', 'Amira', 'Fatima', 'Leila', 'Matilda', 'Agnes', 'Ingrid', 'Astrid',
  'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Mikael', 'Oskar', 'Gustav', 'Viktor', 'Axel', 'Filip',
  'Emil', 'Jonas', 'David', 'Ali', 'Omar', 'Ahmed', 'Daniel', 'Henrik', 'Olof', 'Nils', 'Isak', 'Samuel',
] as const;

export const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Lindqvist', 'Berg',
  'Sjöberg', 'Holm', 'Lundgren', 'Bergström', 'Lindström', 'Åberg', 'Öberg', 'Ek', 'Ström', 'Nyström',
  'Hassan', 'Mohammed', 'Nguyen', 'Kowalski', 'Haddad', 'Rahimi', 'Virtanen', 'Sandberg', 'Forsberg', 'Wallin',
] as const;

/** Places whose names the units take; a large region reuses them with a district suffix. */
export const UNIT_PLACES: Record<ProfileId, readonly string[]> = {
  kronoberg: [
    'Teleborg', 'Araby', 'Dalbo', 'Birka', 'Sandsbro', 'Hovshaga', 'Centrum Växjö', 'Alvesta', 'Moheda',
    'Lammhult', 'Braås', 'Rottne', 'Lenhovda', 'Åseda', 'Ljungby', 'Lagan', 'Markaryd', 'Strömsnäsbruk',
    'Älmhult', 'Diö', 'Tingsryd', 'Ryd', 'Urshult', 'Lessebo', 'Hovmantorp', 'Kosta', 'Vislanda', 'Ingelstad',
    'Gemla', 'Skruv',
  ],
  norrbotten: [
    'Hertsön', 'Örnäset', 'Bergnäset', 'Gammelstad', 'Råneå', 'Boden', 'Sävast', 'Piteå', 'Öjebyn', 'Norrfjärden',
    'Älvsbyn', 'Kalix', 'Haparanda', 'Överkalix', 'Övertorneå', 'Pajala', 'Gällivare', 'Malmberget', 'Kiruna',
    'Jokkmokk', 'Arvidsjaur', 'Arjeplog', 'Hortlax', 'Kronan', 'Björkskatan',
  ],
};

export const UNIT_SUFFIXES = ['', ' Norra', ' Södra', ' Väster', ' Öster', ' Centrum', ' Park'] as const;

export const UNIT_KIND: Record<ProfileId, string> = { kronoberg: 'vårdcentral', norrbotten: 'hälsocentral' };

/** Hospital sites, the first the largest; a cohort draws on more of them as it grows. */
export const SITES: Record<ProfileId, readonly { id: string; name: string }[]> = {
  kronoberg: [
    { id: 'vxo', name: 'Växjö' },
    { id: 'lby', name: 'Ljungby' },
    { id: 'kmr', name: 'Kalmar' },
    { id: 'jkg', name: 'Jönköping' },
    { id: 'vmo', name: 'Värnamo' },
    { id: 'vvk', name: 'Västervik' },
  ],
  norrbotten: [
    { id: 'sus', name: 'Sunderbyn' },
    { id: 'pit', name: 'Piteå' },
    { id: 'gvr', name: 'Gällivare' },
    { id: 'klx', name: 'Kalix' },
    { id: 'krn', name: 'Kiruna' },
    { id: 'lul', name: 'Luleå' },
  ],
};

/** How a clinic of a specialty is called at a site. */
export const CLINIC_NAMES: Record<Specialty, { id: string; name: string }> = {
  internmedicin: { id: 'med', name: 'Medicinkliniken' },
  psykiatri: { id: 'psyk', name: 'Psykiatriska kliniken' },
  pediatrik: { id: 'barn', name: 'Barn- och ungdomskliniken' },
  gynekologi: { id: 'kk', name: 'Kvinnokliniken' },
  onh: { id: 'onh', name: 'Öron-, näs- och halskliniken' },
  ogon: { id: 'ogon', name: 'Ögonkliniken' },
  hud: { id: 'hud', name: 'Hudkliniken' },
  kirurgi: { id: 'kir', name: 'Kirurgkliniken' },
  ortopedi: { id: 'ort', name: 'Ortopedkliniken' },
  akutgeriatrik: { id: 'ger', name: 'Akutgeriatriska kliniken' },
  infektion: { id: 'inf', name: 'Infektionskliniken' },
  akutsjukvard: { id: 'akm', name: 'Akutmottagningen' },
};
