/**
 * remark plugin: the typographic pass. Every block of text (paragraph, heading, table cell, image
 * description) is read as one string across its inline nodes and set as a careful edition would:
 * curly quotes and apostrophes decided by real pairing, dashes, number ranges, ellipses, primes,
 * and clean spaces (see typography/scan.ts and typography/quotes.ts for the rules). Code, URLs
 * and raw HTML are left as written.
 *
 * With `recordFixes`, every change is listed on `file.data.typographyFixes` with its place (for
 * `galley check --fixes`); with `report`, marks it could not pair or decide become messages on
 * the file. Both cost nothing when off.
 */
import type { Image, List, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { applyEdits, type Block, collectBlock, segmentAt } from './typography/block.ts';
import { isSpace, quoteKind } from './typography/chars.ts';
import { Edits, type FixRule } from './typography/edits.ts';
import { SourcePlaces } from './typography/places.ts';
import { quoteContext } from './typography/quote-context.ts';
import { type Neighbours, type Outcome, type QuoteProblem, QuoteResolver } from './typography/quotes.ts';
import { Scanner } from './typography/scan.ts';
import { resolveSettings, type Settings, type TypographyOptions } from './typography/settings.ts';
import { Ctx, Hint, QuoteTokens } from './typography/tokens.ts';

export type { TypographyOptions } from './typography/settings.ts';

/** One change the typographic pass made. */
export interface TypographyFix {
  place: Point | undefined;
  rule: FixRule;
  /** The text as written. */
  from: string;
  /** What it became. */
  to: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Every change of the typographic pass, in reading order (only with `recordFixes`). */
    typographyFixes: TypographyFix[];
  }
}

const SKIPPED = new Set(['code', 'html', 'yaml', 'thematicBreak', 'definition', 'math']);

export const remarkTypography: Plugin<[TypographyOptions?], Root> = (options = {}) => {
  const settings = resolveSettings(options);
  return (tree, file) => {
    new TypographyPass(settings, file).run(tree);
  };
};

/** The pass over one file: the scanner, the resolver and their buffers, reused for every block. */
class TypographyPass {
  private readonly scanner: Scanner;
  private readonly resolver: QuoteResolver;
  private readonly edits = new Edits();
  private readonly tokens = new QuoteTokens();
  private readonly problems: QuoteProblem[] = [];
  private places: SourcePlaces | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly file: VFile,
  ) {
    this.scanner = new Scanner(settings);
    this.resolver = new QuoteResolver(settings);
    if (settings.recordFixes) file.data.typographyFixes ??= [];
  }

  run(tree: Root): void {
    if (this.settings.dashes) this.signatures(tree);
    const parents: Parent[] = [];
    gather(tree, parents);
    this.scanner.doubleHyphenRanges = !parents.some(hasHyphenRange);
    const images: Image[] = [];
    let next = parents.length > 0 ? collectBlock(parents[0] as Parent, images) : undefined;
    let previousLeftOpen = false;
    // An opening quote never closed in its paragraph: reported unless a later paragraph closes it.
    let pending: { block: Block; pos: number } | undefined;
    for (let b = 0; b < parents.length; b++) {
      const block = next as Block;
      next = b + 1 < parents.length ? collectBlock(parents[b + 1] as Parent, images) : undefined;
      const outcome = this.block(block, {
        nextOpening: next ? leadingMarks(next.text, this.tokens, this.settings.primes) : NONE,
        previousLeftOpen,
      });
      if (!outcome) continue;
      if (pending && (outcome.closedEarlier || outcome.hasDouble)) {
        if (!outcome.closedEarlier) this.unclosed(pending.block, pending.pos);
        pending = undefined;
      }
      if (outcome.unclosedAt >= 0) pending = { block, pos: outcome.unclosedAt };
      previousLeftOpen = outcome.leftOpen;
    }
    if (pending) this.unclosed(pending.block, pending.pos);
    for (const image of images) this.alt(image);
  }

  /** Sets one block; returns what it leaves open for the next (undefined when it has no quote marks). */
  private block(block: Block, neighbours: Neighbours, report = this.settings.report): Outcome | undefined {
    const edits = this.edits;
    const tokens = this.tokens;
    const settings = this.settings;
    edits.clear();
    tokens.clear();
    this.scanner.scan(block.text, edits, tokens, block.html);
    let outcome: Outcome | undefined;
    if (tokens.length > 0) {
      const problems = report ? this.problems : undefined;
      if (problems) problems.length = 0;
      outcome = this.resolver.resolve(block.text, tokens, edits, neighbours, problems);
      if (problems) for (const p of problems) this.message(block, p);
    }
    if (edits.length > 0) {
      if (settings.recordFixes) this.record(block);
      applyEdits(block, edits);
    }
    return outcome;
  }

  private unclosed(block: Block, pos: number): void {
    if (!this.settings.report || !this.settings.quotes) return;
    const message = 'Opening quote is never closed, and the next paragraph does not continue the quotation';
    this.message(block, { pos, rule: 'typo/unmatched-quote', message });
  }

  /** An image's description, set like a block of its own. */
  private alt(image: Image): void {
    if (!image.alt) return;
    const node: Text = { type: 'text', value: image.alt };
    const holder: Paragraph = { type: 'paragraph', children: [node] };
    if (image.position) holder.position = image.position;
    const alone = { nextOpening: NONE, previousLeftOpen: false };
    this.block(collectBlock(holder, []), alone, false);
    image.alt = node.value;
  }

  private placeOf(block: Block, pos: number): Point | undefined {
    const segment = segmentAt(block, pos);
    if (!segment?.node) return block.parent.position?.start;
    this.places ??= new SourcePlaces(this.file);
    return this.places.of(segment.node, segment.offset + (pos - segment.start)) ?? block.parent.position?.start;
  }

  /** Lists the block's edits; touching edits of one rule (` -- ` → `—`) are listed as one. */
  private record(block: Block): void {
    const { edits } = this;
    edits.dropNoOps(block.text);
    const fixes = this.file.data.typographyFixes as TypographyFix[];
    for (let e = 0; e < edits.length; ) {
      const from = edits.from[e] as number;
      const rule = edits.rule[e] as FixRule;
      let to = edits.to[e] as number;
      let text = edits.text[e] as string;
      for (e++; e < edits.length && edits.from[e] === to && edits.rule[e] === rule; e++) {
        text += edits.text[e] as string;
        to = edits.to[e] as number;
      }
      fixes.push({ place: this.placeOf(block, from), rule, from: block.text.slice(from, to), to: text });
    }
  }

  private message(block: Block, problem: QuoteProblem): void {
    const place = this.placeOf(block, problem.pos);
    this.file.message(problem.message, { ...(place ? { place } : {}), ruleId: problem.rule, source: 'galley' });
  }

  /**
   * A one-item list whose item is a short name, typed `- M` on a line of its own under a letter,
   * is a signature, not a list: it becomes the paragraph `— M`.
   */
  private signatures(tree: Root): void {
    const source = String(this.file.value);
    tree.children = tree.children.map((node) => {
      const text = signatureText(node, source);
      if (!text) return node;
      const paragraph: Paragraph = { type: 'paragraph', children: [{ ...text, value: `— ${text.value}` }] };
      if (node.position) paragraph.position = node.position;
      if (this.settings.recordFixes) {
        this.file.data.typographyFixes?.push({ place: node.position?.start, rule: 'dash', from: '-', to: '—' });
      }
      return paragraph;
    });
  }
}

function gather(parent: Parent, out: Parent[]): void {
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') {
      if (child.children.length > 0) out.push(child);
    } else if (!SKIPPED.has(child.type) && 'children' in child) {
      gather(child as Parent, out);
    }
  }
}

/** A number range typed with one hyphen (`1805-6`, `pages 10-20`): the book's convention for ranges. */
const HYPHEN_RANGE = /(?:^|[^\p{L}\p{N}.\-/])(\d{1,4})-(\d{1,4})(?![\p{N}\-/])/gu;

function hasHyphenRange(parent: Parent): boolean {
  return (parent.children as RootContent[]).some((child) => {
    if (child.type !== 'text') return 'children' in child && hasHyphenRange(child as Parent);
    if (!child.value.includes('-')) return false;
    // Not a telephone number (555-1234).
    for (const m of child.value.matchAll(HYPHEN_RANGE)) if (!(m[1]?.length === 3 && m[2]?.length === 4)) return true;
    return false;
  });
}

const NONE: readonly number[] = [];

/**
 * The kinds of the quote marks a block opens quotations with (`"'Well` → DOUBLE, SINGLE), spaces
 * between them allowed. A mark that is an apostrophe (`'Twas`, `'95`) opens nothing: a quotation
 * left open before it does not run on, and the paragraph before keeps its own reading.
 */
function leadingMarks(text: string, tokens: QuoteTokens, primes: boolean): number[] {
  const kinds: number[] = [];
  tokens.clear();
  for (let k = 0; k < text.length && kinds.length < 4; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) continue;
    const kind = quoteKind(c);
    if (kind < 0 || c === 0xbb || c === 0x201d) break;
    const ctx = quoteContext(text, k, kind, tokens, primes);
    if (ctx === Ctx.Apostrophe || ctx === Ctx.SoftElision || ctx === Ctx.Prime) break;
    tokens.push(k, kind, ctx, Hint.None);
    kinds.push(kind);
  }
  tokens.clear();
  return kinds;
}

const SIGNATURE = /^\p{Lu}[\p{L}.’' -]{0,24}$/u;

function signatureText(node: RootContent, source: string): Text | undefined {
  if (node.type !== 'list' || (node as List).ordered || node.children.length !== 1) return undefined;
  const item = node.children[0];
  const paragraph = item?.children.length === 1 ? item.children[0] : undefined;
  if (paragraph?.type !== 'paragraph' || paragraph.children.length !== 1) return undefined;
  const text = paragraph.children[0];
  if (text?.type !== 'text' || !SIGNATURE.test(text.value) || text.value.split(' ').length > 3) return undefined;
  const offset = node.position?.start.offset;
  return offset !== undefined && source[offset] === '-' ? text : undefined;
}
