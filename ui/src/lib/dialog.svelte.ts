// In-page dialogs (never window.confirm / prompt: WebKitGTK under WebDriver handles those
// poorly). A page asks with a promise; the one DialogHost in the app shows the question.

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

type Open =
  | (ConfirmSpec & { resolve: (ok: boolean) => void })
  | (NameSpec & { resolve: (a: NameAnswer | null) => void });

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

  close(answer: boolean | NameAnswer | null): void {
    const c = this.current;
    this.current = null;
    if (!c) return;
    if (c.kind === "confirm") c.resolve(answer === true);
    else c.resolve(answer !== null && typeof answer === "object" ? answer : null);
  }

  private cancelOpen() {
    if (this.current) this.close(null);
  }
}

export const dialogs = new Dialogs();
