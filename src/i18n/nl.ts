/**
 * Dutch. Chapter heads: "Hoofdstuk één", "Hoofdstuk eenentwintig" — the label and the number in
 * words after it. Numbers are one word ("honderdeenentwintig"), with a diaeresis where two e's
 * meet ("tweeëntwintig"); one alone is "één" (at the start of a heading "Eén", as the Taalunie
 * writes it).
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
/** Ordinals below twenty that are not the cardinal and "-de". */
const ORDINAL: Record<number, string> = { 1: 'eerste', 3: 'derde', 8: 'achtste' };

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string;
  const unit = ONES[n % 10] as string;
  const tens = TENS[Math.floor(n / 10)] as string;
  if (!unit) return tens;
  return `${unit}${unit.endsWith('e') ? 'ën' : 'en'}${tens}`;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  if (n === 1) return 'één';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds ? `${hundreds === 1 ? '' : ONES[hundreds]}honderd` : '';
  return `${head}${rest ? belowHundred(rest) : ''}`;
}

function ordinal(n: number): string | undefined {
  const words = cardinal(n);
  if (!words) return undefined;
  const rest = n % 100;
  if (rest === 0 || rest >= 20) return `${words}ste`;
  const head = words.slice(0, words.length - (n === 1 ? 3 : (ONES[rest] as string).length));
  return `${head}${ORDINAL[rest] ?? `${ONES[rest]}de`}`;
}

export const nl: Texts = {
  language: 'nl',
  and: 'en',
  contents: 'Inhoud',
  landmarks: 'Oriëntatiepunten',
  startOfText: 'Begin van de tekst',
  pageList: 'Pagina’s van de gedrukte uitgave',
  cover: 'Omslag',
  coverAlt: 'Omslag van {title}, door {authors}',
  coverAltNoAuthor: 'Omslag van {title}',
  titlePage: 'Titelpagina',
  copyrightPage: 'Colofon',
  dedication: 'Opdracht',
  epigraph: 'Motto',
  acknowledgements: 'Dankwoord',
  aboutTheAuthor: 'Over de auteur',
  aboutTheAuthors: 'Over de auteurs',
  alsoBy: 'Van dezelfde auteur',
  alsoByMany: 'Van dezelfde auteurs',
  notes: 'Noten',
  backToNote: 'Terug naar de tekst bij noot {n}',
  credits: {
    edt: 'Samengesteld door {names}',
    trl: 'Vertaald door {names}',
    ill: 'Met illustraties van {names}',
    aui: 'Met een inleiding van {names}',
    aft: 'Met een nawoord van {names}',
    nrt: 'Voorgelezen door {names}',
    pht: 'Met foto’s van {names}',
    ctb: 'Met medewerking van {names}',
    other: 'Met {names}',
  },
  copyright: '© {year} {holder}.',
  allRightsReserved: 'Alle rechten voorbehouden.',
  publicDomain: 'Dit werk behoort tot het publieke domein.',
  licence: 'Dit werk valt onder de licentie {licence}.',
  publishedBy: 'Uitgegeven door {publisher}',
  firstPublished: 'Eerste druk: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'gedrukte uitgave',
  ebookEdition: 'e-book',
  accessibility: {
    reflowable: 'Een boek met herschikbare tekst: tekstgrootte, lettertype en kleuren volgen de instellingen van de lezer.',
    navigation: 'Het heeft een inhoudsopgave, koppen in leesvolgorde en oriëntatiepunten;',
    notes: 'noten openen vanuit hun verwijzingen en leiden terug naar de tekst;',
    images: 'afbeeldingen hebben een tekstalternatief;',
    pageList: 'de paginanummers van de gedrukte uitgave zijn gemarkeerd en opgesomd.',
    noPageList: 'er zijn geen paginanummers van een gedrukte uitgave.',
  },
  printEditionSource: '{title}, gedrukte uitgave ({trim})',
  chapter: 'Hoofdstuk',
  numberedWords: ['Boek', 'Deel'],
  chapterCardinal: 'Hoofdstuk {number}',
  chapterOrdinal: '{number} hoofdstuk',
  chapterHead: { style: 'words', label: true },
  capitalise: (word) => (word.startsWith('één') ? `Eé${word.slice(2)}` : `${word.charAt(0).toUpperCase()}${word.slice(1)}`),
  cardinal,
  ordinal,
};
