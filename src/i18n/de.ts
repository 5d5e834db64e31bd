/**
 * German. Chapter heads: "Erstes Kapitel", "Zweites Kapitel", "Einundzwanzigstes Kapitel" — the
 * ordinal before the noun, as German novels have long set them. Numbers are written as one word
 * ("hunderteinundzwanzig"); the ordinal agrees with "Kapitel" standing without an article (neuter,
 * strong: "erstes").
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
/** Ordinals below twenty that are not the cardinal and "-te". */
const ORDINAL: Record<number, string> = { 1: 'erste', 3: 'dritte', 7: 'siebte', 8: 'achte' };

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string;
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] as string;
  return unit ? `${unit === 1 ? 'ein' : ONES[unit]}und${tens}` : tens;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds ? `${hundreds === 1 ? '' : ONES[hundreds]}hundert` : '';
  return `${head}${rest ? belowHundred(rest) : ''}`;
}

function ordinal(n: number): string | undefined {
  const words = cardinal(n);
  if (!words) return undefined;
  const rest = n % 100;
  let base: string;
  if (rest === 0 || rest >= 20) base = `${words}ste`;
  else base = `${words.slice(0, words.length - (ONES[rest] as string).length)}${ORDINAL[rest] ?? `${ONES[rest]}te`}`;
  return `${base}s`;
}

export const de: Texts = {
  language: 'de',
  and: 'und',
  contents: 'Inhalt',
  landmarks: 'Orientierungspunkte',
  startOfText: 'Textanfang',
  pageList: 'Seiten der Druckausgabe',
  cover: 'Umschlag',
  coverAlt: 'Umschlag von „{title}“, von {authors}',
  coverAltNoAuthor: 'Umschlag von „{title}“',
  titlePage: 'Titelseite',
  copyrightPage: 'Impressum',
  dedication: 'Widmung',
  epigraph: 'Motto',
  acknowledgements: 'Danksagung',
  aboutTheAuthor: 'Über den Autor',
  aboutTheAuthors: 'Über die Autoren',
  alsoBy: 'Weitere Bücher von {authors}',
  notes: 'Anmerkungen',
  backToNote: 'Zurück zum Text der Anmerkung {n}',
  credits: {
    edt: 'Herausgegeben von {names}',
    trl: 'Übersetzt von {names}',
    ill: 'Mit Illustrationen von {names}',
    aui: 'Mit einer Einleitung von {names}',
    aft: 'Mit einem Nachwort von {names}',
    nrt: 'Gelesen von {names}',
    pht: 'Mit Fotografien von {names}',
    ctb: 'Unter Mitarbeit von {names}',
    other: 'Mit {names}',
  },
  copyright: '© {year} {holder}.',
  allRightsReserved: 'Alle Rechte vorbehalten.',
  publicDomain: 'Dieses Werk ist gemeinfrei.',
  licence: 'Dieses Werk steht unter der Lizenz {licence}.',
  publishedBy: 'Erschienen bei {publisher}',
  firstPublished: 'Erstausgabe {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'Druckausgabe',
  ebookEdition: 'E-Book',
  accessibility: {
    reflowable: 'Ein Buch mit fließendem Text: Schriftgröße, Schriftart und Farben folgen den Einstellungen der Lesenden.',
    navigation: 'Es hat ein Inhaltsverzeichnis, Überschriften in Lesereihenfolge und Orientierungspunkte;',
    notes: 'Anmerkungen öffnen sich von ihren Verweisen aus und führen zurück;',
    images: 'Bilder haben Textalternativen;',
    pageList: 'die Seitenzahlen der Druckausgabe sind markiert und aufgelistet.',
    noPageList: 'Seitenzahlen einer Druckausgabe gibt es nicht.',
  },
  printEditionSource: '{title}, Druckausgabe ({trim})',
  chapter: 'Kapitel',
  numberedWords: ['Buch', 'Teil'],
  chapterCardinal: 'Kapitel {number}',
  chapterOrdinal: '{number} Kapitel',
  chapterHead: { style: 'ordinal', label: true },
  cardinal,
  ordinal,
};
