/**
 * `galley build --watch` as an author runs it (bin/galley.js, a child process, a book in a temp
 * folder): it builds, builds again after a save with the new text in, keeps running after a
 * failed build and recovers on the next save, prints the book with one browser for the whole
 * session, and stops on Ctrl-C with 130, its browser gone and its profile removed — also when
 * Ctrl-C comes in the middle of printing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserProcesses, profiles } from './helpers/browser-processes.ts';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';
import { epubText } from './helpers/tools.ts';

const bin = path.join(REPO, 'bin', 'galley.js');

interface Watcher {
  child: ChildProcess;
  pid: number;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves once stderr has matched `pattern` `times` times. */
  until: (pattern: RegExp, times?: number, ms?: number) => Promise<void>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function watch(book: string, out: string): Watcher {
  const child = spawn(process.execPath, [bin, 'build', book, '--watch', '--out', out], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(child);
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const until = async (pattern: RegExp, times = 1, ms = 60_000) => {
    const end = Date.now() + ms;
    const count = () => text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    while (count() < times) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`waited for ${pattern} ×${times}; stderr:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, pid: child.pid as number, stderr: () => text, exit, until };
}

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (browserProcesses(pid).length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return browserProcesses(pid).length === 0;
}

function tempBook(): string {
  const book = path.join(tempDir(), 'book');
  cpSync(path.join(FIXTURES, 'books', 'folder'), book, { recursive: true });
  return book;
}

const BUILT = /^built in \d/;

describe.runIf(process.platform === 'linux')('galley build --watch', () => {
  it('builds again after each save, survives a failed build, keeps one browser, and stops on Ctrl-C', async () => {
    const book = tempBook();
    const out = tempDir();
    const chapter = path.join(book, '01-the-quay.md');
    const original = readFileSync(chapter, 'utf8');
    const w = watch(book, out);
    await w.until(BUILT);
    const epub = path.join(out, 'salt-roads.epub');
    expect(await epubText(epub)).not.toContain('Quillfeather');
    const browser = browserProcesses(w.pid);
    expect(browser.length, 'a browser runs between builds').toBeGreaterThan(0);

    appendFileSync(chapter, '\n\nThe harbourmaster was called Quillfeather.\n');
    await w.until(BUILT, 2);
    expect(await epubText(epub)).toContain('Quillfeather');

    // A save that breaks the book: the error with its place, and the watch goes on.
    appendFileSync(chapter, '\n![The chart](charts/none.png)\n');
    await w.until(/^the build failed; waiting for the next save/);
    expect(w.stderr()).toMatch(/^error .*01-the-quay\.md:\d+:1: image `charts\/none\.png` not found/m);
    expect(w.child.exitCode).toBeNull();

    writeFileSync(chapter, `${original}\n\nBy evening the boats were in, and Marrowgate slept.\n`);
    await w.until(BUILT, 3);
    const text = await epubText(epub);
    expect(text).toContain('Marrowgate');
    expect(text).not.toContain('Quillfeather');
    // The same browser printed every build.
    expect(browserProcesses(w.pid)).toEqual(expect.arrayContaining(browser));

    w.child.kill('SIGINT');
    expect(await w.exit).toBe(130);
    expect(w.stderr()).toMatch(/^stopped watching$/m);
    expect(await gone(w.pid), `still running: ${browserProcesses(w.pid)}`).toBe(true);
    expect(profiles(w.pid)).toEqual([]);
  }, 150_000);

  it('stops cleanly on Ctrl-C in the middle of printing', async () => {
    const w = watch(tempBook(), tempDir());
    await w.until(/^pdf\s+started$/);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(130);
    expect(await gone(w.pid)).toBe(true);
    expect(profiles(w.pid)).toEqual([]);
    // Stopping is not reported as a failed build.
    expect(w.stderr()).not.toMatch(/^error /m);
  }, 90_000);

  it('watches one book only', async () => {
    const child = spawn(process.execPath, [bin, 'build', tempBook(), tempBook(), '--watch'], { cwd: REPO, stdio: 'ignore' });
    running.push(child);
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
  }, 30_000);
});
