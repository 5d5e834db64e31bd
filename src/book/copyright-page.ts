/**
 * The copyright page's lines, the same in print and the EPUB, in the book's language (its
 * table, src/i18n/): the title; the copyright line — the author's own `rights`, a book in the
 * public domain's line, or "Copyright © year holder." with "All rights reserved." unless a
 * licence says which rights are given; the licence; the publisher; "First published" with the
 * month and year as the language writes them; the print and ebook ISBNs, each labelled when the
 * book has both (or names which it is). A licence's name ("CC BY 4.0") and an ISBN never break
 * across lines: their spaces are no-break spaces, and a span keeps their hyphens together.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BookConfig } from '../config/schema.ts';
import { publicationDate } from '../i18n/dates.ts';
import { fill, type Texts, texts } from '../i18n/index.ts';

/** Typesets metadata's inline Markdown (front-matter.ts: each key once). */
export type Inline = (text: string, key: string) => ElementContent[];

/** The page's paragraphs, in order. */
export function copyrightLines(config: BookConfig, identifier: string, inline: Inline): Element[] {
  const t = texts(config.language);
  const licence = config.copyright.license;
  const lines: (Element | undefined)[] = [
    h('p', [h('em', inline(config.title, 'title')), ...(config.subtitle ? [': ', ...inline(config.subtitle, 'subtitle')] : [])]),
    h('p', config.rights ? keepLicenceNames(inline(config.rights, 'rights'), licence) : copyrightLine(config, t)),
    licence ? h('p', fillNodes(t.licence, { licence: [keepTogether(licence)] })) : undefined,
    config.publisher ? h('p', fillNodes(t.publishedBy, { publisher: inline(config.publisher, 'publisher') })) : undefined,
    config.date ? h('p', fill(t.firstPublished, { date: publicationDate(config.date, config.language) })) : undefined,
    ...isbnLines(config, identifier).map(({ isbn, edition }) =>
      h(
        'p.isbn',
        edition
          ? fillNodes(t.isbnLine, {
              isbn: [keepTogether(isbn)],
              edition: t[edition === 'print' ? 'printEdition' : 'ebookEdition'],
            })
          : ['ISBN ', keepTogether(isbn)],
      ),
    ),
  ];
  return lines.filter((line): line is Element => line !== undefined);
}

/**
 * The copyright line as plain text (the EPUB's `dc:rights`): the author's `rights`, or Galley's
 * line, with the licence's sentence after it.
 */
export function rightsText(config: BookConfig): string {
  if (config.rights) return config.rights;
  const t = texts(config.language);
  const licence = config.copyright.license;
  return [copyrightLine(config, t), licence ? fill(t.licence, { licence }) : ''].filter(Boolean).join(' ');
}

/** Galley's copyright line: the public domain's, or the holder's with the year (and the rights reserved, when no licence gives some). */
function copyrightLine(config: BookConfig, t: Texts): string {
  const { copyright } = config;
  if (copyright['public-domain']) return t.publicDomain;
  const year = copyright.year ?? (config.date ?? new Date().toISOString()).slice(0, 4);
  const holder = copyright.holder ?? authorNames(config).join(', ');
  const line = fill(t.copyright, { year, holder });
  return copyright.license ? line : `${line} ${t.allRightsReserved}`;
}

function authorNames(config: BookConfig): string[] {
  const authors = config.creators.filter((c) => c.role === 'aut');
  return (authors.length ? authors : config.creators).map((c) => c.name);
}

interface IsbnLine {
  isbn: string;
  /** Which edition it is, when the line says so. */
  edition: 'print' | 'ebook' | undefined;
}

/**
 * The ISBN lines: the print edition's (`isbn.print`, or `epub.print-isbn`), then the ebook's
 * (`isbn.ebook`, or an ISBN given as `isbn` or `identifier`). A lone ISBN given as `isbn` or
 * `identifier` is the book's, and its line names no edition.
 */
export function isbnLines(config: BookConfig, identifier: string): IsbnLine[] {
  const print = config.isbn?.print ?? config.epub['print-isbn'];
  const ebook = config.isbn?.ebook ?? (identifier.startsWith('urn:isbn:') ? config.identifier : undefined);
  const named = print !== undefined || config.isbn?.ebook !== undefined;
  return [
    ...(print ? [{ isbn: shown(print), edition: 'print' as const }] : []),
    ...(ebook ? [{ isbn: shown(ebook), edition: named ? ('ebook' as const) : undefined }] : []),
  ];
}

/** An ISBN as the author wrote it, without `ISBN` or `urn:isbn:` before it. */
function shown(isbn: string): string {
  return isbn
    .replace(/^\s*(?:urn:)?isbn(?:-1[03])?:?\s*/i, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Text that must stay on one line: no-break spaces, and a span that does not wrap (for its hyphens). */
export function keepTogether(text: string): Element {
  return h('span.nowrap', { style: 'white-space: nowrap' }, text.replace(/[ \t]+/g, '\u00a0'));
}

/** Names longer than this keep only the space before their version together ("… Attribution 4.0"). */
const LONGEST_KEPT = 32;
const CC_NAME = /\bCC0(?:[ \u00a0]+1\.0)?|\bCC[ \u00a0]+BY(?:-(?:NC|SA|ND))*(?:[ \u00a0]+\d\.\d)?/g;

/**
 * The author's own text with every licence name in it kept on one line: Creative Commons names
 * (`CC BY-SA 4.0`, `CC0 1.0`) and the book's `copyright.license`.
 */
export function keepLicenceNames(nodes: ElementContent[], licence: string | undefined): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: keepLicenceNames(node.children, licence) }];
    if (node.type !== 'text') return [node];
    const names = [CC_NAME, ...(licence ? [new RegExp(escapeRegExp(licence).replace(/\s+/g, '[ \\u00a0]+'), 'g')] : [])];
    const spans = names
      .flatMap((pattern) => [...node.value.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as const))
      .sort((a, b) => a[0] - b[0]);
    const out: ElementContent[] = [];
    let at = 0;
    for (const [start, end] of spans) {
      if (start < at) continue;
      if (start > at) out.push({ type: 'text', value: node.value.slice(at, start) });
      const name = node.value.slice(start, end);
      out.push(
        name.length <= LONGEST_KEPT ? keepTogether(name) : { type: 'text', value: name.replace(/[ \t]+(?=v?\d)/g, '\u00a0') },
      );
      at = end;
    }
    if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
    return out;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template filled with text or with nodes (typeset Markdown, kept-together spans). */
export function fillNodes(template: string, values: Readonly<Record<string, string | ElementContent[]>>): ElementContent[] {
  return template.split(/(\{\w+\})/).flatMap((part): ElementContent[] => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    if (slot === undefined) return part ? [{ type: 'text', value: part }] : [];
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for {${slot}} in “${template}”`);
    return typeof value === 'string' ? [{ type: 'text', value }] : value;
  });
}
