/**
 * remark plugin: classes on a heading, written after it in braces as Pandoc has them: `#
 * Interlude: The Keeper's Log {.interlude}`, `# Prologue {.unnumbered}` or `{-}`. The braces
 * are taken off the heading's text and the classes put on the heading (`hProperties`), where
 * book structure takes a `#` heading's classes to its chapter or part: `interlude` and
 * `unnumbered` (`-`) make a chapter with no number, which otherwise keeps every chapter's
 * behaviour (contents, navigation, opening on a recto), and the theme styles its head by the
 * class. Only braces holding nothing but classes and `-` are read; `# A set {a, b}` is text.
 */
import type { Heading, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

const ATTRIBUTES = /[ \t]*\{[ \t]*((?:(?:\.[A-Za-z][\w-]*|-)[ \t]*)+)\}[ \t]*$/;

export const remarkHeadingAttributes: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children[heading.children.length - 1];
    if (last?.type !== 'text') return;
    const match = ATTRIBUTES.exec(last.value);
    if (!match || (match.index === 0 && heading.children.length === 1)) return;
    const classes = (match[1] as string)
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => (token === '-' ? 'unnumbered' : token.slice(1)));
    last.value = last.value.slice(0, match.index);
    if (!last.value) heading.children.pop();
    heading.data ??= {};
    heading.data.hProperties ??= {};
    const existing = heading.data.hProperties.className;
    const list = Array.isArray(existing) ? existing.map(String) : [];
    heading.data.hProperties.className = [...list, ...classes.filter((c) => !list.includes(c))];
  });
};
