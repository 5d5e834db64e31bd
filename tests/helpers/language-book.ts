/**
 * A small book in each of the languages Galley has a table for, written into a fresh folder: two
 * chapters (one with a footnote), a cover, a translator, a publisher and a date, a dedication, an
 * epigraph and every back-matter page — so that every word Galley writes of its own is in it.
 * The author's text is in the book's language, so any English in the built book is Galley's.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tempDir } from './tmp.ts';

export interface LanguageProse {
  title: string;
  chapters: [string, string];
  /** The first chapter's opening sentence and its footnote. */
  opening: string;
  note: string;
  closing: string;
  dedication: string;
  about: string;
}

/** Written for these tests: a harbour, a letter, a note. */
export const PROSE: Record<string, LanguageProse> = {
  en: {
    title: 'The Harbour Register',
    chapters: ['The Quay', 'The Letter'],
    opening: 'The ferry came in late, its lamps low over the water.',
    note: 'The ferry ran twice a week in winter.',
    closing: 'She read the letter twice before she folded it.',
    dedication: 'For the keepers of the light.',
    about: 'She lives by the sea.',
  },
  fr: {
    title: 'Le Registre du port',
    chapters: ['Le quai', 'La lettre'],
    opening: 'Le bac arriva tard, ses lanternes basses sur l’eau.',
    note: 'Le bac passait deux fois par semaine en hiver.',
    closing: 'Elle lut la lettre deux fois avant de la plier.',
    dedication: 'Pour les gardiens du phare.',
    about: 'Elle vit au bord de la mer.',
  },
  de: {
    title: 'Das Hafenbuch',
    chapters: ['Der Kai', 'Der Brief'],
    opening: 'Die Fähre kam spät, ihre Laternen tief über dem Wasser.',
    note: 'Im Winter fuhr die Fähre zweimal in der Woche.',
    closing: 'Sie las den Brief zweimal, bevor sie ihn faltete.',
    dedication: 'Für die Hüter des Leuchtfeuers.',
    about: 'Sie lebt am Meer.',
  },
  es: {
    title: 'El registro del puerto',
    chapters: ['El muelle', 'La carta'],
    opening: 'El transbordador llegó tarde, con los faroles bajos sobre el agua.',
    note: 'En invierno el transbordador salía dos veces por semana.',
    closing: 'Leyó la carta dos veces antes de doblarla.',
    dedication: 'Para los guardianes del faro.',
    about: 'Vive junto al mar.',
  },
  it: {
    title: 'Il registro del porto',
    chapters: ['La banchina', 'La lettera'],
    opening: 'Il traghetto arrivò tardi, con le lanterne basse sull’acqua.',
    note: 'D’inverno il traghetto partiva due volte alla settimana.',
    closing: 'Lesse la lettera due volte prima di piegarla.',
    dedication: 'Per i guardiani del faro.',
    about: 'Vive vicino al mare.',
  },
  pt: {
    title: 'O registro do porto',
    chapters: ['O cais', 'A carta'],
    opening: 'A balsa chegou tarde, com as lanternas baixas sobre a água.',
    note: 'No inverno a balsa saía duas vezes por semana.',
    closing: 'Leu a carta duas vezes antes de a dobrar.',
    dedication: 'Para os guardiões do farol.',
    about: 'Vive perto do mar.',
  },
  nl: {
    title: 'Het havenregister',
    chapters: ['De kade', 'De brief'],
    opening: 'De veerboot kwam laat, met de lantaarns laag boven het water.',
    note: 'In de winter voer de veerboot twee keer per week.',
    closing: 'Ze las de brief twee keer voordat ze hem vouwde.',
    dedication: 'Voor de hoeders van het licht.',
    about: 'Ze woont aan zee.',
  },
  sv: {
    title: 'Hamnregistret',
    chapters: ['Kajen', 'Brevet'],
    opening: 'Färjan kom sent, med lyktorna lågt över vattnet.',
    note: 'På vintern gick färjan två gånger i veckan.',
    closing: 'Hon läste brevet två gånger innan hon vek det.',
    dedication: 'Till dem som vaktar ljuset.',
    about: 'Hon bor vid havet.',
  },
};

/** Writes the book for `language` (a tag; its prose is its language's) and returns its folder. */
export async function writeLanguageBook(language: string, extraYaml = ''): Promise<string> {
  const prose = PROSE[language.split('-')[0] as string] as LanguageProse;
  const dir = tempDir(`galley-lang-${language}-`);
  const cover = await sharp({ create: { width: 640, height: 1024, channels: 3, background: '#2a4b5c' } })
    .png()
    .toBuffer();
  writeFileSync(path.join(dir, 'cover.png'), cover);
  writeFileSync(
    path.join(dir, 'book.yaml'),
    `title: ${prose.title}
author:
  - Maren Tolliver
  - name: Piet Halloran
    role: translator
language: ${language}
publisher: Galley
date: 2026-11-24
cover: cover.png
dedication: ${prose.dedication}
epigraph:
  text: ${prose.note}
  attribution: Maren Tolliver
acknowledgements: ${prose.dedication}
about-the-author: ${prose.about}
also-by: ["*${prose.title}*"]
${extraYaml}`,
  );
  writeFileSync(
    path.join(dir, '01.md'),
    `# ${prose.chapters[0]}\n\n${prose.opening}[^1]\n\n${prose.closing}\n\n[^1]: ${prose.note}\n\n# ${prose.chapters[1]}\n\n${prose.closing}\n\n${prose.opening}\n`,
  );
  return dir;
}
