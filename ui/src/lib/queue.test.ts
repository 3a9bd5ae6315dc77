import { describe, expect, it } from "vitest";
import type { EditRequest, EditResult, FrameworkView } from "./bindings";
import type { Finding } from "./bindings";
import { EditQueue, failure, failureReason, saveStatus } from "./queue";
import { sampleFramework } from "./test-fixtures";

function problem(path: string, field: string, message: string): Finding {
  return { severity: "error", section: "parties", item: "cmo", path, field, message };
}

/** A fake back end that holds answers until the test lets them go. */
function harness() {
  let view: FrameworkView = { framework: sampleFramework(), findings: [], versions: { "parties/cmo": 1, "parties/ops": 1 }, certificates: {}, coverage: { groups: [], unmatched_jurisdictions: [] } };
  const sent: EditRequest[] = [];
  const gates: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const queue = new EditQueue({
    view: () => view,
    apply: (req) => {
      sent.push(req);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<EditResult>((resolve, reject) => {
        gates.push(() => {
          inFlight--;
          if (req.edit.op === "put_party" && req.edit.party.name === "") {
            reject({ code: "invalid", message: "x", findings: [problem("parties[cmo].name", "name", "The party name is empty.")] });
            return;
          }
          const key = req.edit.op === "put_party" ? `parties/${req.edit.party.id}` : "other";
          const fw = structuredClone(view.framework);
          if (req.edit.op === "put_party") {
            const p = req.edit.party;
            fw.parties = fw.parties.map((x) => (x.id === p.id ? p : x));
          }
          view = { ...view, framework: fw, versions: { ...view.versions, [key]: (view.versions[key] ?? 0) + 1 } };
          resolve({ outcome: { label: "Changed", changes: 1 }, view });
        });
      });
    },
    applied: (r) => (view = r.view),
  });
  const release = async () => {
    while (gates.length === 0) await Promise.resolve();
    gates.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { queue, sent, release, get maxInFlight() { return maxInFlight; }, get view() { return view; } };
}

const rename = (field: "name" | "title", value: string) => ({
  framework: "acme",
  supersedes: `parties/cmo#${field}`,
  build: (v: FrameworkView) => {
    const p = v.framework.parties.find((x) => x.id === "cmo");
    return p ? { op: "put_party" as const, party: { ...p, [field]: value } } : null;
  },
});

describe("the edit queue", () => {
  it("sends one edit at a time, never two in flight", async () => {
    const h = harness();
    const a = h.queue.enqueue(rename("name", "A"));
    const b = h.queue.enqueue(rename("title", "B"));
    expect(h.sent).toHaveLength(1);
    await h.release();
    await h.release();
    await Promise.all([a, b]);
    expect(h.sent).toHaveLength(2);
    expect(h.maxInFlight).toBe(1);
  });

  it("builds each edit from the previous result, so a second field keeps the first field's change", async () => {
    const h = harness();
    const a = h.queue.enqueue(rename("name", "Dana R."));
    const b = h.queue.enqueue(rename("title", "Chief"));
    await h.release();
    await h.release();
    await Promise.all([a, b]);
    const second = h.sent[1].edit;
    expect(second.op === "put_party" && second.party).toMatchObject({ name: "Dana R.", title: "Chief" });
  });

  it("uses the latest version from the previous result as the expected version", async () => {
    const h = harness();
    const a = h.queue.enqueue(rename("name", "One"));
    const b = h.queue.enqueue(rename("title", "Two"));
    await h.release();
    await h.release();
    await Promise.all([a, b]);
    expect(h.sent.map((r) => r.expected_version)).toEqual([1, 2]);
  });

  it("sends only the newest value of a field typed again while it waited", async () => {
    const h = harness();
    const first = h.queue.enqueue(rename("title", "busy"));
    const a = h.queue.enqueue(rename("name", "D"));
    const b = h.queue.enqueue(rename("name", "Da"));
    const c = h.queue.enqueue(rename("name", "Dan"));
    for (let i = 0; i < 2; i++) await h.release();
    const results = await Promise.all([first, a, b, c]);
    expect(h.sent).toHaveLength(2);
    expect(h.view.framework.parties[0].name).toBe("Dan");
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("reports an invalid edit with its problems and carries on with the next one", async () => {
    const h = harness();
    const bad = h.queue.enqueue(rename("name", ""));
    const good = h.queue.enqueue(rename("title", "CMO"));
    await h.release();
    await h.release();
    const r = await bad;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("invalid");
    expect(!r.ok && r.findings.map((p) => p.path)).toEqual(["parties[cmo].name"]);
    expect((await good).ok).toBe(true);
    expect(h.view.framework.parties[0].name).toBe("Dana Reyes");
  });

  it("skips an edit whose item is gone and one for a framework no longer open", async () => {
    const h = harness();
    const gone = await h.queue.enqueue({ framework: "acme", build: () => null });
    expect(gone).toMatchObject({ ok: false, code: "not_found" });
    const other = await h.queue.enqueue({ framework: "other", build: () => ({ op: "remove_party", id: "cmo" }) });
    expect(other).toMatchObject({ ok: false, code: "closed" });
    expect(h.sent).toHaveLength(0);
  });

  it("tells when it is idle and counts what waits", async () => {
    const h = harness();
    const a = h.queue.enqueue(rename("name", "X"));
    h.queue.enqueue(rename("title", "Y"));
    expect(h.queue.size).toBe(2);
    let idle = false;
    void h.queue.idle().then(() => (idle = true));
    await h.release();
    await a;
    expect(idle).toBe(false);
    await h.release();
    await h.queue.idle();
    expect(h.queue.size).toBe(0);
  });
});

describe("commands that change the draft, queued with the edits", () => {
  /** What `create_signing_key` returns: the new view inside a larger answer. */
  type Created = { key_file: string; result: EditResult };

  it("waits for the edit before it, hands its view to the app and returns what the command returned", async () => {
    const h = harness();
    const edit = h.queue.enqueue(rename("name", "Dana R."));
    let nameSeen = "";
    const task = h.queue.enqueueTask(
      async (): Promise<Created> => {
        nameSeen = h.view.framework.parties[0].name;
        const framework = structuredClone(h.view.framework);
        framework.parties[0].certificate = "PEM";
        return { key_file: "/keys/cmo.pem", result: { outcome: { label: "Registered", changes: 1 }, view: { ...h.view, framework } } };
      },
      (created) => created.result,
    );
    await h.release();
    await edit;
    const r = await task;
    expect(nameSeen).toBe("Dana R.");
    expect(r).toMatchObject({ ok: true, outcome: { label: "Registered" }, value: { key_file: "/keys/cmo.pem" } });
    expect(h.view.framework.parties[0]).toMatchObject({ name: "Dana R.", certificate: "PEM" });
  });

  it("resolves a command whose dialog was cancelled as cancelled, leaving the view as it was", async () => {
    const h = harness();
    const before = h.view;
    const r = await h.queue.enqueueTask(async (): Promise<Created | null> => null, (created) => created.result);
    expect(r).toMatchObject({ ok: false, code: "cancelled" });
    expect(h.view).toBe(before);
  });

  it("reports a refused command by its code", async () => {
    const h = harness();
    const r = await h.queue.enqueueTask(
      (): Promise<EditResult> => Promise.reject({ code: "refused", message: "a key file is never overwritten", findings: [] }),
      (x) => x,
    );
    expect(r).toMatchObject({ ok: false, code: "refused" });
  });
});

describe("the save status", () => {
  it("says saving while anything waits, then the error, then all saved", () => {
    expect(saveStatus(2, null)).toEqual({ state: "saving", text: "Saving…" });
    expect(saveStatus(1, "boom")).toEqual({ state: "saving", text: "Saving…" });
    expect(saveStatus(0, "The party name is empty.")).toEqual({ state: "error", text: "Not saved: The party name is empty." });
    expect(saveStatus(0, null)).toEqual({ state: "saved", text: "All changes saved" });
  });

  it("gives the first problem of an invalid edit as the reason", () => {
    const r = failure({ code: "invalid", message: "x", findings: [problem("a", "a", "A is wrong."), problem("b", "b", "B is wrong.")] });
    expect(failureReason(r)).toBe("A is wrong. (and 1 more)");
  });

  it("tells a stale record from a refusal by the code alone", () => {
    const stale = failure({ code: "stale", message: "whatever the words", findings: [] });
    expect(failureReason(stale)).toBe("changed elsewhere — reload");
    const owner = failure({ code: "refused", message: "this party was changed elsewhere in spirit; give its standards another owner", findings: [] });
    expect(failureReason(owner)).toBe("This party was changed elsewhere in spirit; give its standards another owner");
  });

  it("reads any rejection as a failure with a code", () => {
    expect(failure("IPC down")).toMatchObject({ ok: false, code: "error", message: "IPC down" });
    expect(failure({ code: "not_found", message: "there is nothing to undo" }).code).toBe("not_found");
  });
});
