/**
 * Novel prose made up from a seed, for the print measures (seeded-novel.ts): narration and
 * dialogue with the things a book designer's rules are about — long capitalised names a
 * hyphenator would break (Wilhelmina, Penhallow), a title before a name ("Mr. Ashworth"), closed
 * em dashes, long words, short and long paragraphs. All of it written for Galley's tests.
 */
import { random } from './prose.ts';

export const PEOPLE = [
  'Wilhelmina Ashworth',
  'Bartholomew Pellow',
  'Evangeline Carrow',
  'Montgomery Fairbrother',
  'Rosalind Treverrow',
  'Ambrose Kettlewell',
  'Cassandra Penhallow',
  'Theodora Underhill',
];
export const TITLED = ['Mr. Ashworth', 'Mrs. Pellow', 'Miss Carrow', 'Dr. Kettlewell', 'Mr. Fairbrother', 'Mrs. Penhallow'];
export const PLACES = ['Porthallow', 'Tregarthen', 'Wellingborough', 'the Pendennis road', 'Marazion', 'the Helford'];

const first = (name: string) => name.split(' ')[0] as string;

const SUBJECTS = ['she', 'he', 'the housekeeper', 'the ferryman', 'nobody', 'the eldest of them', 'her brother', 'the curate'];
const VERBS = [
  'considered',
  'remembered',
  'understood',
  'mistrusted',
  'carried',
  'overheard',
  'described',
  'recommended',
  'disapproved of',
  'waited for',
  'looked for',
  'wrote about',
];
const OBJECTS = [
  'the letter',
  'the arrangement',
  'an acquaintance of long standing',
  'the neighbourhood',
  'the drawing room',
  'the harbour wall',
  'a particular disappointment',
  'the circumstances',
  'the weather glass',
  'the understanding between them',
  'an extraordinary number of visitors',
  'the question of the inheritance',
];
const TAILS = [
  'with considerable patience',
  'before the carriage came round',
  'as if it were nothing at all',
  'in the grey light of the morning',
  'without the least embarrassment',
  'for the better part of an hour',
  'although nobody had asked',
  'until the candles were lit',
  'with a politeness that deceived no one',
  'on the evening of the assembly',
];
const ASIDES = [
  'which was unusual',
  'or so it was said in the village',
  'and this surprised everyone',
  'though she would never admit it',
  'a habit of many years',
  'as the family knew too well',
];
const SAYINGS = [
  'I cannot think why you should mind it so',
  'You are quite mistaken about the date',
  'There is nothing to be done before Thursday',
  'We shall see what the morning brings',
  'He has written again, and at length',
  'Nobody in this house ever listens to me',
  'It is a great deal too late for that',
  'I had thought better of you',
];

export type Rand = () => number;

export function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function someone(rand: Rand): string {
  const r = rand();
  if (r < 0.35) return pick(rand, TITLED);
  if (r < 0.6) return first(pick(rand, PEOPLE));
  if (r < 0.7) return pick(rand, PEOPLE);
  return pick(rand, SUBJECTS);
}

const capital = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}`;

/** One clause: someone did something to something, perhaps somehow. */
function clause(rand: Rand): string {
  const tail = rand() < 0.6 ? ` ${pick(rand, TAILS)}` : '';
  const where = rand() < 0.2 ? ` at ${pick(rand, PLACES)}` : '';
  return `${someone(rand)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}${where}${tail}`;
}

/** A sentence of one to three clauses, joined by commas, semicolons or closed em dashes. */
export function narration(rand: Rand): string {
  const count = 1 + Math.floor(rand() * 3);
  let text = clause(rand);
  for (let i = 1; i < count; i++) {
    const r = rand();
    if (r < 0.3) text += `—${pick(rand, ASIDES)}—${clause(rand)}`;
    else if (r < 0.6) text += `; ${clause(rand)}`;
    else text += `, and ${clause(rand)}`;
  }
  if (rand() < 0.15) text += `—${pick(rand, ASIDES)}`;
  return `${capital(text)}.`;
}

/** A line of dialogue, sometimes broken off with an em dash. */
export function speech(rand: Rand): string {
  const speaker = rand() < 0.6 ? pick(rand, TITLED) : first(pick(rand, PEOPLE));
  const saying = pick(rand, SAYINGS);
  const r = rand();
  if (r < 0.3) return `“${saying},” said ${speaker}, “and ${pick(rand, SAYINGS).toLowerCase()}—”`;
  if (r < 0.6) return `“${saying}?” ${speaker} asked. ${narration(rand)}`;
  return `“${saying}.” ${speaker} turned to the window. “${pick(rand, SAYINGS)}.”`;
}

/** A paragraph of narration (1 to 7 sentences), or of dialogue. */
export function paragraphOf(rand: Rand, long = false): string {
  if (!long && rand() < 0.3) return speech(rand);
  const count = long ? 6 : 1 + Math.floor(rand() * 7);
  return Array.from({ length: count }, () => narration(rand)).join(' ');
}

export { random };
