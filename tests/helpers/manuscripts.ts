/**
 * Generated manuscripts for the no-text-lost property test: Markdown, raw HTML (known, unknown
 * and left-open tags, elements a book cannot hold with words inside: manuscript-html.ts), scene
 * markers, notes, tables and definitions, joined with LF, CRLF, CR or a mix — in the chapters, and
 * in the Markdown of the front matter's metadata (dedication, epigraph, acknowledgements, about
 * the author), as block scalars. Each block knows the words a reader must find in the book, in
 * order, and whether the build must stop at it (and where: its line and column). Words are made
 * unique, so their order can be checked, and capitalised, as prose begins, so a drop cap joins
 * its word again.
 */
import fc from 'fast-check';
import { type Block, HTML, type Html, html, KEPT_FORMS, KEPT_VARIANTS, type KeptForm, kept } from './manuscript-html.ts';

export interface Manuscript {
  text: string;
  /** The text after the front matter (a chapter file of a folder). */
  body: string;
  /** Every word, in reading order. */
  words: string[];
  /** Where the build must stop (the first block that stops it), as `line:column`. */
  failsAt: string | undefined;
  eol: string;
  /** The metadata's Markdown keys, as YAML lines (after `title` and `author`), and their words before and after the chapters'. */
  metadata: { yaml: string[]; front: string[]; back: string[] };
}

/** Metadata keys whose values are Markdown, in the order the book sets them (front, then back matter). */
const METADATA_KEYS = ['dedication', 'epigraph', 'acknowledgements', 'about-the-author'] as const;
const BACK_KEYS = new Set(['acknowledgements', 'about-the-author']);

/** A unique four-letter word for each number (capitalised). */
export function word(n: number): string {
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  const syllable = (k: number) => `${c[k % 14]}${v[Math.floor(k / 14) % 5]}`;
  const w = syllable(n % 70) + syllable(Math.floor(n / 70) % 70);
  return w[0]?.toUpperCase() + w.slice(1);
}

const INLINE = [
  'plain',
  'em',
  'strong',
  'code',
  'link',
  'html-em',
  'span',
  'unknown-tag',
  'heart',
  'stray-lt',
  'comment',
  'script',
  'open-span',
  'open-a',
  'br',
  'quoted',
  'dash',
] as const;
type Inline = (typeof INLINE)[number];

const MARKERS = ['* * *', '***', '~~~', '~~~ ~~~', '~~~ * ~~~', '#', 'xXx', '§', '- - -'];
const TAGS = ['grin', 'sigh', 'wink', 'beat'];

type Spec =
  | { kind: 'paragraph'; inlines: Inline[]; lines: number }
  | { kind: 'heading'; depth: 1 | 2; size: number }
  | { kind: 'quote' | 'list'; size: number }
  | { kind: 'fence'; char: '`' | '~'; closed: boolean; size: number }
  | { kind: 'html'; html: Html }
  | { kind: 'kept'; form: KeptForm; variant: number }
  | { kind: 'marker'; marker: string }
  | { kind: 'table'; columns: number; rows: number[] }
  | { kind: 'footnote' | 'uncalled-note' | 'unused-link' | 'used-link' | 'comment-idiom' };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('paragraph' as const),
      inlines: fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 6 }),
      lines: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('heading' as const),
      depth: fc.constantFrom(1 as const, 2 as const),
      size: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('quote' as const, 'list' as const), size: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fence' as const),
      char: fc.constantFrom('`' as const, '~' as const),
      closed: fc.constantFrom(true, true, true, true, false),
      size: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('html' as const), html: fc.constantFrom(...HTML) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('kept' as const),
      form: fc.constantFrom(...KEPT_FORMS, 'inline', 'block'),
      variant: fc.nat({ max: KEPT_VARIANTS - 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('marker' as const), marker: fc.constantFrom(...MARKERS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('table' as const),
      columns: fc.integer({ min: 1, max: 3 }),
      rows: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'footnote' as const,
        'uncalled-note' as const,
        'unused-link' as const,
        'used-link' as const,
        'comment-idiom' as const,
      ),
    }),
  },
);

/** Markdown for each metadata key, or none (mostly none). */
const metadataSpecs = fc.record(
  Object.fromEntries(
    METADATA_KEYS.map((key) => [key, fc.option(fc.array(spec, { minLength: 1, maxLength: 3 }), { freq: 3 })]),
  ) as Record<(typeof METADATA_KEYS)[number], fc.Arbitrary<Spec[] | null>>,
);

export const manuscripts: fc.Arbitrary<Manuscript> = fc
  .record({
    blocks: fc.array(spec, { minLength: 1, maxLength: 14 }),
    metadata: metadataSpecs,
    eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    mix: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }),
  })
  .map(({ blocks, metadata, eol, mix }) =>
    render([{ kind: 'paragraph', inlines: ['plain'], lines: 1 }, ...blocks], metadata, eol, mix),
  );

function render(specs: Spec[], metadata: Record<string, Spec[] | null>, eol: string, mix: string[]): Manuscript {
  let n = 0;
  const next = () => word(n++);
  const lines = ['---', 'title: Generated', 'author: Galley Tests'];
  let failsAt: string | undefined;
  const fails = (b: Block, column = 0) => {
    if (b.failsAt !== undefined && failsAt === undefined) failsAt = `${lines.length + 1}:${b.failsAt + column}`;
  };
  // Each metadata value is a block scalar, its lines indented by two spaces; its notes end it.
  const meta = { yaml: [] as string[], front: [] as string[], back: [] as string[] };
  for (const [k, key] of METADATA_KEYS.entries()) {
    const value = metadata[key];
    if (!value) continue;
    const start = lines.length;
    lines.push(`${key}: |`);
    const words = BACK_KEYS.has(key) ? meta.back : meta.front;
    const notes: string[] = [];
    for (const [i, s] of value.entries()) {
      const b = block(s, next, 100 * (k + 1) + i);
      fails(b, 2);
      words.push(...b.words);
      notes.push(...b.notes);
      lines.push(...b.lines.map((line) => (line === '' ? '' : `  ${line}`)), '');
    }
    words.push(...notes);
    meta.yaml.push(...lines.slice(start));
  }
  lines.push('---', '');
  const front = lines.length;
  const words: string[] = [...meta.front];
  let notes: string[] = [];
  for (const [i, s] of specs.entries()) {
    const b = block(s, next, i);
    if (b.chapter) {
      words.push(...notes);
      notes = [];
    }
    fails(b);
    words.push(...b.words);
    notes.push(...b.notes);
    lines.push(...b.lines, '');
  }
  words.push(...notes, ...meta.back);
  const ends = eol === 'mixed' ? (i: number) => mix[i % mix.length] as string : () => eol;
  let text = '';
  let body = '';
  lines.forEach((line, i) => {
    if (i === front) body = text;
    // A CR, then an empty line ended by LF, would read as one CRLF: end that line with CRLF.
    const end = ends(i) === '\n' && line === '' && text.endsWith('\r') ? '\r\n' : ends(i);
    text += line + end;
  });
  const shownEol = eol === 'mixed' ? 'mixed' : JSON.stringify(eol);
  return { text, body: text.slice(body.length), words, failsAt, eol: shownEol, metadata: meta };
}

function block(s: Spec, next: () => string, index: number): Block {
  const some = (k: number) => Array.from({ length: k }, next);
  switch (s.kind) {
    case 'paragraph': {
      const lines: string[] = [];
      const words: string[] = [];
      for (let l = 0; l < s.lines; l++) {
        const parts = s.inlines.map((kind) => inline(kind, next));
        lines.push(parts.map((p) => p.text).join(' '));
        for (const p of parts) words.push(...p.words);
      }
      return { lines, words, notes: [] };
    }
    case 'heading': {
      const ws = some(s.size);
      return { lines: [`${'#'.repeat(s.depth)} ${ws.join(' ')}`], words: ws, notes: [], chapter: s.depth === 1 };
    }
    case 'quote':
    case 'list': {
      const ws = some(s.size);
      return { lines: ws.map((w) => (s.kind === 'quote' ? `> ${w}` : `- ${w}`)), words: ws, notes: [] };
    }
    case 'fence': {
      const ws = some(s.size);
      // Closed fences carry a language (their marks can close nothing else); an open one has more
      // backticks the earlier it stands (at least 5), so no later fence's line can close it.
      if (!s.closed) return { lines: ['`'.repeat(20 - (index % 100)), ...ws], words: [], notes: [], failsAt: 1 };
      const marks = s.char.repeat(3);
      return { lines: [`${marks}txt`, ...ws, marks], words: ws, notes: [] };
    }
    case 'marker':
      return { lines: [s.marker], words: [], notes: [] };
    case 'table': {
      const header = some(s.columns);
      const rows = s.rows.map((count) => some(count));
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const lines = [row(header), row(header.map(() => '---')), ...rows.map(row)];
      return { lines, words: [...header, ...rows.flat()], notes: [] };
    }
    case 'footnote': {
      const ws = some(2);
      const note = some(2);
      return { lines: [`${ws[0]}[^n${index}] ${ws[1]}`, '', `[^n${index}]: ${note.join(' ')}`], words: ws, notes: note };
    }
    case 'uncalled-note': {
      const ws = some(2);
      return { lines: [`[^u${index}]: ${ws.join(' ')}`], words: ws, notes: [] };
    }
    case 'unused-link': {
      const w = next();
      return { lines: [`[${w}]: https://example.com`], words: [w, 'https', 'example', 'com'], notes: [] };
    }
    case 'used-link': {
      const w = next();
      return { lines: [`A [${w}][l${index}] link.`, '', `[l${index}]: https://example.com`], words: ['A', w, 'link'], notes: [] };
    }
    case 'comment-idiom':
      return { lines: [`[//]: # (${next()})`], words: [], notes: [] };
    case 'html':
      return html(s.html, next, some);
    case 'kept':
      return kept(s.form, s.variant, next);
  }
}

function inline(kind: Inline, next: () => string): { text: string; words: string[] } {
  const w = next();
  switch (kind) {
    case 'plain':
      return { text: w, words: [w] };
    case 'em':
      return { text: `*${w}*`, words: [w] };
    case 'strong':
      return { text: `**${w}**`, words: [w] };
    case 'code':
      return { text: `\`${w}\``, words: [w] };
    case 'link':
      return { text: `[${w}](https://example.com/)`, words: [w] };
    case 'html-em':
      return { text: `<em>${w}</em>`, words: [w] };
    case 'span':
      return { text: `<span class="aside">${w}</span>`, words: [w] };
    case 'unknown-tag': {
      const tag = TAGS[w.charCodeAt(1) % TAGS.length] as string;
      return { text: `<${tag}> ${w}`, words: [tag, w] };
    }
    case 'heart':
      return { text: `${w} <3`, words: [w, '3'] };
    case 'stray-lt':
      return { text: `x <${w} then`, words: ['x', w, 'then'] };
    case 'comment':
      return { text: `${w} <!-- hidden -->`, words: [w] };
    case 'script':
      return { text: `${w} <script>run()</script>`, words: [w] };
    case 'open-span':
      return { text: `<span>${w}`, words: [w] };
    case 'open-a':
      return { text: `<a href="https://example.com/">${w}`, words: [w] };
    case 'br':
      return { text: `${w}<br>`, words: [w] };
    case 'quoted':
      return { text: `"${w}," he said`, words: [w, 'he', 'said'] };
    case 'dash': {
      const v = next();
      return { text: `${w} -- ${v}`, words: [w, v] };
    }
  }
}

/** Words for comparing: letters and digits apart (a note's call sticks to its word in a PDF), any case. */
export function words(text: string): string[] {
  return (text.normalize('NFKC').match(/\p{L}+|\p{N}+/gu) ?? []).map((w) => w.toLowerCase());
}

/** The first expected word not found after the ones before it (in order), or undefined. */
export function firstOutOfOrder(expected: string[], output: string[]): string | undefined {
  let at = 0;
  for (const [i, w] of expected.entries()) {
    const target = w.toLowerCase();
    while (at < output.length && output[at] !== target) at++;
    if (at === output.length) return `${w} (word ${i + 1} of ${expected.length})`;
    at++;
  }
  return undefined;
}
