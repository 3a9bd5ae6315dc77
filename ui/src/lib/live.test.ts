import { describe, expect, it } from "vitest";
import type { LiveStatus } from "./bindings";
import { afterFailure, isLost, LIVE_START, liveStep, type LiveState } from "./live";

const status = (over: Partial<LiveStatus> = {}): LiveStatus => ({
  watching: true,
  connected: true,
  seq: 0,
  changed: [],
  reconnects: 0,
  ...over,
});

const started: LiveState = { ...LIVE_START, started: true, seq: 3 };

describe("liveStep", () => {
  it("only takes the starting point from the first poll", () => {
    const r = liveStep(LIVE_START, status({ seq: 7, changed: ["a"], reconnects: 2 }), "a");
    expect(r).toMatchObject({ list: false, open: false, probe: false });
    expect(r.next).toMatchObject({ seq: 7, reconnects: 2, started: true });
  });

  it("reloads the open framework when it changed, and the list when any did", () => {
    const mine = liveStep(started, status({ seq: 4, changed: ["a"] }), "a");
    expect(mine).toMatchObject({ list: true, open: true });
    const other = liveStep(started, status({ seq: 4, changed: ["b"] }), "a");
    expect(other).toMatchObject({ list: true, open: false });
    expect(liveStep(started, status({ seq: 3 }), "a")).toMatchObject({ list: false, open: false });
  });

  it("reloads everything when the connection came back, as changes may have been missed", () => {
    const r = liveStep(started, status({ seq: 3, reconnects: 1 }), "a");
    expect(r).toMatchObject({ list: true, open: true });
  });

  it("shows the connection lost while the listener says so", () => {
    const down = liveStep(started, status({ connected: false }), "a").next;
    expect(isLost(down)).toBe(true);
    expect(isLost(liveStep(down, status({ connected: true, reconnects: 1 }), "a").next)).toBe(false);
  });

  it("keeps a command's lost connection until a probe succeeds, and asks for the probe once the listener is up", () => {
    const lost = afterFailure(started, "disconnected");
    expect(isLost(lost)).toBe(true);
    const r = liveStep(lost, status({ seq: 3 }), null);
    expect(r.probe).toBe(true);
    expect(isLost(r.next)).toBe(true);
    expect(liveStep(lost, status({ seq: 3, connected: false }), null).probe).toBe(false);
  });

  it("ignores failures other than a lost connection", () => {
    expect(afterFailure(started, "not_permitted")).toBe(started);
    expect(afterFailure(started, "stale")).toBe(started);
  });
});
