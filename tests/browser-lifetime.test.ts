/**
 * The browser's lifetime: Chromium dies with Galley (kill -9 leaves no browser running, and the
 * next launch sweeps the dead process's profile), Ctrl-C ends the build with 130 and removes the
 * profile, and a browser that dies mid-print is started again once, or reported as
 * BROWSER_CRASHED with a hint — never as a bug.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { typeset } from '../src/core/typeset.ts';
import { GalleyError } from '../src/errors.ts';
import { launchBrowser } from '../src/output/browser.ts';
import { renderPdf } from '../src/output/pdf.ts';
import { browserProcesses, profiles, rendererProcesses } from './helpers/browser-processes.ts';
import { chapterText, random } from './helpers/prose.ts';
import { REPO, tempDir } from './helpers/tmp.ts';
import { pdfText } from './helpers/tools.ts';

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

/**
 * A book whose print keeps the browser running for seconds (12 chapters of 250 paragraphs: about
 * 7 s here, against the sample's 1.2 s). The tests signal the build once they see its browser; a
 * short print may be over by then under load, its session closed and the signal no longer
 * Galley's to handle, so Node would die of it (no exit code) with nothing left to test.
 */
function longBook(): string {
  const dir = tempDir('galley-long-');
  const rand = random(7);
  writeFileSync(path.join(dir, 'book.yaml'), 'title: The Long Night\nauthor: Ada Pellow\n');
  for (let i = 1; i <= 12; i++)
    writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.md`), `# Night ${i}\n\n${chapterText(rand, 250)}\n`);
  return dir;
}

/** `galley build` of a long book as a child process, resolved once its browser runs. */
async function buildUntilBrowser(): Promise<{ child: ChildProcess; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, ['bin/galley.js', 'build', longBook(), '--out', tempDir(), '--format', 'pdf'], {
    cwd: REPO,
    stdio: 'ignore',
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const pid = child.pid as number;
  expect(await until(() => browserProcesses(pid).length > 0, 30_000), 'the build started a browser').toBe(true);
  return { child, exit };
}

const linux = process.platform === 'linux';

describe.runIf(linux)('the browser dies with Galley', () => {
  it('leaves no browser running after kill -9, and the next launch removes its profile', async () => {
    const { child, exit } = await buildUntilBrowser();
    const pid = child.pid as number;
    child.kill('SIGKILL');
    await exit;
    expect(await until(() => browserProcesses(pid).length === 0, 10_000), `still running: ${browserProcesses(pid)}`).toBe(true);
    const session = await launchBrowser();
    await session.close();
    expect(profiles(pid)).toEqual([]);
  }, 60_000);

  it('stops on Ctrl-C with exit code 130, its browser gone and its profile removed', async () => {
    const { child, exit } = await buildUntilBrowser();
    const pid = child.pid as number;
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(await until(() => browserProcesses(pid).length === 0, 10_000)).toBe(true);
    expect(profiles(pid)).toEqual([]);
  }, 60_000);
});

describe.runIf(linux)('a build that stops on bad input', () => {
  it('leaves no browser running: the one it started while reading the manuscript is closed', async () => {
    const dir = tempDir('galley-bad-');
    writeFileSync(path.join(dir, 'book.yaml'), 'title: The Long Night\nauthor: Ada Pellow\nbogus-key: 1\n');
    writeFileSync(path.join(dir, '01.md'), `# Night\n\n${chapterText(random(3), 400)}\n`);
    expect(browserProcesses(process.pid)).toEqual([]);
    await expect(build({ input: dir, out: tempDir(), formats: ['pdf'] })).rejects.toBeInstanceOf(GalleyError);
    // Time for a browser still starting to be up, were it left behind.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(browserProcesses(process.pid)).toEqual([]);
    expect(profiles(process.pid)).toEqual([]);
  }, 60_000);
});

describe.runIf(linux)('a browser that dies mid-print', () => {
  /** Kills processes that may have ended since they were listed. */
  const killAll = (pids: number[]) => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It ended first.
      }
    }
  };
  const killBrowser = () => killAll(browserProcesses(process.pid));

  it('is started again once, and the PDF comes out whole', async () => {
    const { book } = await typeset({ input: path.join(REPO, 'manuscript') });
    const warnings: string[] = [];
    let kills = 0;
    const result = await renderPdf(book, {
      logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
      onStage: (stage) => {
        if (stage === 'prepare' && kills++ === 0) killBrowser();
      },
    });
    expect(kills).toBe(2);
    expect(warnings.join('\n')).toMatch(/browser closed while printing.*printing once more/);
    expect(result.pageLabels.length).toBeGreaterThan(10);
    expect(Buffer.from(result.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(profiles(process.pid)).toEqual([]);
  }, 90_000);

  it('is started again whenever it or a page’s renderer dies, and the PDF is the same whole PDF', async () => {
    // The out-of-memory killer picks the biggest process, a page's renderer, and leaves the browser
    // running; a killed browser takes its renderers with it, in either order. Each is killed at
    // moments spread over a print, from the browser's start to the last page.
    const { book } = await typeset({ input: path.join(REPO, 'manuscript') });
    const textOf = async (pdf: Uint8Array) => {
      const file = path.join(tempDir(), 'book.pdf');
      writeFileSync(file, pdf);
      return await pdfText(file);
    };
    const whole = await renderPdf(book);
    // The span of a print once the first has warmed the caches, as each print below is.
    const started = Date.now();
    await renderPdf(book);
    const span = Date.now() - started;
    const text = await textOf(whole.pdf);
    const kills = { browser: killBrowser, renderer: () => killAll(rendererProcesses(process.pid)) };
    for (const [what, kill] of Object.entries(kills)) {
      for (const share of [0.1, 0.4, 0.7]) {
        const place = `${what} killed ${Math.round(share * 100)}% into the print`;
        const timer = setTimeout(kill, share * span);
        const result = await renderPdf(book, { logger: { info() {}, warn() {}, error() {} } });
        clearTimeout(timer);
        expect(result.pageLabels, place).toEqual(whole.pageLabels);
        expect(await textOf(result.pdf), place).toBe(text);
      }
    }
    expect(profiles(process.pid)).toEqual([]);
  }, 120_000);

  it('is reported as BROWSER_CRASHED with a hint when it dies again', async () => {
    const { book } = await typeset({ input: path.join(REPO, 'manuscript') });
    const error = await renderPdf(book, { onStage: (stage) => stage === 'prepare' && killBrowser() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleyError);
    expect((error as GalleyError).code).toBe('BROWSER_CRASHED');
    expect((error as GalleyError).hint).toMatch(/memory/);
    expect(profiles(process.pid)).toEqual([]);
  }, 90_000);
});
