/**
 * French. Chapter heads: "Chapitre premier", then "Chapitre deux", "Chapitre vingt et un" — the
 * number in words after the label, with "premier" for the first, as French editions (and legal
 * texts: "article premier") write it. Numbers in the traditional spelling: hyphens below a
 * hundred, "et" in 21, 31 … 71, "quatre-vingts" and "deux cents" with their plural s only at the
 * end. Before : and ; stands a narrow no-break space (U+202F), as the typographic pass sets them
 * in the text.
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

function belowHundred(n: number): string {
  if (n <= 16) return ONES[n] as string;
  if (n < 20) return `dix-${ONES[n - 10]}`;
  const ten = Math.floor(n / 10);
  // 70–79 and 90–99 count on from 60 and 80: soixante-douze, quatre-vingt-dix-sept.
  const unit = ten === 7 || ten === 9 ? n - ten * 10 + 10 : n % 10;
  const tens = TENS[ten] as string;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : tens;
  if ((unit === 1 || unit === 11) && ten !== 8 && ten !== 9) return `${tens} et ${belowHundred(unit)}`;
  return `${tens}-${belowHundred(unit)}`;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest);
  const head = hundreds === 1 ? 'cent' : `${ONES[hundreds]} cent${rest ? '' : 's'}`;
  // "quatre-vingts" keeps its s only at the very end of the number.
  return rest ? `${head} ${belowHundred(rest)}` : head;
}

function ordinal(n: number): string | undefined {
  if (n === 1) return 'premier';
  const words = cardinal(n);
  if (!words) return undefined;
  const stem = words
    .replace(/(cent|vingt)s$/, '$1')
    .replace(/cinq$/, 'cinqu')
    .replace(/neuf$/, 'neuv')
    .replace(/e$/, '');
  return `${stem}ième`;
}

export const fr: Texts = {
  language: 'fr',
  and: 'et',
  contents: 'Table des matières',
  landmarks: 'Repères',
  startOfText: 'Début du texte',
  pageList: 'Pages de l’édition imprimée',
  cover: 'Couverture',
  coverAlt: 'Couverture de {title}, par {authors}',
  coverAltNoAuthor: 'Couverture de {title}',
  titlePage: 'Page de titre',
  copyrightPage: 'Mentions de droits',
  dedication: 'Dédicace',
  epigraph: 'Épigraphe',
  acknowledgements: 'Remerciements',
  aboutTheAuthor: 'À propos de l’auteur',
  aboutTheAuthors: 'À propos des auteurs',
  alsoBy: 'Du même auteur',
  alsoByMany: 'Des mêmes auteurs',
  notes: 'Notes',
  backToNote: 'Retour au texte de la note {n}',
  credits: {
    edt: 'Édité par {names}',
    trl: 'Traduit par {names}',
    ill: 'Illustrations de {names}',
    aui: 'Introduction de {names}',
    aft: 'Postface de {names}',
    nrt: 'Lu par {names}',
    pht: 'Photographies de {names}',
    ctb: 'Avec la collaboration de {names}',
    other: 'Avec {names}',
  },
  copyright: '© {holder}, {year}.',
  allRightsReserved: 'Tous droits réservés.',
  publicDomain: 'Cette œuvre appartient au domaine public.',
  licence: 'Cette œuvre est mise à disposition selon les termes de la licence {licence}.',
  publishedBy: 'Publié par {publisher}',
  firstPublished: 'Première publication\u202f: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'édition imprimée',
  ebookEdition: 'édition numérique',
  accessibility: {
    reflowable: 'Un livre recomposable\u202f: la taille du texte, la police et les couleurs suivent les réglages du lecteur.',
    navigation: 'Il comporte une table des matières, des titres dans l’ordre de lecture et des repères\u202f;',
    notes: 'les notes s’ouvrent depuis leurs appels et renvoient au texte\u202f;',
    images: 'les images ont un texte de remplacement\u202f;',
    pageList: 'les numéros de page de l’édition imprimée sont marqués et listés.',
    noPageList: 'il n’y a pas de numéros de page imprimée.',
  },
  printEditionSource: '{title}, édition imprimée ({trim})',
  chapter: 'Chapitre',
  numberedWords: ['Livre', 'Partie', 'Tome'],
  chapterCardinal: 'Chapitre {number}',
  chapterOrdinal: '{number} chapitre',
  labelCardinal: (n) => (n === 1 ? 'premier' : cardinal(n)),
  chapterHead: { style: 'words', label: true },
  cardinal,
  ordinal,
};
