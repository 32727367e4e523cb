/**
 * The studierektor moving placements on the cohort timeline. The published plan is edited in place
 * (a placement keeps its position in the list, so a bar's index stays its identity); every drag
 * frame re-checks the moved trainee with the rule catalogue in the browser — their own rules, and
 * clinic capacity and unit away limits against everyone else — as "Min plan" does. The result is
 * saved as a draft (POST /api/plans/drafts) and published through the usual check.
 */
import type { Plan, PlanPlacement, Scenario, Violation } from '../../../solver/domain/schemas.ts';
import { PLAN_FORMAT } from '../../../solver/domain/schemas.ts';
import { formatDay, type Day } from '../../../solver/time/dates.ts';
import { api, type PlanDetail, type PlanSummary } from './api.ts';
import { History } from './history.ts';
import { plainPlacement } from './placements.ts';
import { loadValidator, type LiveValidator } from './validator.ts';

type Stored = PlanPlacement & { locked?: boolean };

const violationKey = (v: Violation) => [v.rule, [...v.trainees].sort().join(','), v.from, v.to, v.clinic, v.unit].join('|');

export class CohortEdit {
  /** Editing is under way; it lasts while the studierektor visits other views (the edits are kept). */
  active = $state(false);
  /** Who is editing: another login in the same tab does not take over the moves. */
  owner = $state<string | null>(null);
  /** The plan as edited: the published placements (with their lock flags), some at new dates. */
  placements = $state.raw<Stored[]>([]);
  /** The placements while a bar is dragged; null otherwise. */
  preview = $state.raw<Stored[] | null>(null);
  /** The trainee whose checks are shown: the one last moved. */
  focus = $state<string | null>(null);
  /** The live violations of each trainee moved so far (and the one being dragged). */
  live = $state.raw(new Map<string, Violation[]>());
  canUndo = $state(false);
  canRedo = $state(false);
  /** The draft saved from the current placements; null when unsaved edits exist or nothing was saved. */
  draft = $state.raw<PlanSummary | null>(null);
  ready = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  current = $derived(this.preview ?? this.placements);
  /** Placements at other dates than published (one moved back is unchanged). */
  changedCount = $derived(this.placements.filter((p, i) => this.isChanged(p, i)).length);
  /** The published report's violations, those of the moved trainees replaced by the live ones. */
  violations = $derived(this.merge());

  private published: Stored[] = [];
  private base: Violation[] = [];
  private scenarioName = '';
  private validator: LiveValidator | null = null;
  private readonly history = new History<Stored[]>(100);

  /**
   * Starts on the published plan, or goes on with a draft saved from it (`from`): one whose placements
   * are the published ones in the same order, some at other dates, so that a bar's index stays its
   * identity. False, and nothing started, when the draft is not such a one (the published plan or the
   * region changed since it was saved, or a solve made it).
   */
  async start(scenario: Scenario, published: PlanDetail, owner: string, from: PlanDetail | null = null): Promise<boolean> {
    if (from && !sameAtOtherDates(published.plan.placements, from.plan.placements)) return false;
    this.active = true;
    this.owner = owner;
    this.ready = false;
    this.published = published.plan.placements;
    this.base = published.report.violations;
    this.scenarioName = scenario.name;
    this.placements = from ? from.plan.placements : this.published;
    this.preview = null;
    this.live = new Map();
    this.focus = null;
    this.draft = from ? summaryOf(from) : null;
    this.error = null;
    this.history.clear();
    this.sync();
    try {
      this.validator = await loadValidator(scenario);
      this.ready = true;
      // The draft's moved trainees are checked as if just moved.
      if (from) this.recheck();
    } catch (e) {
      // Without the catalogue nothing could be checked while dragging: no moving then.
      this.error = e instanceof Error ? e.message : String(e);
    }
    return true;
  }

  private isChanged(p: Stored, i: number): boolean {
    const was = this.published[i]!;
    return p !== was && (p.from !== was.from || p.to !== was.to);
  }

  private changedTrainees(list: readonly Stored[]): Set<string> {
    const out = new Set<string>();
    list.forEach((p, i) => {
      if (this.isChanged(p, i)) out.add(p.trainee);
    });
    return out;
  }

  private withPeriod(list: readonly Stored[], index: number, period: { from: Day; to: Day }): Stored[] {
    return list.map((p, i) => (i === index ? { ...p, from: formatDay(period.from), to: formatDay(period.to) } : p));
  }

  private plan(list: readonly Stored[]): Plan {
    return { format: PLAN_FORMAT, scenario: this.scenarioName, placements: list as PlanPlacement[] };
  }

  /** Re-checks the given trainees on `list` (the rest keep their last live result). */
  private check(list: readonly Stored[], trainees: Iterable<string>): void {
    if (!this.validator) return;
    const live = new Map(this.live);
    const plan = this.plan(list);
    for (const t of trainees) live.set(t, this.validator.validateTrainee(plan, t).violations);
    this.live = live;
  }

  private merge(): Violation[] {
    const touched = new Set(this.live.keys());
    if (touched.size === 0) return this.base;
    const seen = new Set<string>();
    const out: Violation[] = [];
    for (const v of this.base) if (!v.trainees.some((t) => touched.has(t))) out.push(v);
    for (const list of this.live.values())
      for (const v of list) {
        const k = violationKey(v);
        if (!seen.has(k)) out.push(v), seen.add(k);
      }
    return out;
  }

  /** One drag frame: shown and checked, no undo step. */
  previewMove(index: number, period: { from: Day; to: Day }): void {
    const list = this.withPeriod(this.placements, index, period);
    const trainee = list[index]!.trainee;
    this.preview = list;
    this.focus = trainee;
    this.check(list, [trainee]);
  }

  cancelPreview(): void {
    this.preview = null;
    this.recheck();
  }

  commit(index: number, period: { from: Day; to: Day }): void {
    this.history.push(this.placements);
    this.focus = this.placements[index]!.trainee;
    this.set(this.withPeriod(this.placements, index, period));
  }

  undo(): void {
    const prev = this.history.undo(this.placements);
    if (prev) this.set(prev);
  }

  redo(): void {
    const next = this.history.redo(this.placements);
    if (next) this.set(next);
  }

  private set(list: Stored[]): void {
    this.placements = list;
    this.preview = null;
    this.draft = null;
    this.sync();
    this.recheck();
  }

  /** Every moved trainee again (one move can end another's conflict); a trainee moved back is the published report's again. */
  private recheck(): void {
    const moved = this.changedTrainees(this.placements);
    if (this.focus) moved.add(this.focus);
    this.live = new Map();
    this.check(this.placements, moved);
  }

  private sync(): void {
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
  }

  stop(): void {
    this.active = false;
    this.preview = null;
    this.live = new Map();
    this.focus = null;
  }

  /** Saves the edited plan as a draft; the server reads it against the region and keeps the locks. */
  async saveDraft(note: string): Promise<PlanSummary | null> {
    this.busy = true;
    this.error = null;
    try {
      this.draft = await api.saveDraft({ ...this.plan(this.placements), placements: this.placements.map(plainPlacement) }, note);
      return this.draft;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

/** What a placement is, apart from its dates. */
const identity = (p: Stored) => [p.trainee, p.kind, p.specialty, p.clinic, p.course, p.milestone].join('|');

/** The same placements in the same order, some maybe at other dates. */
function sameAtOtherDates(published: readonly Stored[], draft: readonly Stored[]): boolean {
  return published.length === draft.length && published.every((p, i) => identity(p) === identity(draft[i]!));
}

function summaryOf({ plan: _plan, report: _report, ...summary }: PlanDetail): PlanSummary {
  return summary;
}

/** One editor for the app: leaving the cohort view for another does not lose the moves. */
export const cohortEdit = new CohortEdit();
