/**
 * Reads a .docx: its parts are settled first (tracked changes and comments, text boxes and other
 * objects, scene and page breaks, all as xast edits with a note for each thing changed), then
 * mammoth turns Word's styles into HTML through a style map — Title, Subtitle and Author to
 * metadata, Heading 1–6, Quote and Block Text to block quotes, small caps, underline as italics,
 * footnotes and endnotes — and the pictures are kept for the book's `images/` folder. The words of
 * the settled document are then compared with the HTML's, so a word mammoth dropped is reported.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { SKIP, visit } from 'unist-util-visit';
import type { Root as XmlRoot } from 'xast';
import { probeImage } from '../book/raster.ts';
import { markBreaks, PAGE_BREAK_STYLE, SCENE_BREAK_STYLE } from './docx-breaks.ts';
import { carryObjects } from './docx-objects.ts';
import { openWordPackage, repack, type WordPackage } from './docx-package.ts';
import { type ChangesDecision, settleRevisions } from './docx-revisions.ts';
import {
  IMAGE_PROBLEM,
  type ImportedDocument,
  type ImportedImage,
  type ImportedMeta,
  languageTag,
  PAGE_BREAK_CLASS,
  SCENE_BREAK_CLASS,
} from './imported.ts';
import { extractNotes, NOTE_REF } from './notes.ts';
import { excerpt, type ImportProblem, para } from './problems.ts';
import { type Block, compareWords, hastText, words } from './words.ts';
import { attr, named, numberParagraphs, paragraphNumbers, shownText } from './xml.ts';

export interface DocxOptions {
  /** The file as shown to the author. */
  file: string;
  changes: ChangesDecision;
  dropComments: boolean;
}

const STYLE_MAP = [
  "p[style-name='Title'] => p.galley-title:fresh",
  "p[style-name='Subtitle'] => p.galley-subtitle:fresh",
  "p[style-name='Author'] => p.galley-author:fresh",
  `p.${SCENE_BREAK_STYLE} => p.${SCENE_BREAK_CLASS}:fresh`,
  `p.${PAGE_BREAK_STYLE} => p.${PAGE_BREAK_CLASS}:fresh`,
  ...['Quote', 'Intense Quote', 'Block Text', 'Block Quote', 'Quotations'].map(
    (name) => `p[style-name='${name}'] => blockquote > p:fresh`,
  ),
  ...['Emphasis', 'Subtle Emphasis', 'Intense Emphasis', 'Book Title'].map((name) => `r[style-name='${name}'] => em`),
  'small-caps => span.small-caps',
  'u => em',
];

export async function readDocx(bytes: Uint8Array, options: DocxOptions): Promise<ImportedDocument> {
  const pkg = await openWordPackage(bytes, options.file);
  const problems: ImportProblem[] = [];
  numberParagraphs(pkg.document);
  const parts = [
    { kind: 'document', tree: pkg.document },
    ...(pkg.footnotes ? [{ kind: 'footnotes', tree: pkg.footnotes }] : []),
    ...(pkg.endnotes ? [{ kind: 'endnotes', tree: pkg.endnotes }] : []),
  ];
  settleRevisions(parts, pkg.comments, options, problems);
  carryObjects(pkg.document, problems);
  markBreaks(pkg.document, pkg.styles);
  const source = sourceBlocks(pkg);

  const images: ImportedImage[] = [];
  const faults = new Map<string, string>();
  const result = await mammoth.convertToHtml(
    { buffer: await repack(pkg) },
    {
      styleMap: [...STYLE_MAP, ...characterStyles(pkg)],
      convertImage: mammoth.images.imgElement(async (image) => {
        const data = await image.readAsBuffer();
        const name = await keepImage(data, image.contentType, images.length + 1, faults);
        images.push({ name, data });
        return { src: `images/${name}` };
      }),
    },
  );
  const tree = fromHtml(result.value, { fragment: true });
  for (const [name, message] of faults) markImage(tree, `images/${name}`, message);
  const { notes } = extractNotes(tree);
  checkWords(source, tree, notes, problems);
  problems.push(...mammothProblems(result.messages, pkg.document));
  return { meta: metadata(tree, pkg), tree, notes, images, problems };
}

/** What the settled document says, paragraph by paragraph, and each note's text. */
interface Source {
  body: Block[];
  notes: Map<string, Block[]>;
}

function sourceBlocks(pkg: WordPackage): Source {
  const numbers = paragraphNumbers(pkg.document);
  const body = named(pkg.document, 'w:p').map((p) => ({ text: shownText(p), where: para(numbers.get(p)) }));
  const notes = new Map<string, Block[]>();
  const add = (tree: XmlRoot | undefined, kind: 'footnote' | 'endnote') => {
    if (!tree) return;
    for (const note of named(tree, `w:${kind}`)) {
      if (attr(note, 'w:type') && attr(note, 'w:type') !== 'normal') continue;
      notes.set(`${kind}-${attr(note, 'w:id')}`, [{ text: shownText(note), where: `in ${kind} ${attr(note, 'w:id')}` }]);
    }
  };
  add(pkg.footnotes, 'footnote');
  add(pkg.endnotes, 'endnote');
  return { body, notes };
}

function checkWords(source: Source, tree: Root, notes: Map<string, ElementContent[]>, problems: ImportProblem[]): void {
  const report = (d: ReturnType<typeof compareWords>) => {
    if (!d) return;
    problems.push({
      where: d.where,
      id: 'text-differs',
      message: `the converted text differs from the document here: expected ${excerpt(d.expected.join(' '))}, found ${excerpt(d.found.join(' '))}; compare the chapter file with the document`,
    });
  };
  report(compareWords(source.body, words(hastText(tree, (tag) => tag === NOTE_REF))));
  for (const [id, blocks] of source.notes) {
    const content = notes.get(id);
    if (content) report(compareWords(blocks, words(hastText({ type: 'root', children: content }))));
  }
}

/** Character styles that make text italic, bold or small caps by themselves keep doing so. */
function characterStyles(pkg: WordPackage): string[] {
  const map: string[] = [];
  for (const [id, style] of pkg.styles.all()) {
    if (style.type !== 'character' || !/^[\w-]+$/.test(id)) continue;
    const path = [style.bold ? 'strong' : '', style.italic ? 'em' : '', style.smallCaps ? 'span.small-caps' : ''].filter(Boolean);
    if (path.length > 0) map.push(`r.${id} => ${path.join(' > ')}`);
  }
  return map;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** A picture's file name; one a book cannot hold is kept under its own type, with its fault noted. */
async function keepImage(data: Buffer, contentType: string, n: number, faults: Map<string, string>): Promise<string> {
  const facts = await probeImage(data);
  if ('mediaType' in facts) return `image-${n}.${EXTENSIONS[facts.mediaType] ?? 'img'}`;
  const ext =
    contentType
      .split('/')[1]
      ?.replace(/^x-/, '')
      .replace(/[^a-z0-9]/gi, '') || 'bin';
  const name = `image-${n}.${ext}`;
  const what =
    facts.fault === 'unsupported' || facts.fault === 'not-an-image'
      ? `a ${facts.fault === 'unsupported' ? facts.format : ext.toUpperCase()} picture, which e-books cannot show`
      : facts.fault === 'damaged'
        ? `a damaged picture (${facts.reason})`
        : 'a picture larger than Galley reads';
  faults.set(
    name,
    `${what}: it is saved as images/${name} but not put in the text; convert it to PNG or JPEG and add it with ![what it shows](images/image-${n}.png)`,
  );
  return name;
}

function markImage(tree: Root, src: string, message: string): void {
  visit(tree, 'element', (el) => {
    if (el.tagName === 'img' && el.properties.src === src) el.properties[IMAGE_PROBLEM] = message;
  });
}

/** Title, Subtitle and Author paragraphs go to book.yaml; the document properties fill what they leave. */
function metadata(tree: Root, pkg: WordPackage): ImportedMeta {
  const found: Record<string, string[]> = { 'galley-title': [], 'galley-subtitle': [], 'galley-author': [] };
  visit(tree, 'element', (el: Element, index, parent) => {
    const kind = String((el.properties.className as string[] | undefined)?.[0] ?? '');
    if (!parent || index === undefined || el.tagName !== 'p' || !(kind in found)) return;
    const text = hastText(el).replace(/\s+/g, ' ').trim();
    if (text) found[kind]?.push(text);
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  const props = pkg.properties;
  const creator =
    props.creator && !/^(user|admin|administrator|windows user|microsoft office user|owner|author)$/i.test(props.creator)
      ? props.creator
      : undefined;
  const authors = found['galley-author']?.length ? (found['galley-author'] ?? []) : creator ? [creator] : [];
  return {
    title: found['galley-title']?.join(' ') || props.title,
    subtitle: found['galley-subtitle']?.join(' ') || undefined,
    authors,
    language: languageTag(props.language) ?? languageTag(pkg.styles.language),
    description: props.description,
  };
}

/** mammoth's own warnings, with the paragraph of the first use of a style it did not know. */
function mammothProblems(messages: Array<{ type: string; message: string }>, document: XmlRoot): ImportProblem[] {
  const numbers = paragraphNumbers(document);
  const firstUse = (id: string) => {
    const el =
      named(document, 'w:pStyle').find((s) => attr(s, 'w:val') === id) ??
      named(document, 'w:rStyle').find((s) => attr(s, 'w:val') === id);
    return para(el ? numbers.get(el) : undefined);
  };
  const problems: ImportProblem[] = [];
  for (const m of messages) {
    if (/Galley(SceneBreak|PageBreak)|unlikely to display in web browsers/.test(m.message)) continue;
    const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/.exec(m.message);
    if (style) {
      const [, kind, name, id] = style;
      problems.push({
        where: firstUse(id ?? ''),
        id: 'style',
        message: `${kind === 'run' ? 'text' : 'paragraphs'} in the Word style “${name}” come through without its formatting (the first is here)`,
      });
    } else problems.push({ id: 'word', message: m.message });
  }
  return problems;
}
