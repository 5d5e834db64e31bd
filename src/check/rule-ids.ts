/**
 * The one table of the rules behind Galley's diagnostics: a stable id, the severity it has unless
 * book.yaml says otherwise, and what it finds. `stops` marks what a build stops on (text would be
 * lost, or an image cannot go in): always an error, in `galley check` too, and not configurable.
 * The config schema validates `check.rules` against the configurable ids.
 */

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

interface Rule {
  severity: Severity;
  about: string;
  stops?: true;
}

export const CHECK_RULES = {
  'typo/unmatched-quote': { severity: 'warning', about: 'a quote that opens and never closes, or closes without opening' },
  'typo/undecided-mark': { severity: 'warning', about: 'a quote mark the typographic pass could not decide' },
  'typo/missing-space': { severity: 'warning', about: 'no space after the end of a sentence (home.Then)' },
  'typo/repeated-word': { severity: 'warning', about: 'the same word twice in a row (the the)' },
  'scene/unknown-marker': { severity: 'warning', about: 'a line of only punctuation that is not a scene-break marker' },
  'scene/stray-break': { severity: 'warning', about: 'a scene break at the start or end of a chapter' },
  'image/missing-alt': { severity: 'error', about: 'an image without a description (alt text)' },
  'structure/heading-skip': { severity: 'warning', about: 'a heading that skips a level (# then ###)' },
  'structure/empty-chapter': { severity: 'error', about: 'a chapter with a title and no text' },
  'html/removed': {
    severity: 'warning',
    about:
      'HTML a book cannot hold, taken out (a form, an iframe, an event handler): its words kept, but a script’s or style sheet’s',
  },
  'html/misnested': {
    severity: 'warning',
    about: 'an HTML element where it cannot stand (a <p> in a <pre>), made a <span> or <div>',
  },
  'table/extra-cells': { severity: 'warning', about: 'a table row with more cells than the header (the table is widened)' },
  'footnote/uncalled': { severity: 'warning', about: 'a footnote nothing calls (kept where it stands)' },
  'footnote/duplicate': { severity: 'warning', about: 'a second footnote with the same label (kept where it stands)' },
  'link/unused-definition': { severity: 'warning', about: 'a link definition no link uses (kept as text)' },
  'image/svg-removed': { severity: 'warning', about: 'a script, event handler or outside reference taken out of an SVG image' },
  'structure/chapter-front-matter': { severity: 'warning', about: "front matter in a folder's chapter file (not read)" },
  'cover/size': { severity: 'warning', about: 'a cover smaller than KDP asks for' },
  'cover/shape': { severity: 'warning', about: 'a cover not 1.6 times as tall as it is wide' },
  'print/low-resolution': { severity: 'warning', about: 'an image that prints at under 300 pixels to the inch' },
  'directive/unknown': {
    severity: 'warning',
    about: 'a `::name` line or `:::name` container that is not one of Galley’s elements (kept as text)',
  },
  'directive/invalid': {
    severity: 'warning',
    about: 'an element written so that part of it cannot be read (a chapter image with no file, a chat line with no sender)',
  },
  'html/unclosed': {
    severity: 'error',
    stops: true,
    about:
      'an HTML comment, <pre>, <style>, <script> or <textarea> never closed, or an <svg>, <select>, <button> … left open in a paragraph',
  },
  'html/crosses-chapter': {
    severity: 'error',
    stops: true,
    about: 'an HTML comment or block that runs past a # chapter heading',
  },
  'code/unclosed': { severity: 'error', stops: true, about: 'a ``` or ~~~ code block never closed' },
  'code/crosses-chapter': {
    severity: 'error',
    stops: true,
    about: 'a code block without a language that runs past a # chapter heading',
  },
  'structure/chapter-front-matter-text': {
    severity: 'error',
    stops: true,
    about: "text between a chapter file's first-line `---` and the next `---` (front matter to Markdown)",
  },
  'image/missing': { severity: 'error', stops: true, about: 'an image or cover that is not there' },
  'image/outside-book': { severity: 'error', stops: true, about: "an image outside the book's folder" },
  'image/remote': { severity: 'error', stops: true, about: 'an image given by a URL' },
  'image/unsupported': { severity: 'error', stops: true, about: 'an image that is not JPEG, PNG, GIF, SVG or WebP' },
  'image/invalid': { severity: 'error', stops: true, about: 'an image that is damaged, too large or not well-formed' },
  'directive/unclosed': {
    severity: 'error',
    stops: true,
    about: 'a `:::` container never closed: it would take in everything after it',
  },
  'directive/crosses-chapter': {
    severity: 'error',
    stops: true,
    about: 'a `:::` container that runs past a # chapter heading',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof CHECK_RULES;

/** The rules book.yaml may turn off or give another severity. */
export const RULE_IDS = Object.entries(CHECK_RULES)
  .filter(([, rule]) => !('stops' in rule))
  .map(([id]) => id) as [RuleId, ...RuleId[]];
