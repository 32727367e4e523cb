/**
 * "Min plan": one trainee's proposal being edited. Every edit — a drag frame, an arrow key, an undo —
 * re-validates the trainee in the browser with the rule catalogue (createValidator), against the
 * published placements of everybody else, so the message appears while the bar is still moving.
 */
import type { Placement, Plan, PlanPlacement, Report, Scenario } from '../../../solver/domain/schemas.ts';
import { PLAN_FORMAT } from '../../../solver/domain/schemas.ts';
import { api, ApiError, type Occupancy, type PlanDetail, type Proposal } from './api.ts';
import { History } from './history.ts';
import { ownPlacements, plainPlacement } from './placements.ts';
import { afterPaint, perfLog } from './perf.ts';
import { loadValidator, type LiveValidator } from './validator.ts';

export class MyPlanState {
  traineeId = $state('');
  placements = $state.raw<Placement[]>([]);
  /** The placements while a drag is under way; null when nothing is being dragged. */
  preview = $state.raw<Placement[] | null>(null);
  proposal = $state.raw<Proposal | null>(null);
  /** The latest proposal when it was returned (and nothing newer is open): shown as a notice, not edited. */
  returned = $state.raw<Proposal | null>(null);
  /** The earlier proposals the last submission replaced. */
  replaced = $state.raw<NonNullable<Proposal['replaced']>>([]);
  report = $state.raw<Report | null>(null);
  serverReport = $state.raw<Report | null>(null);
  validatedLocally = $state(false);
  dirty = $state(false);
  busy = $state<string | null>(null);
  message = $state<{ kind: 'ok' | 'bad' | 'info'; text: string } | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);

  current = $derived(this.preview ?? this.placements);
  /** The trainee's placements the published plan holds as locked (approved or done): not draggable. */
  lockedInPlan = $state.raw<Placement[]>([]);

  private others: PlanPlacement[] = [];
  /** Everyone else's rotations, anonymous (GET /api/occupancy): checked live with the trainee's own. */
  private cohort: PlanPlacement[] = [];
  /** The made-up names of the others ("Annan ST-läkare 3"), for the violation lists. */
  cohortNames = $state.raw(new Map<string, string>());
  private validator: LiveValidator | null = null;
  private readonly history = new History<Placement[]>();
  private scenarioName = '';
  private serverTimer: ReturnType<typeof setTimeout> | null = null;

  async init(scenario: Scenario, published: PlanDetail | null, traineeId: string, proposals?: Proposal[], occupancy?: Occupancy | null): Promise<void> {
    this.traineeId = traineeId;
    this.scenarioName = scenario.name;
    const all = published?.plan.placements ?? [];
    this.others = all.filter((p) => p.trainee !== traineeId).map(plainPlacement);
    this.lockedInPlan = ownPlacements(
      all.filter((p) => (p as { locked?: boolean }).locked === true),
      traineeId,
    );
    // The trainee's one open proposal (draft or submitted) is edited; otherwise the published plan is
    // shown, and a returned proposal only as a notice with its comment (it can be taken up again).
    const mine = (proposals ?? (await api.proposals().catch(() => [] as Proposal[])))
      .filter((p) => p.trainee === traineeId)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    this.proposal = mine.find((p) => p.status === 'draft' || p.status === 'submitted') ?? null;
    this.returned = !this.proposal && mine[0]?.status === 'returned' ? mine[0] : null;
    this.placements = this.proposal ? sortByDate(this.proposal.placements) : ownPlacements(all, traineeId);
    this.history.clear();
    this.syncHistory();
    // Without data of its own (the bench passes it), the page asks who else is away, anonymously.
    const occ = occupancy !== undefined ? occupancy : await api.occupancy().catch(() => null);
    this.cohort = occ?.placements ?? [];
    this.cohortNames = new Map((occ?.trainees ?? []).map((t) => [t.id, t.name]));
    const withCohort = occ && occ.trainees.length > 0 ? { ...scenario, trainees: [...scenario.trainees, ...occ.trainees] } : scenario;
    this.validator = await loadValidator(withCohort).catch((e: unknown) => {
      console.error('live validator unavailable', e);
      return null;
    });
    this.validatedLocally = this.validator !== null;
    this.revalidate(this.placements);
  }

  plan(list: readonly Placement[]): Plan {
    return {
      format: PLAN_FORMAT,
      scenario: this.scenarioName,
      placements: [...this.others, ...list.map((p) => ({ trainee: this.traineeId, ...p }))],
    };
  }

  private revalidate(list: readonly Placement[]): void {
    if (this.validator) {
      const plan = this.plan(list);
      this.report = this.validator.validateTrainee({ ...plan, placements: [...this.cohort, ...plan.placements] }, this.traineeId);
      return;
    }
    // Without the catalogue in the browser, ask the server once the edits settle.
    if (this.serverTimer) clearTimeout(this.serverTimer);
    this.serverTimer = setTimeout(() => {
      api
        .validate(this.plan(list))
        .then((r) => (this.report = r))
        .catch((e: unknown) => (this.message = { kind: 'bad', text: (e as Error).message }));
    }, 150);
  }

  /** One drag frame: show and check the moved period, without an undo step. */
  previewEdit(list: Placement[]): void {
    const t0 = performance.now();
    this.preview = list;
    this.revalidate(list);
    afterPaint(t0, (ms) => perfLog().dragFrames.push(ms));
  }

  cancelPreview(): void {
    this.preview = null;
    this.revalidate(this.placements);
  }

  edit(list: Placement[]): void {
    this.history.push(this.placements);
    this.placements = sortByDate(list);
    this.preview = null;
    this.dirty = true;
    this.message = null;
    this.syncHistory();
    this.revalidate(this.placements);
  }

  undo(): void {
    const prev = this.history.undo(this.placements);
    if (prev) this.restore(prev);
  }

  redo(): void {
    const next = this.history.redo(this.placements);
    if (next) this.restore(next);
  }

  private restore(list: Placement[]): void {
    this.placements = list;
    this.preview = null;
    this.dirty = true;
    this.syncHistory();
    this.revalidate(list);
  }

  private syncHistory(): void {
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
  }

  /** Takes the returned proposal up again: its placements into the editor (undoable), saved into it. */
  continueReturned(): void {
    if (!this.returned) return;
    const returned = this.returned;
    this.edit(returned.placements);
    this.proposal = returned;
    this.returned = null;
  }

  /** A submitted proposal is frozen for review; editing again starts a new draft from it. */
  startNewDraft(): void {
    if (!this.proposal) return;
    this.proposal = null;
    this.dirty = true;
  }

  /** Saves the draft (creating the proposal the first time); a stale version reports the conflict. */
  async save(): Promise<Proposal> {
    const body = this.placements;
    try {
      const p =
        this.proposal && this.proposal.status !== 'approved'
          ? await api.saveProposal(this.proposal.id, body, this.proposal.version)
          : await api.createProposal(this.traineeId, body);
      this.proposal = p;
      this.dirty = false;
      return p;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = e.body.current as Proposal | undefined;
        if (current) this.proposal = current;
      }
      throw e;
    }
  }

  private async run(label: string, fn: () => Promise<void>): Promise<void> {
    this.busy = label;
    this.message = null;
    try {
      await fn();
    } catch (e) {
      const err = e as ApiError;
      const details = err.body?.details?.length ? `: ${err.body.details.join('; ')}` : '';
      this.message = { kind: 'bad', text: `${err.message}${details}` };
    } finally {
      this.busy = null;
    }
  }

  saveDraft(okText: string): Promise<void> {
    return this.run('save', async () => {
      await this.save();
      this.serverReport = await api.validateProposal(this.proposal!.id).catch(() => null);
      this.message = { kind: 'ok', text: okText };
    });
  }

  /** "Fyll i / laga min plan": the one-trainee solve fills gaps and repairs breaks; the result is undoable. */
  fill(): Promise<void> {
    return this.run('fill', async () => {
      const p = await this.save();
      const res = await api.completeProposal(p.id);
      this.edit(res.placements);
      this.serverReport = res.report;
      // The completed placements are the proposal's new content on the server only once saved.
      await this.save();
    });
  }

  submit(okText: string): Promise<void> {
    return this.run('submit', async () => {
      const p = this.dirty || !this.proposal ? await this.save() : this.proposal;
      this.proposal = await api.submitProposal(p.id, p.version);
      this.replaced = this.proposal.replaced ?? [];
      this.message = { kind: 'ok', text: okText };
    });
  }
}

function sortByDate(list: readonly Placement[]): Placement[] {
  return [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
