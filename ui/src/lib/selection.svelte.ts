// Which item of a list page is open in its editor, or whether a new one is being written.

export class Selection {
  /** The open item's id; `null` while none is open or a new one has no id yet. */
  id = $state<string | null>(null);
  /** A new item is being written (created once it has a name). */
  creating = $state(false);
  /** Changes whenever another item is opened, so the editor starts afresh. */
  formKey = $state(0);

  get isOpen(): boolean {
    return this.id !== null || this.creating;
  }

  open(id: string): void {
    if (this.id === id && !this.creating) return;
    this.id = id;
    this.creating = false;
    this.formKey++;
  }

  add(): void {
    this.id = null;
    this.creating = true;
    this.formKey++;
  }

  /**
   * The new item was created: the same editor goes on editing it (unless the user has meanwhile
   * opened another item, and the new one was saved as its editor closed).
   */
  created(id: string): void {
    if (!this.creating) return;
    this.id = id;
    this.creating = false;
  }

  close(): void {
    this.id = null;
    this.creating = false;
  }

  /** Closes the editor when its item no longer exists. */
  keepIf(items: ReadonlyArray<{ id: string }>): void {
    const id = this.id;
    if (id !== null && !this.creating && !items.some((x) => x.id === id)) this.close();
  }
}
