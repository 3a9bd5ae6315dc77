// Opening a file the app exported in this run with the desktop's default viewer.
import { commands } from "./bindings";
import { errorMessage } from "./errors";

/** Opens an exported file; returns why it could not be opened, or `null` when it was. */
export async function openExported(path: string): Promise<string | null> {
  try {
    await commands.openExported(path);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}
