import { describe, expect, it } from "vitest";
import { Selection } from "./selection.svelte";

describe("the open item of a list page", () => {
  it("opens an item with a fresh editor, but not twice for the same item", () => {
    const s = new Selection();
    s.open("a");
    const key = s.formKey;
    s.open("a");
    expect(s.formKey).toBe(key);
    s.open("b");
    expect(s.id).toBe("b");
    expect(s.formKey).toBe(key + 1);
  });

  it("keeps the same editor when a new item gets its id", () => {
    const s = new Selection();
    s.add();
    const key = s.formKey;
    expect(s.isOpen).toBe(true);
    s.created("zed");
    expect({ id: s.id, creating: s.creating, formKey: s.formKey }).toEqual({ id: "zed", creating: false, formKey: key });
  });

  it("ignores a late creation once the user opened another item", () => {
    const s = new Selection();
    s.add();
    s.open("other");
    s.created("zed");
    expect(s.id).toBe("other");
  });

  it("closes the editor when its item is gone, but not while writing a new one", () => {
    const s = new Selection();
    s.open("gone");
    s.keepIf([{ id: "x" }]);
    expect(s.isOpen).toBe(false);
    s.add();
    s.keepIf([]);
    expect(s.isOpen).toBe(true);
  });
});
