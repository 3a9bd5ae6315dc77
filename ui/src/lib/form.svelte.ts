// The errors one form shows next to its fields, and saving one field of a list item.
import type { Framework, ListKind } from "./bindings";
import { patchEdit, putEdit, type ItemOf } from "./edits";
import type { Editor } from "./editor";
import { nextFieldErrors, withoutField, type FieldErrors } from "./fielderrors";
import type { SaveResult } from "./queue";

export class FormErrors {
  errors = $state.raw<FieldErrors>({});

  constructor(private readonly known: ReadonlyArray<string>) {}

  /** Waits for a save of `fields` and updates the errors from its result. */
  async track(fields: string | ReadonlyArray<string>, saving: Promise<SaveResult>): Promise<SaveResult> {
    const list = typeof fields === "string" ? [fields] : fields;
    const r = await saving;
    this.errors = nextFieldErrors(this.errors, r, list, this.known);
    return r;
  }

  of(field: string): ReadonlyArray<string> {
    return this.errors[field] ?? [];
  }

  revert(field: string): void {
    this.errors = withoutField(this.errors, field);
  }

  reset(): void {
    this.errors = {};
  }
}


/**
 * Saving one field of a list item: the edit is built from the newest stored item when its turn
 * comes, waiting edits of the same field are replaced, and the result lands in `form`.
 */
export function fieldSaver<L extends ListKind>(editor: () => Editor, list: L, id: () => string | null, form: FormErrors) {
  return (field: string, change: (item: ItemOf[L]) => ItemOf[L]): Promise<unknown> | undefined => {
    const target = id();
    if (target === null) return undefined;
    return form.track(
      field,
      editor().save((v) => patchEdit(v.framework, list, target, change), `${list}/${target}#${field}`),
    );
  };
}

/**
 * Creates a list item from the name typed into a new item's editor, with an id made from that
 * name (unique in the newest stored list). Resolves the new id, or `null` when nothing was created.
 */
export async function createFromName<L extends ListKind>(
  editor: Editor,
  list: L,
  name: string,
  make: (fw: Framework, name: string) => ItemOf[L] | null,
  form: FormErrors,
  field = "name",
): Promise<string | null> {
  if (name.trim() === "") return null;
  let createdId: string | null = null;
  const r = await form.track(
    field,
    editor.save((v) => {
      const item = make(v.framework, name);
      if (!item) return null;
      createdId = item.id;
      return putEdit(list, item);
    }),
  );
  return r.ok ? createdId : null;
}
