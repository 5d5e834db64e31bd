/**
 * The author's own plugins: `plugins:` in book.yaml (paths from the book's folder, packages from
 * its node_modules, each alone or with options) and the API's `plugins` option. A plugin changes
 * the book where the README says it runs: remark before the typographic pass, rehype before the
 * HTML is made safe. A plugin that throws, or is missing, is an error naming it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { build } from '../src/core/build.ts';
import type { Logger } from '../src/logger.ts';
import { tempDir } from './helpers/tmp.ts';
import { epubEntries, epubText } from './helpers/tools.ts';

const CHAPTER = '# The Lock-Keeper\n\nThe lantern swung above the gate while the water rose.\n';

/** A remark plugin: uppercases one word, and adds a paragraph typed with straight quotes. */
const SHOUT = `export default function shout(options = {}) {
  const word = options.word ?? 'lantern';
  return (tree) => {
    const walk = (node) => {
      if (node.type === 'text') node.value = node.value.replaceAll(word, word.toUpperCase());
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'She said "enough" and it\\'s done.' }] });
  };
}
`;

/** A rehype plugin: a class on every paragraph, and a script (which must not survive). */
const MARK = `export default function mark({ className }) {
  return (tree) => {
    const walk = (node) => {
      if (node.type === 'element' && node.tagName === 'p') node.properties.className = [className];
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
    tree.children.push({ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] });
  };
}
`;

/** An element's text, its descendants' text joined in order. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function bookWith(yaml: string, files: Record<string, string> = {}): string {
  const dir = tempDir('galley-plugins-');
  const all = { 'book.yaml': `title: The Lock-Keeper\nauthor: Ivo Marsh\n${yaml}`, '01.md': CHAPTER, ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function galley(dir: string) {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(`error ${m}`) };
  const out = tempDir();
  const code = await main(['node', 'galley', 'build', dir, '--out', out, '--format', 'epub'], logger);
  return { code, lines, epub: path.join(out, 'the-lock-keeper.epub') };
}

describe('plugins in book.yaml', () => {
  it('runs a remark plugin from the book folder, with options, before the typographic pass', async () => {
    const dir = bookWith('plugins:\n  remark:\n    - [./plugins/shout.js, { word: water }]\n', { 'plugins/shout.js': SHOUT });
    const run = await galley(dir);
    expect(run.code, run.lines.join('\n')).toBe(0);
    const text = await epubText(run.epub);
    expect(text).toContain('The lantern swung above the gate while the WATER rose.');
    // The paragraph the plugin added is typeset like the author's own.
    expect(text).toContain('She said “enough” and it’s done.');
  });

  it('runs a rehype plugin before the HTML is made safe: its classes stay, its script goes', async () => {
    const dir = bookWith("plugins:\n  rehype:\n    - [./mark.js, { className: 'aside' }]\n", { 'mark.js': MARK });
    const run = await galley(dir);
    expect(run.code, run.lines.join('\n')).toBe(0);
    const entries = [...(await epubEntries(run.epub))].filter(([name]) => name.endsWith('.xhtml'));
    const paragraphs: Element[] = [];
    for (const [, xhtml] of entries) {
      visit(fromHtml(xhtml), 'element', (node) => {
        if (node.tagName === 'p') paragraphs.push(node);
      });
    }
    // The chapter's paragraph, however the EPUB dresses its first words (a lead-in, a drop cap).
    const lantern = paragraphs.find((p) => textOf(p).startsWith('The lantern swung'));
    expect(lantern?.properties.className).toContain('aside');
    expect(entries.map(([, xhtml]) => xhtml).join('\n')).not.toContain('alert(1)');
  });

  it('finds a package in the book folder’s node_modules', async () => {
    const dir = bookWith('plugins:\n  remark: [remark-shout]\n', {
      'node_modules/remark-shout/package.json': JSON.stringify({ name: 'remark-shout', type: 'module', main: 'index.js' }),
      'node_modules/remark-shout/index.js': SHOUT,
    });
    const run = await galley(dir);
    expect(run.code, run.lines.join('\n')).toBe(0);
    expect(await epubText(run.epub)).toContain('The LANTERN swung');
  });

  it('names a plugin that throws, with no stack trace', async () => {
    const dir = bookWith('plugins:\n  remark:\n    - ./broken.js\n', {
      'broken.js': "export default function broken() { return () => { throw new Error('the gears jammed'); }; }\n",
    });
    const run = await galley(dir);
    expect(run.code).toBe(1);
    const report = run.lines.join('\n');
    expect(report).toContain('error the remark plugin `./broken.js` failed: the gears jammed');
    expect(report).not.toMatch(/\n\s+at |bug in Galley/);
  });

  it('points at the entry of a plugin it cannot find', async () => {
    const dir = bookWith('plugins:\n  rehype:\n    - rehype-no-such-plugin\n');
    const run = await galley(dir);
    expect(run.code).toBe(1);
    expect(run.lines.join('\n')).toMatch(/error .*book\.yaml:5:7: cannot find the rehype plugin `rehype-no-such-plugin`/);
    expect(run.lines.join('\n')).toContain('npm install rehype-no-such-plugin');
  });

  it('refuses an entry that is neither a module nor [module, options]', async () => {
    const run = await galley(bookWith('plugins:\n  remark:\n    - 42\n'));
    expect(run.code).toBe(1);
    expect(run.lines.join('\n')).toMatch(/book\.yaml:5:7: .*plugins.remark/);
  });
});

describe('plugins through the API', () => {
  it('runs a remark plugin function after book.yaml’s', async () => {
    const dir = bookWith('');
    const out = tempDir();
    const stars = () => (tree: Root) => {
      visit(tree, 'text', (node) => {
        node.value = node.value.replace('gate', 'iron gate');
      });
    };
    const { files } = await build({ input: dir, out, formats: ['epub'], plugins: { remark: [stars] } });
    expect(await epubText(files[0]?.path as string)).toContain('above the iron gate while');
  });

  it('reports an API plugin that throws by its name', async () => {
    const dir = bookWith('');
    const failing = function leaky() {
      return () => {
        throw new TypeError('no tree');
      };
    };
    await expect(build({ input: dir, out: tempDir(), formats: ['epub'], plugins: { rehype: [failing] } })).rejects.toThrow(
      'the rehype plugin `leaky` failed: no tree',
    );
  });
});
