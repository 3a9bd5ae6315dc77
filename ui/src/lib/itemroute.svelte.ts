// Opening the item a link names ("#/hard_stops/daily-cap", from the Coverage page): the page
// opens its editor, then the location keeps only the page, so closing the editor or reloading
// does not open it again.
import { itemFromHash, pageHref, type Page } from "./nav";

/**
 * Calls `open` with the item the location names on `page`, now and whenever the location
 * changes while the page is shown. Call while a component is being set up.
 */
export function followItemLinks(page: Page, open: (id: string) => void): void {
  const read = () => {
    const id = itemFromHash(window.location.hash, page);
    if (id === null) return;
    open(id);
    history.replaceState(history.state, "", pageHref(page));
  };
  read();
  $effect(() => {
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  });
}
