// What the pages get to change the framework with. The app implements it over the edit queue.
import type { Edit, FrameworkView, ListKind } from "./bindings";
import type { SaveResult } from "./queue";

export type Editor = {
  /** The open framework's id. */
  framework: string;
  /**
   * Queues an edit, built from the newest view when its turn comes (return `null` to send
   * nothing). Edits waiting with the same `supersedes` key are replaced by this one.
   */
  save(build: (view: FrameworkView) => Edit | null, supersedes?: string): Promise<SaveResult>;
  /**
   * Asks for confirmation, listing what the removal takes with it, then removes. Resolves
   * `true` once removed.
   */
  remove(edit: Edit, what: string): Promise<boolean>;
  /** Moves an item of a list to position `to`. */
  move(list: ListKind, id: string, to: number): Promise<SaveResult>;
};
