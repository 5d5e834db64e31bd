/**
 * The one browser of a builder: started when the first book needs it, kept running between
 * books and between calls (a site converting stories on demand pays for the start once), and
 * closed by close(). When a call fails because the browser went away, the books still to print
 * get a new one; the old one is closed as soon as no page of it is open.
 */
import { GalleyError } from '../errors.ts';
import { type BookPage, type BrowserSession, findBrowser, launchBrowser } from '../output/browser.ts';

export interface WarmBrowser {
  /** The running browser, started now if there is none (or the last one crashed). */
  session(): Promise<BrowserSession>;
  /** How many browsers were started: 1 for a whole run, unless one crashed. */
  readonly launches: number;
  close(): Promise<void>;
}

interface Live {
  session: BrowserSession;
  /** Pages open in it now. */
  pages: number;
  /** Crashed: no new pages; closed once `pages` is 0. */
  retired: boolean;
}

export function warmBrowser(requested?: string): WarmBrowser {
  const alive = new Set<Live>();
  let current: Promise<Live> | undefined;
  /** What `current` resolved to. */
  let running: Live | undefined;
  let launches = 0;

  const finish = (live: Live) => {
    if (!live.retired || live.pages > 0 || !alive.delete(live)) return;
    void live.session.close().catch(() => undefined);
  };
  const retire = (live: Live) => {
    if (live.retired) return;
    live.retired = true;
    // Only the running browser is replaced: a late report about an older one changes nothing.
    if (running === live) {
      current = undefined;
      running = undefined;
    }
    finish(live);
  };
  const launch = async (): Promise<Live> => {
    launches++;
    const session = await launchBrowser(await findBrowser(requested));
    const live: Live = { session, pages: 0, retired: false };
    alive.add(live);
    running = live;
    return live;
  };

  return {
    get launches() {
      return launches;
    },
    async session() {
      current ??= launch();
      const launching = current;
      const live = await launching.catch((error: unknown) => {
        if (current === launching) current = undefined; // the next book tries again
        throw error;
      });
      return watched(
        live,
        () => retire(live),
        () => finish(live),
      );
    },
    async close() {
      current = undefined;
      running = undefined;
      const open = [...alive];
      alive.clear();
      await Promise.all(open.map((live) => live.session.close().catch(() => undefined)));
    },
  };
}

/** The live browser's session, counting its open pages and telling `crashed` when the browser went away. */
function watched(live: Live, crashed: () => void, closed: () => void): BrowserSession {
  const watch = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (error) {
      if (error instanceof GalleyError && error.code === 'BROWSER_CRASHED') crashed();
      throw error;
    }
  };
  const session = live.session;
  return {
    blocked: session.blocked,
    description: session.description,
    async open(html, resolve, blocked) {
      live.pages++;
      let page: BookPage;
      try {
        page = await watch(() => session.open(html, resolve, blocked));
      } catch (error) {
        live.pages--;
        closed();
        throw error;
      }
      let open = true;
      return {
        evaluate: <T>(expression: string) => watch(() => page.evaluate<T>(expression)),
        pdf: (options) => watch(() => page.pdf(options)),
        async close() {
          await page.close();
          if (!open) return;
          open = false;
          live.pages--;
          closed();
        },
      };
    },
    // The builder closes the browser; a book's session only closes its pages.
    close: async () => undefined,
  };
}
