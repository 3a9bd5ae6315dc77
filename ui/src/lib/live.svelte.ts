// Polls the app's `live_status` command while a team database is open: other people's changes
// show within a second, and a lost connection shows until it is back. Polling an app command
// keeps the window's capability free of event permissions.
import type { LiveStatus } from "./bindings";
import { asFailure } from "./errors";
import { afterFailure, isLost, LIVE_START, liveStep, type LiveState } from "./live";

/** Often enough that a change shows within a second, rarely enough to cost nothing. */
export const POLL_MS = 350;

export type LiveDeps = {
  status: (since: number) => Promise<LiveStatus>;
  openId: () => string | null;
  /**
   * Reloads what changed, after every poll (with nothing to reload, it shows a change it had to
   * put off); resolves once it is shown.
   */
  reload: (what: { list: boolean; open: boolean }) => Promise<void>;
  /** A cheap command: whether the store answers again. */
  probe: () => Promise<boolean>;
};

export class LiveUpdates {
  state = $state.raw<LiveState>(LIVE_START);
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;

  constructor(private readonly deps: LiveDeps) {}

  get lost(): boolean {
    return isLost(this.state);
  }

  /** Whether a team database is being followed. */
  get following(): boolean {
    return this.timer !== null;
  }

  /** Starts following the open team database from now. */
  start(): void {
    this.stop();
    this.state = LIVE_START;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.state = LIVE_START;
  }

  /** Tells the poller about a failed command: a `disconnected` one shows the banner. */
  failed(e: unknown): void {
    if (this.timer === null) return;
    this.state = afterFailure(this.state, asFailure(e).code);
  }

  private async poll(): Promise<void> {
    // A slow answer must not pile up polls behind it.
    if (this.polling) return;
    this.polling = true;
    try {
      const s = await this.deps.status(this.state.seq);
      if (this.timer === null) return;
      const step = liveStep(this.state, s, this.deps.openId());
      this.state = step.next;
      if (step.probe && (await this.deps.probe())) {
        this.state = { ...this.state, commandLost: false };
        await this.deps.reload({ list: true, open: true });
      } else {
        await this.deps.reload({ list: step.list, open: step.open });
      }
    } catch {
      // The next poll tries again; the status command itself does not touch the database.
    } finally {
      this.polling = false;
    }
  }
}
