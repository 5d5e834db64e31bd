/**
 * How progress reads, without a build: colour from FORCE_COLOR and NO_COLOR as Node decides it,
 * plain lines that never hold a carriage return or an escape code, the live line that is redrawn
 * in place and never wider than the terminal, the page bar, and the page count line.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLevel, createLogger, type Logger, type ProgressEvent } from '../src/logger.ts';
import { useColor, useLiveProgress } from '../src/terminal/color.ts';
import { bar, pageSummary, statusLine } from '../src/terminal/format.ts';
import { liveView, plainView } from '../src/terminal/progress.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colour', () => {
  it('follows FORCE_COLOR over NO_COLOR, then NO_COLOR, then the terminal', () => {
    const cases: [Record<string, string>, { isTTY: boolean }, boolean][] = [
      [{}, tty, true],
      [{}, pipe, false],
      [{ TERM: 'dumb' }, tty, false],
      [{ NO_COLOR: '1' }, tty, false],
      [{ NO_COLOR: '' }, tty, true],
      [{ FORCE_COLOR: '1' }, pipe, true],
      [{ FORCE_COLOR: '' }, pipe, true],
      [{ FORCE_COLOR: '2' }, pipe, true],
      [{ FORCE_COLOR: '3' }, pipe, true],
      [{ FORCE_COLOR: 'true' }, pipe, true],
      [{ FORCE_COLOR: '0' }, tty, false],
      [{ FORCE_COLOR: 'false' }, tty, false],
      [{ FORCE_COLOR: '1', NO_COLOR: '1' }, pipe, true],
      [{ FORCE_COLOR: '0', NO_COLOR: '1' }, tty, false],
    ];
    for (const [env, stream, expected] of cases) expect(useColor(stream, env), JSON.stringify(env)).toBe(expected);
  });

  it('draws a live line only on a terminal that is not dumb, outside CI', () => {
    expect(useLiveProgress(tty, {})).toBe(true);
    expect(useLiveProgress(pipe, {})).toBe(false);
    expect(useLiveProgress(tty, { CI: 'true' })).toBe(false);
    expect(useLiveProgress(tty, { CI: '1' })).toBe(false);
    expect(useLiveProgress(tty, { CI: 'false' })).toBe(true);
    expect(useLiveProgress(tty, { TERM: 'dumb' })).toBe(false);
    // Colour forced on does not make a pipe a terminal.
    expect(useLiveProgress(pipe, { FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('the page count', () => {
  it('gives the count and each run of roman and arabic folios', () => {
    const labels = [...['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']];
    for (let i = 1; i <= 300; i++) labels.push(String(i));
    expect(pageSummary(labels)).toBe('312 pages (i–xii, 1–300)');
    expect(pageSummary(['1'])).toBe('1 page (1)');
    expect(pageSummary(['i', 'ii', '1', '2', '3'])).toBe('5 pages (i–ii, 1–3)');
    const long = Array.from({ length: 1500 }, (_, i) => String(i + 1));
    expect(pageSummary(long)).toBe('1,500 pages (1–1500)');
  });
});

describe('the bar and the live line', () => {
  it('fills the bar in proportion, within its width', () => {
    expect(bar(0, 100, 10)).toBe('░'.repeat(10));
    expect(bar(50, 100, 10)).toBe(`${'█'.repeat(5)}${'░'.repeat(5)}`);
    expect(bar(100, 100, 10)).toBe('█'.repeat(10));
    expect(bar(150, 100, 10)).toBe('█'.repeat(10));
    expect(bar(3, 0, 4)).toBe('░'.repeat(4));
  });

  it('says the pages so far and the step, and is never wider than the terminal', () => {
    expect(statusLine({ stage: 'pdf', step: 'body', elapsed: 3400, pages: { done: 120, total: 312 }, columns: 120 })).toBe(
      `pdf     ${bar(120, 312, 20)}  120 of about 312 pages  body  3.4 s`,
    );
    expect(statusLine({ stage: 'pdf', elapsed: 9000, pages: { done: 312, total: 312 }, columns: 120 })).toMatch(
      /312 pages {2}9\.0 s$/,
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.nat(100_000),
        fc.nat(100_000),
        fc.integer({ min: 1, max: 300 }),
        (stage, done, total, columns) => {
          const line = statusLine({ stage, step: 'front', elapsed: done, pages: { done, total }, columns });
          expect([...line].length).toBeLessThanOrEqual(Math.max(10, columns - 1));
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});

const events: fc.Arbitrary<ProgressEvent[]> = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('start' as const), stage: fc.constantFrom('parse', 'pdf', 'body'), step: fc.boolean() }),
    fc.record({
      type: fc.constant('end' as const),
      stage: fc.constantFrom('parse', 'pdf', 'body'),
      ms: fc.nat(100_000),
      step: fc.boolean(),
      failed: fc.boolean(),
    }),
    fc.record({ type: fc.constant('pages' as const), stage: fc.constant('pdf'), done: fc.nat(2000), total: fc.nat(2000) }),
  ),
  { maxLength: 30 },
);

describe('plain lines (pipes and CI)', () => {
  it('print a line as each stage starts and ends, never a carriage return or an escape code', () => {
    let out = '';
    const view = plainView({ write: (t) => (out += t), steps: false });
    view.event({ type: 'start', stage: 'parse' });
    view.event({ type: 'end', stage: 'parse', ms: 12 });
    view.event({ type: 'start', stage: 'pdf' });
    view.event({ type: 'start', stage: 'body', step: true });
    view.event({ type: 'pages', stage: 'pdf', done: 0, total: 310 });
    view.event({ type: 'pages', stage: 'pdf', done: 400, total: 1210 });
    view.event({ type: 'end', stage: 'body', ms: 2000, step: true });
    view.event({ type: 'pages', stage: 'pdf', done: 1200, total: 1200 });
    view.event({ type: 'end', stage: 'pdf', ms: 4210, failed: true });
    expect(out).toBe(
      [
        'parse   started',
        'parse   12 ms',
        'pdf     started',
        'pdf     400 of about 1,210 pages',
        'pdf     failed after 4.21 s',
        '',
      ].join('\n'),
    );
    fc.assert(
      fc.property(events, fc.boolean(), (list, steps) => {
        let text = '';
        const v = plainView({ write: (t) => (text += t), steps });
        for (const e of list) v.event(e);
        expect(text.includes('\r') || text.includes('\u001b')).toBe(false);
        expect(text === '' || text.endsWith('\n')).toBe(true);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('show the steps only when asked (--verbose)', () => {
    let out = '';
    const view = plainView({ write: (t) => (out += t), steps: true });
    view.event({ type: 'start', stage: 'prepare', step: true });
    view.event({ type: 'end', stage: 'prepare', ms: 812, step: true });
    expect(out).toBe('  prepare   started\n  prepare   812 ms\n');
  });
});

describe('the live line (a terminal)', () => {
  it('redraws the running stage in place and leaves one line when it ends', () => {
    let out = '';
    let now = 0;
    const view = liveView({ write: (t) => (out += t), steps: false, columns: () => 100, interval: 0, now: () => now });
    view.event({ type: 'start', stage: 'pdf' });
    view.event({ type: 'start', stage: 'body', step: true });
    now = 1500;
    view.event({ type: 'pages', stage: 'pdf', done: 0, total: 312 });
    view.line('warning something to look at');
    now = 4000;
    view.event({ type: 'pages', stage: 'pdf', done: 312, total: 312 });
    view.event({ type: 'end', stage: 'pdf', ms: 4000 });
    const CLEAR = '\r\u001b[2K';
    // The screen as a terminal shows it: each clear wipes the line being drawn.
    const screen = out
      .split('\n')
      .map((line) => line.split(CLEAR).at(-1))
      .join('\n');
    expect(screen).toBe(['warning something to look at', 'pdf     4.00 s', ''].join('\n'));
    expect(out).toContain(`${CLEAR}pdf     body  0.0 s`);
    expect(out).toContain(`0 of about 312 pages  body  1.5 s`);
    expect(out).toContain(`${bar(312, 312, 20)}  312 pages  body  4.0 s`);
  });

  it('keeps every line the stages and warnings print, whatever the order of events', () => {
    fc.assert(
      fc.property(
        events,
        fc.array(fc.string({ minLength: 1, maxLength: 5 }).map((s) => [...s].map((c) => (c < ' ' ? 'x' : c)).join(''))),
        (list, notes) => {
          let out = '';
          const view = liveView({ write: (t) => (out += t), steps: true, columns: () => 60, interval: 0 });
          const expected: string[] = [];
          list.forEach((e, i) => {
            view.event(e);
            if (e.type === 'end') expected.push(e.stage);
            const note = notes[i];
            if (note) {
              view.line(`note ${note}`);
              expected.push(`note ${note}`);
            }
          });
          const lines = out
            .split('\n')
            .slice(0, -1)
            .map((line) => line.split('\r\u001b[2K').at(-1) ?? '');
          expect(lines.length).toBe(expected.length);
          for (const [i, line] of lines.entries()) expect(line).toContain((expected[i] as string).trim());
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });
});

describe('levels', () => {
  const sink = () => {
    let text = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };

  it('quiet keeps only warnings and errors; normal drops the details; verbose keeps all', () => {
    for (const [level, expected] of [
      ['quiet', 'warning w\nerror e\n'],
      ['normal', 'parse   started\ni\nwarning w\nerror e\n'],
      ['verbose', 'parse   started\ni\nwarning w\nerror e\nd\n'],
    ] as const) {
      const { stream, text } = sink();
      const logger = createLogger({ stream, level, color: false, progress: 'lines' });
      logger.progress?.({ type: 'start', stage: 'parse' });
      logger.info('i');
      logger.warn('w');
      logger.error('e');
      logger.debug?.('d');
      expect(text(), level).toBe(expected);
    }
  });

  it('puts a caller’s logger at a level', () => {
    const lines: string[] = [];
    const caller: Logger = {
      info: (m) => lines.push(`i ${m}`),
      warn: (m) => lines.push(`w ${m}`),
      error: (m) => lines.push(`e ${m}`),
    };
    const quiet = atLevel(caller, 'quiet');
    quiet.info('x');
    quiet.warn('y');
    quiet.debug?.('z');
    expect(lines).toEqual(['w y']);
    expect(quiet.progress).toBeUndefined();
  });
});
