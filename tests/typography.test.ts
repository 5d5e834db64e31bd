/**
 * The typographic pass, case by case: what an author types, and what the book must show.
 */
import type { Root } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkTypography, type TypographyOptions } from '../src/plugins/remark-typography.ts';

function typeset(markdown: string, options: TypographyOptions = {}): string {
  const processor = unified().use(remarkParse).use(remarkTypography, options);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return tree.children.map((block) => plainText(block)).join('\n');
}

const cases: [string, string, string][] = [
  ['double quotes', '"Come in," she said.', '“Come in,” she said.'],
  ['single quotes', "'Come in,' she said.", '‘Come in,’ she said.'],
  ['nested quotes', `"She said 'no' twice."`, '“She said ‘no’ twice.”'],
  // Adjacent quote marks get a hair space between them.
  ['nested at the end', `"He called it 'the end.'"`, '“He called it ‘the end.’\u200a”'],
  ['quote before emphasis', '"*Now*," he said.', '“Now,” he said.'],
  ['quote after emphasis', 'He wrote *"Yes"* in the margin.', 'He wrote “Yes” in the margin.'],
  ['quote around a link', 'See "[the map](map.html)" first.', 'See “the map” first.'],
  ['quote around strong', '"**Stop**!"', '“Stop!”'],
  ['quote after an opening parenthesis', '(as "usual")', '(as “usual”)'],
  ['quote after an em dash', 'He said--"enough."', 'He said—“enough.”'],
  ['no space after a closing quote', '"Hello,"she said.', '“Hello,”she said.'],
  ['contraction', "Don't, won't, can't.", 'Don’t, won’t, can’t.'],
  ['possessive', "The cat's bowl.", 'The cat’s bowl.'],
  ['plural possessive', "The Joneses' house.", 'The Joneses’ house.'],
  ['leading apostrophe: tis', "'Tis the season.", '’Tis the season.'],
  ['leading apostrophe: twas', "'Twas night.", '’Twas night.'],
  ['leading apostrophe: em', "Tell 'em now.", 'Tell ’em now.'],
  ['leading apostrophe: cause', "Just 'cause.", 'Just ’cause.'],
  ['leading apostrophe: n', "Rock 'n' roll.", 'Rock ’n’ roll.'],
  ['decade', "Back in the '90s.", 'Back in the ’90s.'],
  ['year', "The class of '07.", 'The class of ’07.'],
  ['two hyphens', 'Wait--what?', 'Wait—what?'],
  ['three hyphens', 'Wait---what?', 'Wait—what?'],
  ['spaced double hyphen closes up', 'She waited -- and waited.', 'She waited—and waited.'],
  ['dash before a closing quote', '"I thought--" she said.', '“I thought—” she said.'],
  ['hyphenated word untouched', 'A well-known fact.', 'A well-known fact.'],
  ['three dots', 'Well...', 'Well…'],
  ['spaced dots', 'Well . . . maybe.', 'Well … maybe.'],
  ['four dots after a sentence', 'I know....', 'I know.…'],
  ['runs of spaces', 'One    two  three.', 'One two three.'],
  ['no-break spaces', 'One\u00a0\u00a0two\u00a0three.\u00a0', 'One two three.'],
  ['leading and trailing spaces', '\u00a0 Indented. \u00a0', 'Indented.'],
  ['inline code untouched', 'Type `"x" -- ...` here.', 'Type "x" -- ... here.'],
  // Trailing dots are the sentence's, as in GFM's autolinks.
  ['bare URL untouched', 'Visit https://example.com/a--b/c...d... now.', 'Visit https://example.com/a--b/c...d… now.'],
  ['quotes across a code span', '"Run `ls`," she said.', '“Run ls,” she said.'],
  ['quote next to raw HTML', '"<b>Bold</b>" words.', '“<b>Bold</b>” words.'],
  ['URL in plain text untouched', 'See www.example.com/it\'s--here... "ok"', "See www.example.com/it's--here… “ok”"],
  [
    'multi-paragraph speech',
    '"First paragraph, still talking.\n\n"Second paragraph."',
    '“First paragraph, still talking.\n“Second paragraph.”',
  ],
  ['heading', '# The Keeper\'s "Light"', 'The Keeper’s “Light”'],
];

describe('typographic pass (English)', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(typeset(input)).toBe(expected);
  });
});

describe('typographic pass options', () => {
  it('uses German marks for language de', () => {
    expect(typeset(`"Sie sagte 'nein'."`, { language: 'de' })).toBe('„Sie sagte ‚nein‘.“');
  });

  it('leaves quotes straight when quotes are off', () => {
    expect(typeset('"Hi" -- there...', { quotes: false })).toBe('"Hi"—there…');
  });

  it('leaves punctuation alone when punctuation is off', () => {
    expect(typeset('"Hi" -- there...', { punctuation: false })).toBe('“Hi” -- there...');
  });
});
