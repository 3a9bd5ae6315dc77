// The shipped catalogues of obligations, fetched once from the back end and kept for the run
// (they are part of the app, not of a framework).
import { commands, type Catalogue } from "./bindings";
import { errorMessage } from "./errors";
import { indexCatalogues, type Entry } from "./obligations";

class Catalogues {
  /** The catalogues; empty until loaded. */
  list = $state.raw<Catalogue[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  readonly index = $derived.by((): Map<string, Entry> => indexCatalogues(this.list));
  private loading: Promise<void> | null = null;

  /** Loads them the first time it is called; later calls wait for that load (a failed load is tried again). */
  load(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= commands.obligationCatalogues().then(
      (list) => {
        this.list = list;
        this.loaded = true;
        this.error = null;
      },
      (e: unknown) => {
        this.error = errorMessage(e);
        this.loading = null;
      },
    );
    return this.loading;
  }
}

export const catalogues = new Catalogues();
