/**
 * Italian. Chapter heads: "Capitolo primo", "Capitolo ventunesimo" — the label and the ordinal
 * after it, as Italian editions have long set them. Cardinals drop the tens' vowel before "uno"
 * and "otto" (ventuno, trentotto) and accent a closing "tre" (ventitré); ordinals past ten are
 * the cardinal with "-esimo".
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'uno',
  'due',
  'tre',
  'quattro',
  'cinque',
  'sei',
  'sette',
  'otto',
  'nove',
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];
const ORDINALS = ['', 'primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto', 'settimo', 'ottavo', 'nono', 'decimo'];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string;
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] as string;
  if (!unit) return tens;
  if (unit === 1 || unit === 8) return `${tens.slice(0, -1)}${ONES[unit]}`;
  return `${tens}${unit === 3 ? 'tré' : ONES[unit]}`;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds ? `${hundreds === 1 ? '' : ONES[hundreds]}cento` : '';
  const tail = rest ? belowHundred(rest) : '';
  // centotré; and cento, duecento… lose their o before ottanta: centottanta.
  if (hundreds && rest === 3) return `${head}tré`;
  return Math.floor(rest / 10) === 8 ? `${head.slice(0, -1)}${tail}` : `${head}${tail}`;
}

function ordinal(n: number): string | undefined {
  if (n >= 1 && n <= 10) return ORDINALS[n];
  const words = cardinal(n);
  if (!words) return undefined;
  if (words.endsWith('tré')) return `${words.slice(0, -1)}eesimo`;
  if (words.endsWith('sei')) return `${words}esimo`;
  return `${words.slice(0, -1)}esimo`;
}

export const it: Texts = {
  language: 'it',
  and: 'e',
  contents: 'Indice',
  landmarks: 'Punti di riferimento',
  startOfText: 'Inizio del testo',
  pageList: 'Pagine dell’edizione a stampa',
  cover: 'Copertina',
  coverAlt: 'Copertina di {title}, di {authors}',
  coverAltNoAuthor: 'Copertina di {title}',
  titlePage: 'Frontespizio',
  copyrightPage: 'Colophon',
  dedication: 'Dedica',
  epigraph: 'Epigrafe',
  acknowledgements: 'Ringraziamenti',
  aboutTheAuthor: 'L’autore',
  aboutTheAuthors: 'Gli autori',
  alsoBy: 'Dello stesso autore',
  alsoByMany: 'Degli stessi autori',
  notes: 'Note',
  backToNote: 'Torna al testo della nota {n}',
  credits: {
    edt: 'A cura di {names}',
    trl: 'Traduzione di {names}',
    ill: 'Illustrazioni di {names}',
    aui: 'Introduzione di {names}',
    aft: 'Postfazione di {names}',
    nrt: 'Letto da {names}',
    pht: 'Fotografie di {names}',
    ctb: 'Con la collaborazione di {names}',
    other: 'Con {names}',
  },
  copyright: '© {year} {holder}.',
  allRightsReserved: 'Tutti i diritti riservati.',
  publicDomain: 'Quest’opera è di pubblico dominio.',
  licence: 'Quest’opera è distribuita con licenza {licence}.',
  publishedBy: 'Pubblicato da {publisher}',
  firstPublished: 'Prima edizione: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'edizione a stampa',
  ebookEdition: 'e-book',
  accessibility: {
    reflowable: 'Un libro a testo adattabile: dimensione del testo, carattere e colori seguono le impostazioni del lettore.',
    navigation: 'Ha un indice, titoli in ordine di lettura e punti di riferimento;',
    notes: 'le note si aprono dai loro richiami e rimandano al testo;',
    images: 'le immagini hanno testi alternativi;',
    pageList: 'i numeri di pagina dell’edizione a stampa sono segnati ed elencati.',
    noPageList: 'non ci sono numeri di pagina di un’edizione a stampa.',
  },
  printEditionSource: '{title}, edizione a stampa ({trim})',
  chapter: 'Capitolo',
  numberedWords: ['Libro', 'Parte'],
  chapterCardinal: 'Capitolo {number}',
  chapterOrdinal: 'Capitolo {number}',
  chapterHead: { style: 'ordinal', label: true },
  cardinal,
  ordinal,
};
