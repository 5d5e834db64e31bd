/** Ellipses, primes and spaces. */
import type { Case } from './helper.ts';

export const ellipses: Case[] = [
  ['three dots', 'Well...', 'Well…'],
  ['spaced dots', 'Well . . . maybe.', 'Well … maybe.'],
  ['two dots', 'About.. nothing.', 'About… nothing.'],
  ['two dots between words', 'um..what', 'um…what'],
  ['four dots after a sentence', 'I know.... Nothing.', 'I know.… Nothing.'],
  ['four spaced dots after a sentence', 'I know. . . . Nothing.', 'I know.… Nothing.'],
  ['four dots after emphasis', 'The word *ridicule*....', 'The word <em>ridicule</em>.…'],
  ['four dots after a space', 'Then .... nothing.', 'Then … nothing.'],
  ['a long run of dots', 'Wait..... what?', 'Wait… what?'],
  ['ellipsis opening a sentence', '...and then.', '…and then.'],
  ['ellipsis inside a quotation', '"I... I can\'t."', '“I… I can’t.”'],
  // More than four spaced dots is a leader (a cast list, a table of contents), not an ellipsis.
  ['spaced leader dots kept as typed', 'Romeo. . . . . . . . Mr. Garrick', 'Romeo. . . . . . . . Mr.{nbsp}Garrick'],
  ['five spaced dots are a leader', 'Preface . . . . . vii', 'Preface . . . . . vii'],
  ['a range of numbers with two dots stays', 'Count 1..10 slowly.', 'Count 1..10 slowly.'],
  ['style closed: no space before', 'Wait ... what?', 'Wait… what?', { ellipsisStyle: 'closed' }],
  ['style closed keeps the space after', 'Wait...what?', 'Wait…what?', { ellipsisStyle: 'closed' }],
  ['style spaced: no-break space before', 'Wait... what?', 'Wait{nbsp}… what?', { ellipsisStyle: 'spaced' }],
  ['style spaced: spaces both sides', 'Wait...what?', 'Wait{nbsp}… what?', { ellipsisStyle: 'spaced' }],
  ['style spaced: a typed space made no-break', 'Wait ... what?', 'Wait{nbsp}… what?', { ellipsisStyle: 'spaced' }],
  ['style as typed', 'Wait ... what...now', 'Wait … what…now', { ellipsisStyle: 'as-typed' }],
];

export const primes: Case[] = [
  ['feet and inches', 'He was 6\'2" tall.', 'He was 6′2″ tall.'],
  ['feet and inches with decimals', 'A board 5\'6.5" long.', 'A board 5′6.5″ long.'],
  ['feet alone', "A 10' pole.", 'A 10′ pole.'],
  ['inches alone', 'A 12" ruler.', 'A 12″ ruler.'],
  [
    'a closing quote after a number is not a prime',
    '"I was born in 1805," he said. "It was 1805"',
    '“I was born in 1805,” he said. “It was 1805”',
  ],
  // After a digit, a mark that a later mark of its kind surely closes for it is a prime.
  ['feet and inches inside a quotation', '"She was a 120\' 4" whale."', '“She was a 120′ 4″ whale.”'],
  ['a bearing inside a quotation', '"At 62° 17\' 20", 19° 2\' 40"."', '“At 62° 17′ 20″, 19° 2′ 40″.”'],
  ['feet inside a single quotation', "'It stood 9' high,' he said.", '‘It stood 9′ high,’ he said.'],
  ['a number closing a quotation before a new one', '"In 1805" and "1806" they wrote.', '“In 1805” and “1806” they wrote.'],
  ['primes off', 'He was 6\'2" tall.', 'He was 6’2” tall.', { primes: false }],
];

export const spaces: Case[] = [
  ['runs of spaces', 'One    two  three.', 'One two three.'],
  ['tabs', 'One\ttwo.', 'One two.'],
  ['no-break spaces', 'One\u00a0\u00a0two\u00a0three.', 'One two three.'],
  ['trailing no-break space', 'Blood on his hands.\u00a0', 'Blood on his hands.'],
  ['leading and trailing spaces', '\u00a0 Indented. \u00a0', 'Indented.'],
  ['spaces before a hard break', 'Line one.\u00a0\u00a0\\\nLine two.', 'Line one.<br>\nLine two.'],
  ['spaces across inline nodes', 'One [ two](u).', 'One <a href="u">two</a>.'],
  ['spaces after emphasis', '*One*   two.', '<em>One</em> two.'],
  ['Mr.', 'Mr. Bennet replied.', 'Mr.{nbsp}Bennet replied.'],
  ['Mrs., Ms. and Dr.', 'Mrs. Brown, Ms. White and Dr. Jones.', 'Mrs.{nbsp}Brown, Ms.{nbsp}White and Dr.{nbsp}Jones.'],
  ['St.', 'St. Petersburg in winter.', 'St.{nbsp}Petersburg in winter.'],
  ['Mr without a full stop', 'Mr Darcy bowed.', 'Mr{nbsp}Darcy bowed.'],
  ['not a title: a word ending in the same letters', 'Summer. Then autumn.', 'Summer. Then autumn.'],
  ['title spaces off', 'Mr. Bennet replied.', 'Mr. Bennet replied.', { titleSpaces: false }],
  ['hair space between closing marks', `"She said 'no.'"`, '“She said ‘no.’{hair}”'],
  ['hair spaces off', `"She said 'no.'"`, '“She said ‘no.’”', { hairSpaces: false }],
  ['spaces off leave runs alone', 'One  two.', 'One  two.', { spaces: false }],
];
