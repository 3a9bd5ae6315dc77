// What the pages get to change the framework with. The app implements it over the edit queue.
import type { Edit, EditResult, FrameworkView, ListKind } from "./bindings";
import type { SaveResult, TaskResult } from "./queue";

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
  /**
   * Runs a command that changes the draft itself (it may ask for a file first), in turn with the
   * edits: the view it returns (picked by `resultOf`) and its undo entry land as an edit's do.
   * A command that returns `null` because its dialog was cancelled resolves as "cancelled".
   */
  run<T>(command: () => Promise<T | null>, resultOf: (value: T) => EditResult): Promise<TaskResult<T>>;
};
