// Ids for new items, made from the name the user typed. Ids never change after creation.

/** An id the back end accepts: 1 to 64 of a-z 0-9 . _ -, starting with a letter or digit. */
export function isValidId(id: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(id);
}

/** The longest base of a generated id (a suffix such as "-2" may follow). */
export const ID_BASE_MAX = 48;

function isAsciiAlnum(c: string): boolean {
  return /^[a-z0-9]$/.test(c);
}

/**
 * A new id from a name: lower-case ASCII letters and digits joined by '-', at most 48 characters,
 * made unique by a suffix -2, -3 ... The same rule as the back end's `slug`.
 */
export function slugify(name: string, taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const isTaken = typeof taken === "function" ? taken : (id: string) => taken.has(id);
  let base = "";
  outer: for (const ch of name) {
    for (const c of ch.toLowerCase()) {
      if (isAsciiAlnum(c)) base += c;
      else if (base !== "" && !base.endsWith("-")) base += "-";
      if (base.length >= ID_BASE_MAX) break outer;
    }
  }
  base = base.replace(/-+$/, "");
  if (base === "") base = "item";
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
