// The autosave queue: edits are sent one at a time, each built from the newest view just before
// it is sent and checked against the version in that view, so no two are ever in flight and a
// later edit never undoes an earlier one.
import type { Edit, EditOutcome, EditRequest, EditResult, FrameworkView } from "./bindings";
import { expectedVersion } from "./edits";
import { asFailure, type Failure } from "./errors";

export type SaveResult = { ok: true; outcome: EditOutcome } | ({ ok: false } & Failure);

/** A queued command's result: a save result with what the command returned. */
export type TaskResult<T> = { ok: true; outcome: EditOutcome; value: T } | ({ ok: false } & Failure);

/** A job dropped before it was sent, or a command whose dialog the user cancelled. */
function cancelled(): SaveResult & { ok: false } {
  return { ok: false, code: "cancelled", message: "Cancelled.", findings: [] };
}

export type EditJob = {
  /** The framework the edit is for; a job for a framework that is no longer open is dropped. */
  framework: string;
  /**
   * Builds the edit from the view as it is when the job's turn comes; `null` when there is
   * nothing to send (the item is gone).
   */
  build: (view: FrameworkView) => Edit | null;
  /**
   * Jobs waiting with the same key are replaced by the newer one (the same field typed again):
   * only the newest value is sent. Leave it out for jobs that must all be sent.
   */
  supersedes?: string;
};

type Entry = {
  run: () => Promise<SaveResult>;
  supersedes?: string;
  settle: Array<(r: SaveResult) => void>;
};

export type QueueDeps = {
  /** The newest view of the open framework. */
  view: () => FrameworkView | null;
  apply: (request: EditRequest) => Promise<EditResult>;
  /** Called with every applied edit's result before the next job is built. */
  applied: (result: EditResult) => void;
  /** Called whenever the number of waiting or running jobs changes. */
  changed?: () => void;
};

/** A refused command as a save result, with its code and findings. */
export function failure(e: unknown): SaveResult & { ok: false } {
  return { ok: false, ...asFailure(e) };
}

export class EditQueue {
  private waiting: Entry[] = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: QueueDeps) {}

  /** Jobs waiting or being sent. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Queues an edit; resolves when it was applied or refused (never rejects). */
  enqueue(job: EditJob): Promise<SaveResult> {
    return this.push({
      supersedes: job.supersedes,
      run: async () => {
        const view = this.deps.view();
        if (!view || view.framework.id !== job.framework) {
          return { ok: false, code: "closed", message: "The framework is no longer open.", findings: [] };
        }
        const edit = job.build(view);
        if (edit === null) {
          return { ok: false, code: "not_found", message: "This item no longer exists.", findings: [] };
        }
        const result = await this.deps.apply({
          framework: job.framework,
          edit,
          expected_version: expectedVersion(view.versions, edit),
        });
        this.deps.applied(result);
        return { ok: true, outcome: result.outcome };
      },
    });
  }

  /**
   * Queues another command that changes the draft (undo, or one that asks for a file first), in
   * turn with the edits; `resultOf` picks its new view out of what it returns. A command that
   * returns `null` (its dialog was cancelled) changed nothing and resolves as "cancelled".
   */
  async enqueueTask<T>(task: () => Promise<T | null>, resultOf: (value: T) => EditResult): Promise<TaskResult<T>> {
    // What the command returned, kept for the caller (the queue itself only needs its view).
    const got: { value?: T } = {};
    const r = await this.push({
      run: async () => {
        const value = await task();
        if (value === null) return cancelled();
        got.value = value;
        const result = resultOf(value);
        this.deps.applied(result);
        return { ok: true, outcome: result.outcome };
      },
    });
    if (!r.ok) return r;
    return "value" in got ? { ...r, value: got.value as T } : cancelled();
  }

  /** Drops every waiting job (after a reload); each resolves as cancelled. */
  clear(): void {
    const dropped = this.waiting;
    this.waiting = [];
    for (const e of dropped) for (const s of e.settle) s(cancelled());
    this.deps.changed?.();
    this.checkIdle();
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private push(entry: Omit<Entry, "settle">): Promise<SaveResult> {
    return new Promise((resolve) => {
      const full: Entry = { ...entry, settle: [resolve] };
      if (entry.supersedes !== undefined) {
        const i = this.waiting.findIndex((w) => w.supersedes === entry.supersedes);
        if (i >= 0) {
          // The newer value replaces the waiting one, which learns the newer one's fate.
          full.settle.push(...this.waiting[i].settle);
          this.waiting.splice(i, 1);
        }
      }
      this.waiting.push(full);
      this.deps.changed?.();
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
        let result: SaveResult;
        try {
          result = await next.run();
        } catch (e) {
          result = failure(e);
        }
        for (const s of next.settle) s(result);
        this.deps.changed?.();
      }
    } finally {
      this.running = false;
      this.deps.changed?.();
      this.checkIdle();
    }
  }

  private checkIdle(): void {
    if (this.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

// ---- The status line ----

export type SaveState = "saved" | "saving" | "error";

/**
 * What the top bar says: saving while an edit waits, runs or is still being typed; otherwise an
 * error while one is unresolved; otherwise all saved.
 */
export function saveStatus(busy: number, error: string | null): { state: SaveState; text: string } {
  if (busy > 0) return { state: "saving", text: "Saving…" };
  if (error !== null) return { state: "error", text: `Not saved: ${error}` };
  return { state: "saved", text: "All changes saved" };
}

/** The one-line reason a save failed, for the status line. */
export function failureReason(r: SaveResult & { ok: false }): string {
  if (r.code === "stale") return "changed elsewhere — reload";
  if (r.findings.length > 0) {
    const more = r.findings.length > 1 ? ` (and ${r.findings.length - 1} more)` : "";
    return r.findings[0].message + more;
  }
  const first = r.message.split("\n")[0].replace(/\s*\[[^\]]*\]\s*$/, "");
  return first.charAt(0).toUpperCase() + first.slice(1);
}
