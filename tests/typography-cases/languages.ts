/** Quote styles by language: English with single quotes outermost, French, German, Spanish, and fallbacks. */
import type { Case } from './helper.ts';

const fr = { language: 'fr' } as const;
const de = { language: 'de' } as const;
const es = { language: 'es' } as const;
const single = { language: 'en-GB', quoteStyle: 'en-single' } as const;

export const languages: Case[] = [
  ['en-GB uses double quotes by default', '"Come in," she said.', '“Come in,” she said.', { language: 'en-GB' }],
  ['en-GB single outermost', '"Come in," she said.', '‘Come in,’ she said.', single],
  ['en-GB single outermost, nested double', `"She said 'no' twice."`, '‘She said “no” twice.’', single],
  ['en-GB single outermost keeps apostrophes', `"Don't," he said.`, '‘Don’t,’ he said.', single],
  ['en-GB single outermost, nested at the end', `"It was 'the end.'"`, '‘It was “the end.”{hair}’', single],
  ['other languages fall back to English marks', '"Olá," disse ela.', '“Olá,” disse ela.', { language: 'pt-BR' }],
  ['fr guillemets with narrow no-break spaces', '"Bonjour", dit-il.', '«{nnbsp}Bonjour{nnbsp}», dit-il.', fr],
  ['fr typed guillemets get narrow spaces', '« Ça va ? » dit-elle.', '«{nnbsp}Ça va{nnbsp}?{nnbsp}» dit-elle.', fr],
  ['fr nested quotes are English doubles', '"Il a dit "non" hier."', '«{nnbsp}Il a dit “non” hier.{nnbsp}»', fr],
  ['fr single quotes typed inside', `"Il a dit 'non' hier."`, '«{nnbsp}Il a dit “non” hier.{nnbsp}»', fr],
  [
    'fr narrow space before ; : ! ?',
    'Oui; non: peut-être! Vraiment?',
    'Oui{nnbsp}; non{nnbsp}: peut-être{nnbsp}! Vraiment{nnbsp}?',
    fr,
  ],
  ['fr a typed space before ! becomes narrow', 'Oui !', 'Oui{nnbsp}!', fr],
  ['fr only one space before ?!', 'Quoi?!', 'Quoi{nnbsp}?!', fr],
  ['fr time of day untouched', 'À 10:30 précises.', 'À 10:30 précises.', fr],
  ['fr apostrophe', "L'homme s'en va.", 'L’homme s’en va.', fr],
  ['fr spaces off', '"Oui!"', '«Oui!»', { ...fr, frenchSpaces: false }],
  ['de low-high quotes', '"Schon gut", sagte er.', '„Schon gut“, sagte er.', de],
  ['de nested single quotes', `"Sie sagte 'nein' und ging."`, '„Sie sagte ‚nein‘ und ging.“', de],
  ['de typed marks stay', '„Schon gut“, sagte er.', '„Schon gut“, sagte er.', de],
  ['de apostrophe', "Wie geht's?", 'Wie geht’s?', de],
  ['de nested at the end', `"Er rief 'Halt!'"`, '„Er rief ‚Halt!‘{hair}“', de],
  ['de quote after a colon', 'Er rief: "Halt!"', 'Er rief: „Halt!“', de],
  ['es guillemets without spaces', '"Hola", dijo.', '«Hola», dijo.', es],
  ['es second level English doubles', '"Dijo "hola" ayer."', '«Dijo “hola” ayer.»', es],
  ['es single typed inside', `"Dijo 'adiós' ayer."`, '«Dijo “adiós” ayer.»', es],
  ['es third level singles', `"Dijo "ella dijo 'no' así" ayer."`, '«Dijo “ella dijo ‘no’ así” ayer.»', es],
  ['es inverted marks open', '¿"Qué"? ¡"No"!', '¿«Qué»? ¡«No»!', es],
  ['quote style fr for an English book', '"Oui."', '«{nnbsp}Oui.{nnbsp}»', { quoteStyle: 'fr' }],
  // The other rules work the same in every style.
  [
    'en-GB single outermost, every rule',
    `"Tired -- so tired..." Mr. Ash's '90s, 1914-1918, 6'2".`,
    '‘Tired—so tired…’ Mr.{nbsp}Ash’s ’90s, 1914–1918, 6′2″.',
    single,
  ],
  ['en-GB single outermost, cut-off and multi-paragraph', '"I w-" and "on\n\n"and on."', '‘I w—’ and ‘on\n‘and on.’', single],
  [
    'fr every rule',
    `"Las -- si las..." M. Dupont, 1914-1918, l'an '90.`,
    '«{nnbsp}Las—si las…{nnbsp}» M. Dupont, 1914–1918, l’an ’90.',
    fr,
  ],
  [
    'fr cut-off and multi-paragraph',
    '"Je v-" dit-il. "Un\n\n"deux."',
    '«{nnbsp}Je v—{nnbsp}» dit-il. «{nnbsp}Un\n«{nnbsp}deux.{nnbsp}»',
    fr,
  ],
  ['de every rule', `"Müde -- so müde..." Dr. Roth, 1914-1918, 6'2".`, '„Müde—so müde…“ Dr.{nbsp}Roth, 1914–1918, 6′2″.', de],
  ['de cut-off and multi-paragraph', '"Ich w-" sagte er. "Eins\n\n"zwei."', '„Ich w—“ sagte er. „Eins\n„zwei.“', de],
  ['es every rule', `"Cansado -- tan cansado..." 1914-1918, 6'2".`, '«Cansado—tan cansado…» 1914–1918, 6′2″.', es],
  ['es cut-off and multi-paragraph', '"Yo q-" dijo. "Uno\n\n"dos."', '«Yo q—» dijo. «Uno\n«dos.»', es],
];
