/**
 * What `galley build` prints as it goes, run as a newcomer runs it (bin/galley.js, stderr a pipe):
 * a line as each stage starts and as it ends, the browser, the PDF's page count (matching the
 * PDF), `--verbose` with the PDF's steps, `--quiet` with nothing but warnings and errors,
 * FORCE_COLOR and NO_COLOR, the print page's refused requests summed up (each with --verbose); and on a terminal (a pseudo-terminal made by `script`), the live
 * line with its page bar.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/core/build.ts';
import { atLevel, type Logger } from '../src/logger.ts';
import { type BrowserSession, launchBrowser } from '../src/output/browser.ts';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';

const bin = path.join(REPO, 'bin', 'galley.js');
const STRAY = path.join(FIXTURES, 'pipeline', 'scene-break-stray', 'input.md');

function galley(args: string[], env: Record<string, string | undefined> = {}) {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, ...env };
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: REPO,
    env: Object.fromEntries(Object.entries(clean).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STAGES = ['parse', 'typeset', 'pdf', 'epub', 'write'];
const STEPS = ['prepare', 'estimate', 'body', 'front', 'assemble'];
const ENDED = String.raw`\d+(\.\d+)? (ms|s)`;

/** Index of the first line matching, or -1. */
const at = (lines: string[], pattern: RegExp) => lines.findIndex((l) => pattern.test(l));

describe('galley build in a pipe', () => {
  let book: string;
  let out: string;
  let normal: ReturnType<typeof galley>;
  let verbose: ReturnType<typeof galley>;
  beforeAll(() => {
    book = path.join(tempDir(), 'book');
    cpSync(path.join(FIXTURES, 'books', 'folder'), book, { recursive: true });
    out = tempDir();
    normal = galley(['build', book, '--out', out]);
    verbose = galley(['build', book, '--out', tempDir(), '--verbose']);
  }, 120_000);

  it('prints a line when each stage starts and one when it ends, in order, with no carriage return or colour', () => {
    expect(normal.code, normal.stderr).toBe(0);
    expect(normal.stdout).toBe('');
    expect(normal.stderr).not.toContain('\r');
    expect(normal.stderr).not.toContain('\u001b');
    const lines = normal.stderr.split('\n');
    let last = -1;
    for (const stage of STAGES) {
      const start = at(lines, new RegExp(`^${stage}\\s+started$`));
      const end = at(lines, new RegExp(`^${stage}\\s+${ENDED}$`));
      expect(start, `${stage} starts`).toBeGreaterThan(last);
      expect(end, `${stage} ends after it starts`).toBeGreaterThan(start);
      last = end;
    }
    // The steps are --verbose's.
    expect(at(lines, /^ {2}prepare/)).toBe(-1);
  });

  it('names the browser and gives the page count, as the PDF has it, roman then arabic', async () => {
    const lines = normal.stderr.split('\n');
    expect(at(lines, /^browser \S+\/\d+[\d.]* \(.+\)$/)).toBeGreaterThan(-1);
    const count = lines.find((l) => /^pdf\s+\d+ pages? \(/.test(l)) ?? '';
    const match = /^pdf\s+(\d+) pages \(i–([ivxlc]+), 1–(\d+)\)$/.exec(count);
    expect(match, count).not.toBeNull();
    const pdf = await PDFDocument.load(readFileSync(path.join(out, 'salt-roads.pdf')));
    const [, total, , last] = match as RegExpExecArray;
    expect(Number(total)).toBe(pdf.getPageCount());
    const roman = Number(total) - Number(last);
    expect(roman).toBeGreaterThan(0);
  });

  it('with --verbose, also each step of the PDF as it starts and ends', () => {
    expect(verbose.code, verbose.stderr).toBe(0);
    const lines = verbose.stderr.split('\n');
    const pdfStart = at(lines, /^pdf\s+started$/);
    const pdfEnd = at(lines, new RegExp(`^pdf\\s+${ENDED}$`));
    let last = pdfStart;
    for (const step of STEPS) {
      const start = at(lines, new RegExp(`^ {2}${step}\\s+started$`));
      const end = at(lines, new RegExp(`^ {2}${step}\\s+${ENDED}$`));
      expect(start, `${step} starts`).toBeGreaterThan(last);
      expect(end, `${step} ends`).toBeGreaterThan(start);
      last = end;
    }
    expect(pdfEnd).toBeGreaterThan(last);
  });
});

describe('--quiet', () => {
  it('prints nothing on a build that has nothing to report', () => {
    const result = galley([
      'build',
      path.join(FIXTURES, 'books', 'single-file.md'),
      '--out',
      tempDir(),
      '--format',
      'epub',
      '-q',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
  });

  it('keeps the warnings, and an error with what to do', () => {
    const warned = galley(['build', STRAY, '--out', tempDir(), '--format', 'epub', '--title', 'T', '--author', 'A', '--quiet']);
    expect(warned.code).toBe(0);
    const lines = warned.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^warning .*scene\/stray-break/);
    const failed = galley(['build', path.join(tempDir(), 'nothing-here'), '--format', 'epub', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error .*no such file or folder\n {2}\S/);
  });

  it('cannot be given with --verbose', () => {
    expect(galley(['build', '--quiet', '--verbose', '--format', 'epub']).code).toBe(2);
  });
});

describe('colour', () => {
  const yellow = '\u001b[33mwarning\u001b[39m';
  const check = (env: Record<string, string>) => galley(['check', STRAY, '--title', 'T', '--author', 'A'], env).stderr;

  it('is on with FORCE_COLOR even in a pipe, which still gets plain lines', () => {
    const forced = galley(['build', STRAY, '--out', tempDir(), '--format', 'epub', '--title', 'T', '--author', 'A'], {
      FORCE_COLOR: '1',
    }).stderr;
    expect(forced).toContain(yellow);
    expect(forced).not.toContain('\r');
    expect(forced).toMatch(/^parse\s+started$/m);
  });

  it('is off in a pipe, and with NO_COLOR or FORCE_COLOR=0; FORCE_COLOR wins over NO_COLOR', () => {
    const plain = check({});
    expect(plain).toMatch(/^warning /m);
    expect(plain).not.toContain('\u001b');
    expect(check({ NO_COLOR: '1' })).not.toContain('\u001b');
    expect(check({ FORCE_COLOR: '0' })).not.toContain('\u001b');
    expect(check({ FORCE_COLOR: '1', NO_COLOR: '1' })).toContain(yellow);
  });
});

describe('requests the print page was refused', () => {
  it('are one warning with the count and the first, and each one with --verbose', async () => {
    const real = await launchBrowser();
    const refused = ['https://fonts.example.invalid/a.css', 'https://fonts.example.invalid/b.woff2'];
    // The browser as it is, with two outside requests refused on the book's first page.
    let first = true;
    const session: BrowserSession = {
      blocked: real.blocked,
      description: real.description,
      open(html, resolve, blocked) {
        if (first) blocked?.push(...refused);
        first = false;
        return real.open(html, resolve, blocked);
      },
      close: () => real.close(),
    };
    try {
      const lines: string[] = [];
      const caller: Logger = {
        info: () => undefined,
        warn: (m) => lines.push(`warning ${m}`),
        error: (m) => lines.push(`error ${m}`),
        debug: (m) => lines.push(`debug ${m}`),
      };
      const input = path.join(FIXTURES, 'books', 'single-file.md');
      for (const level of ['normal', 'verbose'] as const) {
        first = true;
        lines.length = 0;
        await build({ input, out: tempDir(), formats: ['pdf'], session, logger: atLevel(caller, level) });
        const blocked = lines.filter((l) => l.includes('blocked'));
        if (level === 'normal') {
          expect(blocked).toEqual([
            `warning blocked 2 requests from the print page (the first: ${refused[0]}); --verbose lists each`,
          ]);
        } else {
          expect(blocked).toEqual([
            `warning blocked 2 requests from the print page (the first: ${refused[0]}); --verbose lists each`,
            ...refused.map((url) => `debug blocked a request from the print page: ${url}`),
          ]);
        }
      }
    } finally {
      await session.close();
    }
  }, 60_000);
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.runIf(hasScript && process.platform === 'linux')('on a terminal', () => {
  it('redraws one live line with a bar of the PDF’s pages, and leaves a line as each stage ends', () => {
    const book = path.join(tempDir(), 'book');
    cpSync(path.join(FIXTURES, 'books', 'folder'), book, { recursive: true });
    const command = `stty cols 100; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} build ${JSON.stringify(book)} --out ${JSON.stringify(tempDir())}`;
    const env = { ...process.env, TERM: 'xterm' } as NodeJS.ProcessEnv;
    delete env.CI;
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env, timeout: 120_000 });
    expect(result.status, result.stdout).toBe(0);
    const CLEAR = '\r\u001b[2K';
    expect(result.stdout).toContain(CLEAR);
    expect(result.stdout).toMatch(/pdf {5}[█░]{20} {2}\d+ (of about \d+ )?pages/);
    // What stays on the screen: each stage's end line, and no start line.
    const screen = result.stdout
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => line.split(CLEAR).at(-1) ?? '');
    for (const stage of STAGES)
      expect(
        screen.some((l) => new RegExp(`^${stage}\\s+${ENDED}$`).test(l)),
        stage,
      ).toBe(true);
    expect(screen.some((l) => /started$/.test(l))).toBe(false);
    expect(screen.some((l) => /^pdf\s+\d+ pages \(/.test(l))).toBe(true);
  }, 120_000);
});
