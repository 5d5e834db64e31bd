/**
 * The body measured in its loaded print page, for set-lines.ts:
 *
 * 1. lines-measure.js (with lines-tokens.js, and notes-measure.js for page footnotes) is
 *    installed in the page, and every section is asked for at once: the page measures them one
 *    after another, and each comes back (its units, and its page notes with their lines) while the
 *    next is measured, so the lines of one are broken while the page measures the next.
 * 2. Each section comes as JSON text, with the tokens first used in it; every distinct token is
 *    decoded once, and shared by every place it stands (tokens are never changed).
 * 3. Whether a face the canvas lacked was asked for (then every width must be measured again)
 *    is asked at once too, so that the page knows before any line is cut (lines-cut.js).
 */
import type { BookPage } from '../browser.ts';
import type { Token } from './linebreak/index.ts';
import type { MeasuredNote } from './page-notes.ts';
import { pageScript, runScript } from './page-script.ts';

const MEASURE = pageScript('lines-measure.js');
const TOKENS = pageScript('lines-tokens.js');
const NOTES = pageScript('notes-measure.js');

export interface MeasuredUnit {
  kind: 'text' | 'solid';
  id: number;
  gap: number;
  height: number;
  keepNext: boolean;
  keepTogether?: boolean;
  line?: number;
  padding?: number;
  minHeight?: number;
  justify?: boolean;
  pre?: boolean;
  width?: number;
  indent?: number;
  float?: { width: number; lines: number };
  /** Note calls: the token each stands in, and the note's id. */
  calls?: Array<[number, string]>;
  /** As the page sends them (lines-measure.js): indices into its `words`; `tokens` once decoded. */
  sent?: number[] | undefined;
  tokens?: Token[];
}

/** A section as the page measures it (lines-measure.js), sent as JSON text with the tokens first used in it. */
export interface MeasuredSection {
  units: MeasuredUnit[];
  /** Its page notes (notes-measure.js), with their lines. */
  notes: MeasuredNote[];
}

/** A token as sent (lines-tokens.js): [0, word (soft hyphens between pieces), width, hyphen, ...piece widths], [1, space], [2] break after, [3] newline. */
type SentToken = [0, string, number, number, ...number[]] | [1, number] | [2] | [3];

/** A space's glue: its stretch and shrink, as fractions of its width. */
export interface SpaceGlue {
  stretch: number;
  shrink: number;
}

function decode(t: SentToken, glue: SpaceGlue): Token {
  switch (t[0]) {
    case 0: {
      const [, typed, width, hyphenWidth, ...widths] = t;
      const texts = typed.split('\u00ad');
      return {
        kind: 'word',
        text: texts.join(''),
        width,
        hyphenWidth,
        pieces: texts.map((text, i) => ({ text, width: widths[i] ?? 0 })),
      };
    }
    case 1:
      return { kind: 'space', width: t[1], stretch: t[1] * glue.stretch, shrink: t[1] * glue.shrink };
    case 2:
      return { kind: 'break-after' };
    default:
      return { kind: 'newline' };
  }
}

export interface Measuring {
  /**
   * The sections in order, their units' tokens decoded (each distinct token once, shared by every
   * place it stands: tokens are never changed); `done` is called as each has been dealt with.
   */
  sections(done: () => void): AsyncGenerator<[number, MeasuredSection]>;
  /** Whether the canvas lacked a face (now loaded), so that every width must be measured again. */
  again(): Promise<boolean>;
}

/**
 * Measures the body's sections in the page (lines-measure.js): all are asked for at once, so the
 * page measures the next while the lines of one are broken here.
 */
export async function measureSections(
  page: BookPage,
  options: { footnotes: boolean; pageHeight: number },
  glue: SpaceGlue,
): Promise<Measuring> {
  const count = await runScript<number>(page, MEASURE, options, TOKENS, NOTES);
  const replies = Array.from({ length: count }, (_, k) => page.evaluate<string>(`window.galleyMeasure.section(${k})`));
  // Asked now, so the page knows before any lines are cut (lines-cut.js) whether they may be.
  const again = page.evaluate<boolean>('window.galleyMeasure.finish()');
  // Each is awaited in turn below; one left when the makeup fails must not go unhandled.
  for (const reply of [...replies, again]) reply.catch(() => undefined);
  const words: Token[] = [];
  return {
    async *sections(done) {
      for (const [k, reply] of replies.entries()) {
        const sent = JSON.parse(await reply) as MeasuredSection & { words: SentToken[] };
        for (const token of sent.words) words.push(decode(token, glue));
        for (const unit of sent.units) {
          if (unit.sent) unit.tokens = unit.sent.map((i) => words[i] as Token);
          unit.sent = undefined;
        }
        yield [k, { units: sent.units, notes: sent.notes }];
        done();
      }
    },
    again: () => again,
  };
}
