/**
 * The rules `galley check` knows: a stable id, the severity it has unless book.yaml says
 * otherwise, and what it finds. The config schema validates `check.rules` against these ids.
 */

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

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
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type RuleId = keyof typeof CHECK_RULES;

export const RULE_IDS = Object.keys(CHECK_RULES) as [RuleId, ...RuleId[]];
