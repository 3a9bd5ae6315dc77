// Following a team database: what to reload after each poll of `live_status`, and whether the
// connection counts as lost.
import type { LiveStatus } from "./bindings";
import type { FailureCode } from "./errors";

export type LiveState = {
  /** The `seq` to pass back on the next poll. */
  seq: number;
  reconnects: number;
  /** Whether the app has polled since it started following this database. */
  started: boolean;
  /** The listener's word: the connection to the team database is up. */
  connected: boolean;
  /** A command failed as `disconnected`, and none has worked since. */
  commandLost: boolean;
};

export const LIVE_START: LiveState = { seq: 0, reconnects: 0, started: false, connected: true, commandLost: false };

export type LiveStep = {
  next: LiveState;
  /** Reload the frameworks list. */
  list: boolean;
  /** Reload the open framework. */
  open: boolean;
  /** Try a command to learn whether the store's own connection works again. */
  probe: boolean;
};

/**
 * The state after a poll. The first poll only sets the starting point (the app has just loaded
 * everything). A connection that came back may have missed changes: everything is reloaded.
 */
export function liveStep(prev: LiveState, s: LiveStatus, openId: string | null): LiveStep {
  const cameBack = prev.started && s.reconnects !== prev.reconnects;
  const changed = prev.started ? s.changed : [];
  const next: LiveState = {
    seq: s.seq,
    reconnects: s.reconnects,
    started: true,
    connected: s.connected,
    commandLost: prev.commandLost,
  };
  const open = cameBack || (openId !== null && changed.includes(openId));
  return {
    next,
    list: cameBack || changed.length > 0,
    open,
    probe: next.commandLost && s.connected,
  };
}

/** The state after a command failed: only `disconnected` says anything about the connection. */
export function afterFailure(prev: LiveState, code: FailureCode): LiveState {
  return code === "disconnected" ? { ...prev, commandLost: true } : prev;
}

/** Whether the lost-connection banner shows. */
export function isLost(s: LiveState): boolean {
  return !s.connected || s.commandLost;
}
