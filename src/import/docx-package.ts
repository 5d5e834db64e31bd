/**
 * A .docx file as a package of XML parts (with jszip): the main document and its notes and
 * comments as xast trees, the styles (names, what each is based on, alignment, the default
 * language), and the document properties (docProps/core.xml: title, creator, language,
 * description). Parts are found through the package's relationships, as Word does; edited parts
 * are written back for mammoth to read.
 */
import JSZip from 'jszip';
import type { Root } from 'xast';
import { GalleyError } from '../errors.ts';
import { attr, child, descendants, named, parseXml, plain, rootElement, serializeXml, wordPrefixIsUsual } from './xml.ts';

export interface WordStyle {
  name: string;
  type: string | undefined;
  basedOn: string | undefined;
  align: string | undefined;
  /** Run formatting the style itself sets (not inherited): italic, bold, small caps. */
  italic: boolean;
  bold: boolean;
  smallCaps: boolean;
}

export interface WordStyles {
  get(id: string): WordStyle | undefined;
  /** Every style, by id. */
  all(): Map<string, WordStyle>;
  /** A paragraph style's alignment, through what it is based on. */
  alignment(id: string): string | undefined;
  /** The document's default language (`w:docDefaults`), if set. */
  language: string | undefined;
}

export interface WordProperties {
  title?: string | undefined;
  creator?: string | undefined;
  language?: string | undefined;
  description?: string | undefined;
}

export interface WordPackage {
  zip: JSZip;
  /** Part paths inside the package, by role. */
  paths: { document: string; footnotes: string | undefined; endnotes: string | undefined; comments: string | undefined };
  document: Root;
  footnotes: Root | undefined;
  endnotes: Root | undefined;
  comments: Root | undefined;
  styles: WordStyles;
  properties: WordProperties;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function openWordPackage(bytes: Uint8Array, file: string): Promise<WordPackage> {
  const zip = await JSZip.loadAsync(bytes).catch((cause: unknown) => {
    throw new GalleyError('INPUT_UNREADABLE', 'this is not a Word document: it cannot be opened as a .docx package', {
      file,
      cause,
      hint: 'Save it from Word (or LibreOffice) as "Word Document (.docx)", without a password, and import that file.',
    });
  });
  const read = async (path: string | undefined): Promise<Root | undefined> => {
    const entry = path ? zip.file(path) : null;
    if (!entry || !path) return undefined;
    const text = await entry.async('string');
    try {
      return parseXml(text);
    } catch (cause) {
      throw new GalleyError('INPUT_UNREADABLE', `the document's part ${path} is not well-formed XML`, {
        file,
        cause,
        hint: 'Open the document in Word and save it again; Word repairs damaged documents when it opens them.',
      });
    }
  };
  const documentPath = targets(await read('_rels/.rels'), '', `${REL}officeDocument`)[0] ?? 'word/document.xml';
  const folder = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/') + 1) : '';
  const rels = await read(`${folder}_rels/${documentPath.slice(folder.length)}.rels`);
  const part = (type: string) => targets(rels, folder, `${REL}${type}`)[0];
  const document = await read(documentPath);
  if (!document) {
    throw new GalleyError('INPUT_UNREADABLE', 'this .docx package has no main document', {
      file,
      hint: 'Open it in Word and save it again as "Word Document (.docx)".',
    });
  }
  if (!wordPrefixIsUsual(document)) {
    throw new GalleyError('INPUT_UNSUPPORTED', 'this document was written with unusual XML prefixes that Galley does not read', {
      file,
      hint: 'Open it in Word or LibreOffice and save it again as "Word Document (.docx)".',
    });
  }
  const paths = { document: documentPath, footnotes: part('footnotes'), endnotes: part('endnotes'), comments: part('comments') };
  return {
    zip,
    paths,
    document,
    footnotes: await read(paths.footnotes),
    endnotes: await read(paths.endnotes),
    comments: await read(paths.comments),
    styles: readStyles(await read(part('styles'))),
    properties: readProperties(
      await read(
        targets(await read('_rels/.rels'), '', `${REL.replace('officeDocument', 'package')}metadata/core-properties`)[0] ??
          'docProps/core.xml',
      ),
    ),
  };
}

/** The package with the edited parts written back, for mammoth. */
export async function repack(pkg: WordPackage): Promise<Buffer> {
  pkg.zip.file(pkg.paths.document, serializeXml(pkg.document));
  if (pkg.paths.footnotes && pkg.footnotes) pkg.zip.file(pkg.paths.footnotes, serializeXml(pkg.footnotes));
  if (pkg.paths.endnotes && pkg.endnotes) pkg.zip.file(pkg.paths.endnotes, serializeXml(pkg.endnotes));
  return pkg.zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

function targets(rels: Root | undefined, folder: string, type: string): string[] {
  if (!rels) return [];
  return descendants(
    rels,
    (el) => el.name === 'Relationship' && attr(el, 'Type') === type && attr(el, 'TargetMode') !== 'External',
  )
    .map((el) => attr(el, 'Target') ?? '')
    .filter(Boolean)
    .map((target) => (target.startsWith('/') ? target.slice(1) : normalise(folder + target)));
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

function readStyles(tree: Root | undefined): WordStyles {
  const byId = new Map<string, WordStyle>();
  if (tree) {
    for (const style of named(tree, 'w:style')) {
      const id = attr(style, 'w:styleId');
      if (!id) continue;
      const run = child(style, 'w:rPr');
      const on = (name: string) => {
        const el = child(run, name);
        return el !== undefined && !/^(false|0|off)$/.test(attr(el, 'w:val') ?? '');
      };
      byId.set(id, {
        name: attr(child(style, 'w:name'), 'w:val') ?? id,
        type: attr(style, 'w:type'),
        basedOn: attr(child(style, 'w:basedOn'), 'w:val'),
        align: attr(child(child(style, 'w:pPr'), 'w:jc'), 'w:val'),
        italic: on('w:i'),
        bold: on('w:b'),
        smallCaps: on('w:smallCaps'),
      });
    }
  }
  const defaults = tree ? named(tree, 'w:docDefaults')[0] : undefined;
  const lang = defaults ? named(defaults, 'w:lang')[0] : undefined;
  return {
    get: (id) => byId.get(id),
    all: () => byId,
    alignment(id) {
      const seen = new Set<string>();
      for (let s = byId.get(id); s && !seen.has(s.name); s = s.basedOn ? byId.get(s.basedOn) : undefined) {
        seen.add(s.name);
        if (s.align) return s.align;
      }
      return undefined;
    },
    language: lang ? attr(lang, 'w:val') : undefined,
  };
}

function readProperties(tree: Root | undefined): WordProperties {
  const root = tree ? rootElement(tree) : undefined;
  if (!root) return {};
  const value = (name: string) => {
    const el = root.children.find((c) => c.type === 'element' && c.name === name);
    const text = el && el.type === 'element' ? plain(el).trim() : '';
    return text || undefined;
  };
  return {
    title: value('dc:title'),
    creator: value('dc:creator'),
    language: value('dc:language'),
    description: value('dc:description'),
  };
}
