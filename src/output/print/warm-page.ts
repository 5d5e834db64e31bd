/**
 * The print page the preview keeps loaded between edits: opened after a whole layout, with the
 * current setup and geometry, its fonts loaded (as measuring the first edit would load them), so
 * an edit only refills it with the block laid out again.
 */
import type { BookPage, BrowserSession, ResourceResolver } from '../browser.ts';

export class WarmPage {
  #page: BookPage | undefined;
  /** One being opened. */
  #opening: Promise<BookPage | undefined> | undefined;
  /** The page taken for an edit, until it is kept again (closed with the rest if the edit fails). */
  #lent: BookPage | undefined;

  /** Opens a page of `html` (an empty print document) to keep, after closing any kept. */
  async open(session: BrowserSession, html: string, resolve: ResourceResolver): Promise<void> {
    await this.close();
    const opening = session.open(html, resolve).then(async (page) => {
      await page
        .evaluate('Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => true)')
        .catch(() => undefined);
      return page;
    });
    this.#opening = opening.catch(() => undefined);
  }

  /** The kept page (once open), its body set to `html` and the line boxes' rules of its last layout gone; undefined when none. */
  async take(html: string): Promise<BookPage | undefined> {
    if (!this.#page && this.#opening) this.#page = await this.#opening;
    this.#opening = undefined;
    const page = this.#page;
    this.#page = undefined;
    this.#lent = page;
    await page?.evaluate(`(async () => {
      for (const style of document.querySelectorAll('head style')) if (style.textContent.includes('.galley-line')) style.remove();
      document.body.innerHTML = ${JSON.stringify(html)};
      await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    })()`);
    return page;
  }

  /** Keeps `page` for the next edit. */
  keep(page: BookPage | undefined): void {
    this.#page = page;
    this.#lent = undefined;
  }

  async close(): Promise<void> {
    const opening = this.#opening;
    this.#opening = undefined;
    await (await opening)?.close().catch(() => undefined);
    for (const page of new Set([this.#page, this.#lent])) await page?.close().catch(() => undefined);
    this.#page = undefined;
    this.#lent = undefined;
  }
}
