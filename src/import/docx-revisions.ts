/**
 * Tracked changes and comments in a Word document: never applied or lost without the author
 * saying so. Without a decision the import stops at the first one, saying where it is; with
 * `accept` or `reject` every insertion, deletion, move and formatting change is settled the way
 * Word's Accept All or Reject All would (rejecting restores the old run and paragraph formatting;
 * table formatting stays as it is now); with `dropComments` the comments are left out, each one
 * listed with its place and text. Edits are made on the parts' xast trees before mammoth reads them.
 */
import type { Element, ElementContent, Root } from 'xast';
import { GalleyError } from '../errors.ts';
import { excerpt, type ImportProblem, para } from './problems.ts';
import { attr, child, descendants, isElement, paragraphNumbers, parentsOf, replaceNode, shownText } from './xml.ts';

export type ChangesDecision = 'accept' | 'reject' | undefined;

export interface WordPart {
  /** `document`, `footnotes` or `endnotes`. */
  kind: string;
  tree: Root;
}

export interface RevisionOptions {
  changes: ChangesDecision;
  dropComments: boolean;
  /** The file as shown to the author, for errors. */
  file: string;
}

const WRAPPERS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
const MARKS = /^w:(moveFromRange|moveToRange)(Start|End)$/;
const CELL = new Set(['w:cellIns', 'w:cellDel', 'w:cellMerge']);
const isChange = (el: Element) =>
  WRAPPERS.has(el.name) || CELL.has(el.name) || /^w:\w+Change$/.test(el.name) || MARKS.test(el.name);
const COMMENT_MARKS = new Set(['w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference']);

/** Settles tracked changes and comments in every part, or stops with an error that says what to do. */
export function settleRevisions(
  parts: WordPart[],
  comments: Root | undefined,
  options: RevisionOptions,
  problems: ImportProblem[],
): void {
  for (const part of parts) {
    const changes = descendants(part.tree, isChange);
    if (changes.length > 0 && !options.changes) throw refuseChanges(part, changes, options.file);
  }
  const notes = commentTexts(comments);
  for (const part of parts) {
    const marks = descendants(part.tree, (el) => COMMENT_MARKS.has(el.name));
    if (marks.length > 0 && !options.dropComments) throw refuseComments(part, marks, notes, options.file);
  }
  for (const part of parts) {
    if (options.changes) settleChanges(part.tree, options.changes);
    dropComments(part, notes, problems);
  }
}

function where(part: WordPart, el: Element): string | undefined {
  if (part.kind !== 'document') return `in the ${part.kind}`;
  return para(paragraphNumbers(part.tree).get(el));
}

function describeChange(el: Element): string {
  const by = attr(el, 'w:author');
  const kind =
    el.name === 'w:ins' || el.name === 'w:moveTo'
      ? `inserted ${excerpt(shownText(el))}`
      : el.name === 'w:del' || el.name === 'w:moveFrom'
        ? `deleted ${excerpt(shownText(el, true))}`
        : 'a formatting change';
  return `${kind}${by ? ` by ${by}` : ''}`;
}

function refuseChanges(part: WordPart, changes: Element[], file: string): GalleyError {
  const first = changes.find((c) => !MARKS.test(c.name)) ?? changes[0];
  const place = first ? where(part, first) : undefined;
  const count = changes.filter((c) => !MARKS.test(c.name)).length;
  return new GalleyError(
    'IMPORT_TRACKED_CHANGES',
    `the document has ${count} tracked change${count === 1 ? '' : 's'}; the first${place ? ` (${place})` : ''} is ${first ? describeChange(first) : 'a change'}`,
    {
      file,
      hint: 'Accept or reject them in Word (Review → Accept All or Reject All) and save, or import with --accept-changes or --reject-changes.',
    },
  );
}

function refuseComments(part: WordPart, marks: Element[], notes: Map<string, Comment>, file: string): GalleyError {
  const ids = new Set(marks.map((m) => attr(m, 'w:id')));
  const first = marks[0];
  const note = notes.get(attr(first, 'w:id') ?? '');
  const place = first ? where(part, first) : undefined;
  return new GalleyError(
    'IMPORT_COMMENTS',
    `the document has ${ids.size} comment${ids.size === 1 ? '' : 's'}; the first${place ? ` (${place})` : ''} is${note?.author ? ` by ${note.author}:` : ''} ${excerpt(note?.text ?? '')}`,
    {
      file,
      hint: 'Resolve or delete the comments in Word and save, or import with --drop-comments to leave them out (each one is listed).',
    },
  );
}

interface Comment {
  author: string | undefined;
  text: string;
}

function commentTexts(comments: Root | undefined): Map<string, Comment> {
  const notes = new Map<string, Comment>();
  if (!comments) return notes;
  for (const c of descendants(comments, (el) => el.name === 'w:comment', true)) {
    notes.set(attr(c, 'w:id') ?? '', { author: attr(c, 'w:author'), text: shownText(c) });
  }
  return notes;
}

function dropComments(part: WordPart, notes: Map<string, Comment>, problems: ImportProblem[]): void {
  const marks = descendants(part.tree, (el) => COMMENT_MARKS.has(el.name));
  if (marks.length === 0) return;
  const numbers = part.kind === 'document' ? paragraphNumbers(part.tree) : undefined;
  const parents = parentsOf(part.tree);
  const reported = new Set<string>();
  for (const mark of marks) {
    const id = attr(mark, 'w:id') ?? '';
    if (!reported.has(id)) {
      reported.add(id);
      const note = notes.get(id);
      problems.push({
        where: numbers ? para(numbers.get(mark)) : `in the ${part.kind}`,
        id: 'comment-dropped',
        message: `comment${note?.author ? ` by ${note.author}` : ''} left out: ${excerpt(note?.text ?? '', 12)}`,
      });
    }
    const run = parents.get(mark);
    replaceNode(parents, mark, []);
    // A run that held only the comment's mark (and its properties) goes too.
    if (isElement(run as Element, 'w:r') && (run as Element).children.every((c) => isElement(c, 'w:rPr') || c.type === 'text')) {
      replaceNode(parents, run as Element, []);
    }
  }
}

function settleChanges(tree: Root, decision: 'accept' | 'reject'): void {
  const keep = decision === 'accept' ? new Set(['w:ins', 'w:moveTo']) : new Set(['w:del', 'w:moveFrom']);
  // Paragraph marks first: a paragraph whose mark goes is joined to the next one.
  for (const p of descendants(tree, (el) => el.name === 'w:p')) {
    const mark = child(child(p, 'w:pPr'), 'w:rPr');
    const change = mark?.children.find((c): c is Element => isElement(c) && WRAPPERS.has(c.name));
    if (!mark || !change) continue;
    mark.children = mark.children.filter((c) => c !== change);
    if (!keep.has(change.name)) joinWithNext(tree, p);
  }
  // Outermost changes first; what a kept insertion or deletion held is looked at on the next round.
  for (let round = descendants(tree, isChange, true); round.length > 0; round = descendants(tree, isChange, true)) {
    settleRound(tree, round, keep, decision);
  }
}

function settleRound(tree: Root, round: Element[], keep: Set<string>, decision: 'accept' | 'reject'): void {
  const parents = parentsOf(tree);
  for (const el of round) {
    const parent = parents.get(el);
    if (WRAPPERS.has(el.name) && isElement(parent as Element, 'w:trPr')) {
      // A whole table row inserted or deleted.
      const row = parents.get(parent as Element);
      if (!keep.has(el.name) && row) replaceNode(parents, row as Element, []);
      else replaceNode(parents, el, []);
    } else if (WRAPPERS.has(el.name) && !isElement(parent as Element, 'w:rPr')) {
      replaceNode(parents, el, keep.has(el.name) ? restoreDeleted(el.children) : []);
    } else if (el.name === 'w:cellIns' || el.name === 'w:cellDel') {
      const cell = parents.get(parents.get(el) as Element);
      const gone = (el.name === 'w:cellIns') === (decision === 'reject');
      if (gone && cell) replaceNode(parents, cell as Element, []);
      else replaceNode(parents, el, []);
    } else if (decision === 'reject' && (el.name === 'w:rPrChange' || el.name === 'w:pPrChange')) {
      restoreProperties(parent as Element, el);
    } else {
      replaceNode(parents, el, []);
    }
  }
}

/** Deleted text that is kept (a rejected deletion) becomes ordinary text again. */
function restoreDeleted(children: ElementContent[]): ElementContent[] {
  return children.map((c) => {
    if (c.type !== 'element') return c;
    const name = c.name === 'w:delText' ? 'w:t' : c.name === 'w:delInstrText' ? 'w:instrText' : c.name;
    return { ...c, name, children: restoreDeleted(c.children) };
  });
}

/** Rejecting a formatting change: the properties go back to those the change recorded. */
function restoreProperties(props: Element, change: Element): void {
  const old = change.children.find((c): c is Element => isElement(c) && /:(rPr|pPr)$/.test(c.name));
  const kept = props.children.filter((c) => isElement(c) && /^w:(rPr|sectPr)$/.test(c.name) && props.name === 'w:pPr');
  props.children = [...(old?.children ?? []), ...kept];
}

/** Joins a paragraph whose mark was removed with the paragraph after it, as Word does. */
function joinWithNext(tree: Root, p: Element): void {
  const parents = parentsOf(tree);
  const parent = parents.get(p);
  if (!parent) return;
  const siblings = parent.children as ElementContent[];
  const next = siblings.slice(siblings.indexOf(p) + 1).find((c): c is Element => isElement(c, 'w:p'));
  if (!next) return;
  const content = p.children.filter((c) => !isElement(c, 'w:pPr'));
  const nextProps = next.children.filter((c) => isElement(c, 'w:pPr'));
  next.children = [...nextProps, ...content, ...next.children.filter((c) => !isElement(c, 'w:pPr'))];
  replaceNode(parents, p, []);
}
