/**
 * The order in which a build renders its formats, owned here:
 * 1. the PDF, printed in the browser the build started (or the session it shares);
 * 2. the EPUB, begun as soon as the PDF's body step starts (the browser's work, mostly), so the
 *    two overlap; it waits for the finished PDF only to mark where the printed pages begin;
 * 3. an EPUB alone, when no PDF is asked for.
 * Each format is a stage of the build's clock; nothing is written here (build.ts writes both at once).
 */
import type { Book } from '../book/model.ts';
import type { Logger } from '../logger.ts';
import type { BrowserSession } from '../output/browser.ts';
import type { EpubTarget } from '../output/epub.ts';
import type { PdfEdition } from '../output/pdf.ts';
import { pageSummary } from '../terminal/format.ts';
import type { StageClock } from './stages.ts';

type PrintModule = typeof import('../output/pdf.ts');
export type Printed = Awaited<ReturnType<PrintModule['renderPdf']>>;
type FoundBrowser = Awaited<ReturnType<PrintModule['findBrowser']>>;

export interface RenderRequest {
  book: Book;
  logger: Logger;
  clock: StageClock;
  epub: boolean;
  /** The print code, loaded when a PDF is asked for. */
  print?: { module: PrintModule; browser: FoundBrowser | undefined; edition: PdfEdition } | undefined;
  /** The browser the build started while reading; taken once, by renderPdf. */
  takeStarting: () => Promise<BrowserSession> | undefined;
  session?: BrowserSession | undefined;
  target?: EpubTarget | undefined;
}

export interface Rendered {
  epub?: Buffer | undefined;
  printed?: Printed | undefined;
}

export async function renderFormats(request: RenderRequest): Promise<Rendered> {
  const { book, logger, clock } = request;
  const epubOptions = { target: request.target, warn: (m: string) => logger.warn(m) };
  const renderEpub = async (print: Printed | Promise<Printed | undefined> | undefined) =>
    (await import('../output/epub.ts')).renderEpub(book, { ...epubOptions, print });
  if (!request.print) {
    // 3. An EPUB alone.
    return request.epub ? { epub: await clock.run('epub', () => renderEpub(undefined)) } : {};
  }

  const { module: print, browser, edition } = request.print;
  // 1–2. The EPUB starts with the PDF's body step, and is given the PDF once it is printed.
  let told: { resolve: (p: Printed) => void; reject: (e: unknown) => void } | undefined;
  const printing = new Promise<Printed>((resolve, reject) => {
    told = { resolve, reject };
  });
  printing.catch(() => undefined);
  let epub: Promise<Buffer> | undefined;
  const onStageStart = (step: string) => {
    clock.pdfSteps.onStageStart(step);
    if (step !== 'body' || !request.epub || epub) return;
    epub = renderEpub(printing);
    epub.catch(() => undefined);
  };
  let printed: Printed;
  try {
    printed = await clock.run('pdf', () =>
      print.renderPdf(book, {
        browser,
        starting: request.takeStarting(),
        session: request.session,
        edition,
        logger,
        ...clock.pdfSteps,
        onStageStart,
      }),
    );
    told?.resolve(printed);
  } catch (error) {
    told?.reject(error);
    throw error;
  }
  logger.info(`${'pdf'.padEnd(8)}${pageSummary(printed.pageLabels)}`);
  logger.info(`browser ${printed.browser}`);
  reportBlocked(printed.blocked, logger);
  if (!request.epub) return { printed };
  // What is left of the EPUB's work once the PDF is done (all of it, for a PDF with no body step).
  const begun = epub;
  return { printed, epub: await clock.run('epub', async () => begun ?? (await renderEpub(printed))) };
}

/** One warning for the requests the print page was refused; each one with `--verbose` (or a logger without `debug`). */
function reportBlocked(blocked: string[], logger: Logger): void {
  if (blocked.length === 0) return;
  if (blocked.length === 1 || !logger.debug) {
    for (const url of blocked) logger.warn(`blocked a request from the print page: ${url}`);
    return;
  }
  logger.warn(`blocked ${blocked.length} requests from the print page (the first: ${blocked[0]}); --verbose lists each`);
  for (const url of blocked) logger.debug(`blocked a request from the print page: ${url}`);
}
