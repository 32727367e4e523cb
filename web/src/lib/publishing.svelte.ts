/**
 * Publishing a plan or restoring a version, the safe way: ask the server what the change breaks and
 * moves (GET /api/plans/:id/check); when it breaks a hard rule or moves a lock — or the caller always
 * wants a confirmation (restoring) — hold the check for the dialog, and act only once confirmed with
 * the counts that were shown. A 409 because the plan changed meanwhile shows the new check.
 */
import { api, ApiError, type PlanDetail, type PlanId, type PublishCheck } from './api.ts';

export type PublishMode = 'publish' | 'rollback';

export class PublishFlow {
  /** The check shown in the dialog; null when no dialog is open. */
  check = $state.raw<PublishCheck | null>(null);
  mode = $state<PublishMode>('publish');
  stale = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The version the last action made. */
  result = $state.raw<PlanDetail | null>(null);
  #plan: PlanId | null = null;

  async start(mode: PublishMode, plan: PlanId, opts: { alwaysAsk?: boolean } = {}): Promise<void> {
    this.mode = mode;
    this.#plan = plan;
    this.error = null;
    this.stale = false;
    this.busy = true;
    try {
      const check = await api.publishCheck(plan);
      if (check.needsAcknowledgement || opts.alwaysAsk) this.check = check;
      else await this.#act({});
    } catch (e) {
      this.#fail(e);
    } finally {
      this.busy = false;
    }
  }

  async confirm(reason: string): Promise<void> {
    const check = this.check;
    if (!check) return;
    const body = check.needsAcknowledgement
      ? { acknowledge: { hard: check.hard.length, movedLocks: check.movedLocks.length, reason } }
      : reason
        ? { reason }
        : {};
    this.busy = true;
    try {
      await this.#act(body);
      this.check = null;
    } catch (e) {
      this.#fail(e);
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.check = null;
    this.stale = false;
  }

  async #act(body: Parameters<typeof api.publish>[1]): Promise<void> {
    const id = this.#plan!;
    this.result = this.mode === 'publish' ? await api.publish(id, body) : await api.rollback(id, body);
  }

  #fail(e: unknown): void {
    if (e instanceof ApiError && e.status === 409 && (e.body.error === 'acknowledgement-required' || e.body.error === 'acknowledgement-stale')) {
      this.check = e.body.current as PublishCheck;
      this.stale = true;
      return;
    }
    this.check = null;
    this.error = e instanceof Error ? e.message : String(e);
  }
}
