// What the editor of one list item shares with the others: its props, the item it shows, where the
// item stands in its list, its findings and field errors, saving a field, creating it from its
// name and removing it.
import { untrack } from "svelte";
import type { Finding, Framework, ListKind } from "./bindings";
import { itemsOf, removeEdit, type ItemOf } from "./edits";
import type { Editor } from "./editor";
import { createFromName, fieldSaver, FormErrors } from "./form.svelte";

/** The props every item editor beside a list takes. */
export type ItemFormProps = {
  fw: Framework;
  /** The item to edit; `null` for a new one, created once it has a name. */
  initialId: string | null;
  findings: ReadonlyArray<Finding>;
  editor: Editor;
  onCreated: (id: string) => void;
  onClose: () => void;
};

export class ItemForm<L extends ListKind> {
  /** The item's id; `null` until a new item is created. */
  id = $state<string | null>(null);
  /** The stored item, or `null` while new (or once removed elsewhere). */
  readonly item = $derived.by((): ItemOf[L] | null => {
    const id = this.id;
    return id === null ? null : (itemsOf(this.props().fw, this.list).find((x) => x.id === id) ?? null);
  });
  /** Its place in the list; -1 while new. */
  readonly index = $derived.by(() => {
    const id = this.id;
    return id === null ? -1 : itemsOf(this.props().fw, this.list).findIndex((x) => x.id === id);
  });
  readonly count = $derived.by(() => itemsOf(this.props().fw, this.list).length);
  /** The item's own findings. */
  readonly own = $derived.by(() => {
    const id = this.id;
    return id === null ? [] : this.props().findings.filter((f) => f.item === id);
  });
  readonly form: FormErrors;
  /** Saves one field of the stored item (nothing while new). */
  readonly save: ReturnType<typeof fieldSaver<L>>;

  private readonly props: () => ItemFormProps;
  readonly list: L;

  constructor(props: () => ItemFormProps, list: L, fields: ReadonlyArray<string>) {
    this.props = props;
    this.list = list;
    this.id = untrack(() => props().initialId);
    this.form = new FormErrors(fields);
    this.save = fieldSaver(() => this.props().editor, list, () => this.id, this.form);
  }

  /** Creates the new item from its name; the editor then goes on editing it. */
  async create(name: string, make: (fw: Framework, name: string) => ItemOf[L] | null, field = "name"): Promise<void> {
    const created = await createFromName(this.props().editor, this.list, name, make, this.form, field);
    if (created) {
      this.id = created;
      this.props().onCreated(created);
    }
  }

  /** Moves the item to `to` in its list. */
  move(to: number): void {
    const id = this.id;
    if (id) void this.props().editor.move(this.list, id, to);
  }

  /** Asks, then removes the item (described by `what`) and closes the editor; a new one just closes. */
  async remove(what: (item: ItemOf[L]) => string): Promise<void> {
    const { editor, onClose } = this.props();
    const id = this.id;
    const item = this.item;
    if (id === null || !item) return onClose();
    if (await editor.remove(removeEdit(this.list, id), what(item))) onClose();
  }
}
