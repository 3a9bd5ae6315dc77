// In-page dialogs (never window.confirm / prompt: WebKitGTK under WebDriver handles those
// poorly). A page asks with a promise; the one DialogHost in the app shows the question.
import type { Failure } from "./errors";
import type { DatabaseInfo, VersionInfo } from "./bindings";

export type ConfirmSpec = {
  kind: "confirm";
  title: string;
  message: string;
  /** What else the action takes with it, one sentence each. */
  items?: ReadonlyArray<string>;
  confirmLabel: string;
  danger?: boolean;
};

export type NameSpec = {
  kind: "name";
  title: string;
  message?: string;
  label: string;
  initial: string;
  confirmLabel: string;
  /** Offer "start from the starter template" or "start empty". */
  template?: boolean;
};

export type NameAnswer = { name: string; fromTemplate: boolean };

/** The result of one attempt to publish, as the publish dialog shows it. */
export type PublishAttempt =
  | { ok: true; version: VersionInfo }
  | ({ ok: false } & Failure);

/** Publishing a version: a change summary, then the outcome, in the same dialog. */
export type PublishSpec = {
  kind: "publish";
  title: string;
  /** The number the new version will get. */
  nextNumber: number;
  /** Error and warning findings of the draft as it is now. */
  errors: number;
  warnings: number;
  /** Publishes with this summary; the dialog stays open to show a refusal or the new version. */
  publish: (summary: string) => Promise<PublishAttempt>;
};

/** The result of one attempt to connect, as the connect dialog shows it. */
export type ConnectAttempt = { ok: true; database: DatabaseInfo } | ({ ok: false } & Failure);

/** Connecting to a team database, or going back to the local file. */
export type ConnectSpec = {
  kind: "connect";
  title: string;
  /** The address to start from: the team database that is open or could not be opened. */
  address: string;
  /** Why the dialog opened by itself (the team database wants a password), shown at once. */
  failure: Failure | null;
  /** Offer "Use the local file instead" (a team database is open or was tried). */
  offerLocal: boolean;
  /** Connects; the dialog stays open to show a failure beside its field. */
  connect: (address: string, password: string | null) => Promise<ConnectAttempt>;
  useLocal: () => Promise<ConnectAttempt>;
};

type Open =
  | (ConfirmSpec & { resolve: (ok: boolean) => void })
  | (NameSpec & { resolve: (a: NameAnswer | null) => void })
  | (PublishSpec & { resolve: (v: VersionInfo | null) => void })
  | (ConnectSpec & { resolve: (d: DatabaseInfo | null) => void });

class Dialogs {
  current = $state.raw<Open | null>(null);

  confirm(spec: Omit<ConfirmSpec, "kind">): Promise<boolean> {
    this.cancelOpen();
    return new Promise((resolve) => (this.current = { ...spec, kind: "confirm", resolve }));
  }

  askName(spec: Omit<NameSpec, "kind">): Promise<NameAnswer | null> {
    this.cancelOpen();
    return new Promise((resolve) => (this.current = { ...spec, kind: "name", resolve }));
  }

  /** Resolves with the published version, or `null` when the dialog closes without one. */
  publish(spec: Omit<PublishSpec, "kind">): Promise<VersionInfo | null> {
    this.cancelOpen();
    return new Promise((resolve) => (this.current = { ...spec, kind: "publish", resolve }));
  }

  /** Resolves with the database now open, or `null` when the dialog closes without a change. */
  connect(spec: Omit<ConnectSpec, "kind">): Promise<DatabaseInfo | null> {
    this.cancelOpen();
    return new Promise((resolve) => (this.current = { ...spec, kind: "connect", resolve }));
  }

  close(answer: boolean | NameAnswer | VersionInfo | DatabaseInfo | null): void {
    const c = this.current;
    this.current = null;
    if (!c) return;
    if (c.kind === "confirm") c.resolve(answer === true);
    else if (c.kind === "connect")
      c.resolve(answer !== null && typeof answer === "object" && "team" in answer ? answer : null);
    else if (c.kind === "publish") c.resolve(answer !== null && typeof answer === "object" && "sha256" in answer ? answer : null);
    else c.resolve(answer !== null && typeof answer === "object" && "fromTemplate" in answer ? answer : null);
  }

  private cancelOpen() {
    if (this.current) this.close(null);
  }
}

export const dialogs = new Dialogs();
