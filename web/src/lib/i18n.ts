/** The interface's words, Swedish first. Domain names (specialties, courses) come from solver/domain/specialties.ts. */
import type { Lang } from './placements.ts';

const WORDS = {
  appName: { sv: 'Randplan', en: 'Randplan' },
  tagline: { sv: 'Sidotjänstgöring och kapacitet för ST i allmänmedicin', en: 'Side rotations and capacity for GP specialist training' },
  login: { sv: 'Logga in', en: 'Log in' },
  logout: { sv: 'Logga ut', en: 'Log out' },
  email: { sv: 'E-post', en: 'Email' },
  password: { sv: 'Lösenord', en: 'Password' },
  loginFailed: { sv: 'Fel e-post eller lösenord.', en: 'Wrong email or password.' },
  demoUsers: { sv: 'Demokonton (lösenord demo)', en: 'Demo accounts (password demo)' },
  language: { sv: 'Language: English', en: 'Språk: svenska' },
  loading: { sv: 'Laddar …', en: 'Loading …' },
  error: { sv: 'Något gick fel', en: 'Something went wrong' },
  retry: { sv: 'Försök igen', en: 'Try again' },

  navCohort: { sv: 'Kohort', en: 'Cohort' },
  navLoad: { sv: 'Klinikbelastning', en: 'Clinic load' },
  navUnit: { sv: 'Enhet', en: 'Unit' },
  navMyPlan: { sv: 'Min plan', en: 'My plan' },
  navReview: { sv: 'Granska', en: 'Review' },
  navSolve: { sv: 'Optimera', en: 'Solve' },
  navData: { sv: 'Data', en: 'Data' },
  navPrint: { sv: 'Individuell plan', en: 'Individual plan' },

  role_studierektor: { sv: 'Studierektor', en: 'Director of studies' },
  role_enhetschef: { sv: 'Enhetschef', en: 'Unit manager' },
  'role_st-lakare': { sv: 'ST-läkare', en: 'Specialist trainee' },
  role_handledare: { sv: 'Handledare', en: 'Supervisor' },

  zoom: { sv: 'Zoom', en: 'Zoom' },
  zoom_years: { sv: 'År', en: 'Years' },
  zoom_quarters: { sv: 'Kvartal', en: 'Quarters' },
  zoom_months: { sv: 'Månader', en: 'Months' },
  zoom_weeks: { sv: 'Veckor', en: 'Weeks' },
  filterUnit: { sv: 'Enhet', en: 'Unit' },
  filterClinic: { sv: 'Klinik', en: 'Clinic' },
  filterSpecialty: { sv: 'Specialitet', en: 'Specialty' },
  filterStartYear: { sv: 'Startår', en: 'Start year' },
  filterSearch: { sv: 'Sök namn', en: 'Search name' },
  filterProblems: { sv: 'Bara med avvikelser', en: 'Only with violations' },
  all: { sv: 'Alla', en: 'All' },
  trainees: { sv: 'ST-läkare', en: 'Trainees' },
  shownOf: { sv: 'visas av', en: 'shown of' },
  legend: { sv: 'Förklaring', en: 'Legend' },
  locked: { sv: 'Låst', en: 'Locked' },
  returnWeeks: { sv: 'Återvändarveckor', en: 'Return weeks' },
  leave: { sv: 'Ledighet', en: 'Leave' },
  today: { sv: 'Idag', en: 'Today' },
  violation: { sv: 'Avvikelse', en: 'Violation' },
  violations: { sv: 'Avvikelser', en: 'Violations' },
  noViolations: { sv: 'Inga avvikelser.', en: 'No violations.' },
  hard: { sv: 'Regelbrott', en: 'Rule broken' },
  advice: { sv: 'Råd', en: 'Advice' },
  valid: { sv: 'Giltig', en: 'Valid' },
  invalid: { sv: 'Bryter regler', en: 'Breaks rules' },
  noPlan: { sv: 'Ingen publicerad plan ännu.', en: 'No published plan yet.' },
  endOfSt: { sv: 'Beräknat slut på ST', en: 'Projected end of ST' },
  sideMonths: { sv: 'Sidotjänstgöring (heltidsmånader)', en: 'Side rotations (full-time months)' },
  goalsCovered: { sv: 'Delmål täckta', en: 'Sub-goals covered' },
  goalsMissing: { sv: 'Delmål som saknas', en: 'Sub-goals missing' },
  start: { sv: 'Start', en: 'Start' },
  regulation: { sv: 'Föreskrift', en: 'Regulation' },
  unit: { sv: 'Enhet', en: 'Unit' },

  loadTitle: { sv: 'Belastning per klinik och månad', en: 'Load per clinic and month' },
  loadHelp: {
    sv: 'Varje ruta: flest ST-läkare samtidigt / kapaciteten de dagarna. Rött = fler än kapaciteten någon dag.',
    en: 'Each cell: most trainees at once / the capacity on those days. Red = over capacity on some day.',
  },
  year: { sv: 'År', en: 'Year' },
  whoIsThere: { sv: 'Vilka är där', en: 'Who is there' },
  nobody: { sv: 'Ingen', en: 'Nobody' },
  capacity: { sv: 'Kapacitet', en: 'Capacity' },
  over: { sv: 'över', en: 'over' },
  closed: { sv: 'stängt', en: 'closed' },

  unitTitle: { sv: 'Borta från enheten per månad', en: 'Away from the unit per month' },
  unitHelp: {
    sv: 'Staplarna visar flest ST-läkare borta samtidigt; linjen är enhetens gräns. Månader vid gränsen är markerade.',
    en: 'Bars show the most trainees away at once; the line is the unit’s limit. Months at the limit are marked.',
  },
  limit: { sv: 'Gräns', en: 'Limit' },
  atLimit: { sv: 'vid gränsen', en: 'at the limit' },
  overLimit: { sv: 'över gränsen', en: 'over the limit' },
  awayWho: { sv: 'Vem är borta när', en: 'Who is away when' },

  myPlanTitle: { sv: 'Min plan', en: 'My plan' },
  myPlanHelp: {
    sv: 'Dra en stapel för att flytta, dra i kanten för att ändra längd. Tangentbord: ←/→ flyttar en månad, Skift+←/→ en vecka, Alt+←/→ ändrar slutet.',
    en: 'Drag a bar to move it, drag its edge to resize. Keyboard: ←/→ move a month, Shift+←/→ a week, Alt+←/→ change the end.',
  },
  undo: { sv: 'Ångra', en: 'Undo' },
  redo: { sv: 'Gör om', en: 'Redo' },
  save: { sv: 'Spara utkast', en: 'Save draft' },
  saved: { sv: 'Sparat.', en: 'Saved.' },
  fill: { sv: 'Fyll i / laga min plan', en: 'Complete / repair my plan' },
  submit: { sv: 'Skicka för godkännande', en: 'Submit for approval' },
  submitted: { sv: 'Inskickad för godkännande.', en: 'Submitted for approval.' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  submittedFrozen: {
    sv: 'Förslaget är inskickat och väntar på studierektorn. Vill du ändra det, börja ett nytt utkast.',
    en: 'The proposal is submitted and waits for the director of studies. To change it, start a new draft.',
  },
  newDraft: { sv: 'Nytt utkast', en: 'New draft' },
  add: { sv: 'Lägg till', en: 'Add' },
  addPlacement: { sv: 'Lägg till placering', en: 'Add placement' },
  kind: { sv: 'Typ', en: 'Kind' },
  clinic: { sv: 'Klinik', en: 'Clinic' },
  specialty: { sv: 'Specialitet', en: 'Specialty' },
  course: { sv: 'Kurs', en: 'Course' },
  milestone: { sv: 'Milstolpe', en: 'Milestone' },
  from: { sv: 'Från', en: 'From' },
  to: { sv: 'Till', en: 'To' },
  status: { sv: 'Status', en: 'Status' },
  status_draft: { sv: 'Utkast', en: 'Draft' },
  status_submitted: { sv: 'Inskickad', en: 'Submitted' },
  status_approved: { sv: 'Godkänd', en: 'Approved' },
  status_returned: { sv: 'Återskickad', en: 'Returned' },
  status_published: { sv: 'Publicerad', en: 'Published' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  liveCheck: { sv: 'Kontroll medan du drar', en: 'Checked while you drag' },
  serverCheck: { sv: 'Kontroll mot hela kohorten', en: 'Checked against the whole cohort' },
  selectedPlacement: { sv: 'Vald placering', en: 'Selected placement' },
  chooseTrainee: { sv: 'ST-läkare', en: 'Trainee' },
  conflict: {
    sv: 'Någon annan har ändrat detta under tiden. Ladda om och försök igen.',
    en: 'Someone else changed this meanwhile. Reload and try again.',
  },

  reviewTitle: { sv: 'Förslag att granska', en: 'Proposals to review' },
  noProposals: { sv: 'Inga inskickade förslag.', en: 'No submitted proposals.' },
  approve: { sv: 'Godkänn', en: 'Approve' },
  sendBack: { sv: 'Skicka tillbaka', en: 'Return' },
  approved: { sv: 'Godkänt och publicerat.', en: 'Approved and published.' },
  returned: { sv: 'Skickat tillbaka.', en: 'Returned.' },
  diffTitle: { sv: 'Jämfört med publicerad plan', en: 'Compared with the published plan' },
  addedP: { sv: 'Ny', en: 'New' },
  removedP: { sv: 'Borttagen', en: 'Removed' },
  unchangedP: { sv: 'Oförändrad', en: 'Unchanged' },
  effect: { sv: 'Effekt på kliniker och enheter', en: 'Effect on clinics and units' },
  noEffect: { sv: 'Ingen ändring av belastningen.', en: 'No change in load.' },

  solveTitle: { sv: 'Optimera kohortens plan', en: 'Solve the cohort plan' },
  timeLimit: { sv: 'Tidsgräns (sekunder)', en: 'Time limit (seconds)' },
  startSolve: { sv: 'Starta optimering', en: 'Start solve' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  phase: { sv: 'Fas', en: 'Phase' },
  seconds: { sv: 'Sekunder', en: 'Seconds' },
  incumbent: { sv: 'Bästa plan (kostnad)', en: 'Best plan (cost)' },
  bound: { sv: 'Gräns', en: 'Bound' },
  gap: { sv: 'Gap', en: 'Gap' },
  publish: { sv: 'Publicera', en: 'Publish' },
  published: { sv: 'Publicerad.', en: 'Published.' },
  moved: { sv: 'Flyttade placeringar', en: 'Moved placements' },
  before: { sv: 'Före', en: 'Before' },
  after: { sv: 'Efter', en: 'After' },
  job_queued: { sv: 'I kö', en: 'Queued' },
  job_running: { sv: 'Pågår', en: 'Running' },
  job_done: { sv: 'Klar', en: 'Done' },
  job_failed: { sv: 'Misslyckades', en: 'Failed' },
  job_cancelled: { sv: 'Avbruten', en: 'Cancelled' },
  // The solver's outcome (report.solve.status) and its progress phases (solver/solve/cohort.ts).
  solve_optimal: { sv: 'Optimal plan', en: 'Optimal plan' },
  solve_feasible: { sv: 'Giltig plan, inom målgapet', en: 'Valid plan, within the target gap' },
  solve_infeasible: { sv: 'Ingen plan möjlig', en: 'No plan possible' },
  solve_timeout: { sv: 'Tidsgränsen nådd – bästa plan hittills', en: 'Time limit reached – best plan so far' },
  'phase_first-plan': { sv: 'Första plan', en: 'First plan' },
  phase_lagrange: { sv: 'Skärper gränsen', en: 'Tightening the bound' },
  'phase_column-generation': { sv: 'Söker scheman (kolumngenerering)', en: 'Searching schedules (column generation)' },
  'phase_lp-converged': { sv: 'LP-gränsen klar', en: 'LP bound converged' },
  phase_improve: { sv: 'Förbättrar planen', en: 'Improving the plan' },
  'phase_restricted-mip': { sv: 'Heltalsplan (MIP)', en: 'Integer plan (MIP)' },
  phase_done: { sv: 'Klar', en: 'Done' },

  dataTitle: { sv: 'Data', en: 'Data' },
  clinics: { sv: 'Kliniker', en: 'Clinics' },
  units: { sv: 'Enheter', en: 'Units' },
  capacityChanges: { sv: 'Ändringar', en: 'Changes' },
  capacityOverTime: { sv: 'Kapacitet över tid (per månad)', en: 'Capacity over time (per month)' },
  maxAway: { sv: 'Max borta samtidigt', en: 'Max away at once' },
  import: { sv: 'Importera', en: 'Import' },
  importScenario: { sv: 'Hela scenariot (JSON)', en: 'Whole scenario (JSON)' },
  importTrainees: { sv: 'ST-läkare (CSV/XLSX)', en: 'Trainees (CSV/XLSX)' },
  importClinics: { sv: 'Kliniker (CSV/XLSX)', en: 'Clinics (CSV/XLSX)' },
  imported: { sv: 'Importerat', en: 'Imported' },
  importFailed: { sv: 'Importen gjordes inte – rätta raderna och försök igen:', en: 'Nothing was imported – fix these rows and try again:' },
  export: { sv: 'Exportera', en: 'Export' },
  exportXlsx: { sv: 'Kohorten som Excel (XLSX)', en: 'Cohort as Excel (XLSX)' },
  exportJson: { sv: 'Planen som JSON', en: 'Plan as JSON' },
  exportIcs: { sv: 'Kalenderfil (iCal)', en: 'Calendar file (iCal)' },
  printPlan: { sv: 'Utskrivbar individuell plan', en: 'Printable individual plan' },
  print: { sv: 'Skriv ut', en: 'Print' },
  edit: { sv: 'Ändra', en: 'Edit' },
  name: { sv: 'Namn', en: 'Name' },
  employment: { sv: 'Sysselsättning', en: 'Employment' },
  iupTitle: { sv: 'Individuell utbildningsplan – sidotjänstgöring', en: 'Individual training plan – side rotations' },
  period: { sv: 'Period', en: 'Period' },
  signature: { sv: 'Underskrift', en: 'Signature' },
  printedOn: { sv: 'Utskriven', en: 'Printed' },
  notAllowed: { sv: 'Din roll har inte tillgång till den här vyn.', en: 'Your role cannot open this view.' },
  // Safe publishing, versions, locks and proposals (issue 14).
  navVersions: { sv: 'Versioner', en: 'Versions' },
  navLocks: { sv: 'Låsningar', en: 'Locks' },
  status_superseded: { sv: 'Ersatt', en: 'Superseded' },
  versionsTitle: { sv: 'Publicerade versioner', en: 'Published versions' },
  versionsHelp: {
    sv: 'Varje publicering, godkännande, återställning och upplåsning blir en ny version. Äldre versioner finns kvar och kan återställas.',
    en: 'Every publish, approval, rollback and unlock makes a new version. Earlier versions stay and can be restored.',
  },
  versionNo: { sv: 'Version', en: 'Version' },
  publishedAt: { sv: 'Publicerad', en: 'Published' },
  publishedBy: { sv: 'Av', en: 'By' },
  why: { sv: 'Varför', en: 'Why' },
  current: { sv: 'Gällande', en: 'Current' },
  compare: { sv: 'Jämför', en: 'Compare' },
  compareFrom: { sv: 'Från version', en: 'From version' },
  compareTo: { sv: 'Till version', en: 'To version' },
  movedP: { sv: 'Flyttade', en: 'Moved' },
  noDifference: { sv: 'Versionerna är lika.', en: 'The versions are the same.' },
  rollback: { sv: 'Återställ', en: 'Restore' },
  rollbackTitle: { sv: 'Återställ version', en: 'Restore version' },
  rolledBack: { sv: 'Återställd. Den nya gällande versionen är', en: 'Restored. The new current version is' },
  publishTitle: { sv: 'Publicera planen?', en: 'Publish the plan?' },
  publishAnyway: { sv: 'Publicera ändå', en: 'Publish anyway' },
  publishedAsVersion: { sv: 'Publicerad som version', en: 'Published as version' },
  breaksRules: { sv: 'Planen bryter regler', en: 'The plan breaks rules' },
  movesLocks: { sv: 'Låsta placeringar flyttas eller tas bort', en: 'Locked placements are moved or removed' },
  nothingBroken: { sv: 'Planen bryter inga regler och flyttar inga låsta placeringar.', en: 'The plan breaks no rule and moves no locked placement.' },
  affectedTrainees: { sv: 'Berörda ST-läkare', en: 'Trainees affected' },
  hardBeforeAfter: { sv: 'Regelbrott före → efter', en: 'Rules broken before → after' },
  placementsBeforeAfter: { sv: 'Placeringar före → efter', en: 'Placements before → after' },
  reason: { sv: 'Motivering', en: 'Reason' },
  reasonHelp: { sv: 'Sparas i loggen tillsammans med vad du godkände.', en: 'Kept in the log together with what you accepted.' },
  reasonOptional: { sv: 'Motivering (frivillig)', en: 'Reason (optional)' },
  approveTitle: { sv: 'Godkänn trots regelbrott?', en: 'Approve despite broken rules?' },
  approveAnyway: { sv: 'Godkänn ändå', en: 'Approve anyway' },
  approveHelp: {
    sv: 'Förslaget bryter regler. Godkänner du det blir placeringarna låsta i den publicerade planen; du kan låsa upp dem under Låsningar.',
    en: 'The proposal breaks rules. Approved, its placements are locked in the published plan; you can unlock them under Locks.',
  },
  staleAck: { sv: 'Planen har ändrats sedan du granskade den. Här är läget nu.', en: 'The plan changed since you reviewed it. Here is where it stands now.' },
  locksTitle: { sv: 'Låsta placeringar', en: 'Locked placements' },
  locksHelp: {
    sv: 'Låsta placeringar (överenskomna med kliniken eller redan gjorda) flyttas aldrig av optimeringen. Lås upp dem som ska kunna planeras om.',
    en: 'Locked placements (agreed with the clinic, or done) are never moved by the solver. Unlock those that may be re-planned.',
  },
  unlock: { sv: 'Lås upp', en: 'Unlock' },
  unlockAll: { sv: 'Lås upp alla', en: 'Unlock all' },
  unlockTitle: { sv: 'Lås upp', en: 'Unlock' },
  unlocked: { sv: 'Upplåst. Ny version', en: 'Unlocked. New version' },
  noLocks: { sv: 'Inga låsta placeringar.', en: 'No locked placements.' },
  noMatch: { sv: 'Ingen träff på sökningen.', en: 'Nothing matches the search.' },
  submittedAt: { sv: 'Inskickad', en: 'Submitted' },
  createdAtP: { sv: 'Skapad', en: 'Created' },
  replacesEarlier: { sv: 'Ersätter ditt tidigare förslag från', en: 'Replaces your earlier proposal of' },
  returnedNotice: { sv: 'Ditt förslag skickades tillbaka', en: 'Your proposal was returned' },
  continueReturned: { sv: 'Fortsätt på det återskickade förslaget', en: 'Continue with the returned proposal' },
  showingPublished: { sv: 'Här visas din publicerade plan.', en: 'This is your published plan.' },
  confirm: { sv: 'Bekräfta', en: 'Confirm' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type WordKey = keyof typeof WORDS;

export function translate(lang: Lang, key: WordKey): string {
  return WORDS[key][lang];
}

/** A word for an id that comes from elsewhere (a solver phase, a status); the id itself when unknown. */
export function translateId(lang: Lang, prefix: string, id: string): string {
  const key = `${prefix}${id}`;
  return key in WORDS ? WORDS[key as WordKey][lang] : id;
}

/** Numbers the Swedish way (decimal comma, 18,0) or the English way; `minDigits` keeps trailing zeros. */
export function formatNumber(n: number, lang: Lang, digits = 1, minDigits = 0): string {
  return n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: minDigits });
}

/** A moment (ISO timestamp) in Swedish time: `2026-12-01 09:14` (sv) or `1 Dec 2026, 09:14` (en). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '–';
  return d.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: lang === 'sv' ? '2-digit' : 'short',
    day: lang === 'sv' ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "1 regelbrott" / "2 regelbrott", "1 placering" / "2 placeringar": a count with the word's right form. */
type Forms = { sv: readonly [string, string]; en: readonly [string, string] };

export function counted(n: number, lang: Lang, forms: Forms): string {
  const [one, many] = forms[lang];
  return `${formatNumber(n, lang, 0)} ${n === 1 ? one : many}`;
}

export const PLACEMENTS_WORD = { sv: ['placering', 'placeringar'], en: ['placement', 'placements'] } as const satisfies Forms;
export const RULES_WORD = { sv: ['regelbrott', 'regelbrott'], en: ['rule broken', 'rules broken'] } as const satisfies Forms;
