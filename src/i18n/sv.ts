/**
 * Swedish. Chapter heads: "Kapitel ett", "Kapitel tjugoett" — the label and the number in words
 * after it, in the neuter form "kapitel" takes ("ett"). Numbers are one word ("hundratjugoett");
 * ordinals "första", "tjugoförsta", "hundrade".
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'ett',
  'två',
  'tre',
  'fyra',
  'fem',
  'sex',
  'sju',
  'åtta',
  'nio',
  'tio',
  'elva',
  'tolv',
  'tretton',
  'fjorton',
  'femton',
  'sexton',
  'sjutton',
  'arton',
  'nitton',
];
const TENS = ['', '', 'tjugo', 'trettio', 'fyrtio', 'femtio', 'sextio', 'sjuttio', 'åttio', 'nittio'];
const ORDINALS = [
  '',
  'första',
  'andra',
  'tredje',
  'fjärde',
  'femte',
  'sjätte',
  'sjunde',
  'åttonde',
  'nionde',
  'tionde',
  'elfte',
  'tolfte',
  'trettonde',
  'fjortonde',
  'femtonde',
  'sextonde',
  'sjuttonde',
  'artonde',
  'nittonde',
];

function hundredsOf(n: number): string {
  const hundreds = Math.floor(n / 100);
  return hundreds ? `${hundreds === 1 ? '' : ONES[hundreds]}hundra` : '';
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const rest = n % 100;
  const tail = rest < 20 ? ONES[rest] : `${TENS[Math.floor(rest / 10)]}${ONES[rest % 10]}`;
  return `${hundredsOf(n)}${tail}`;
}

function ordinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const rest = n % 100;
  const unit = rest % 10;
  const head = hundredsOf(n);
  if (rest === 0) return `${head}de`;
  if (rest < 20) return `${head}${ORDINALS[rest]}`;
  const tens = TENS[Math.floor(rest / 10)] as string;
  return unit ? `${head}${tens}${ORDINALS[unit]}` : `${head}${tens}nde`;
}

export const sv: Texts = {
  language: 'sv',
  and: 'och',
  contents: 'Innehåll',
  landmarks: 'Landmärken',
  startOfText: 'Textens början',
  pageList: 'Sidor i den tryckta utgåvan',
  cover: 'Omslag',
  coverAlt: 'Omslaget till {title} av {authors}',
  coverAltNoAuthor: 'Omslaget till {title}',
  titlePage: 'Titelsida',
  copyrightPage: 'Upphovsrätt',
  dedication: 'Dedikation',
  epigraph: 'Motto',
  acknowledgements: 'Tack',
  aboutTheAuthor: 'Om författaren',
  aboutTheAuthors: 'Om författarna',
  alsoBy: 'Av samma författare',
  notes: 'Noter',
  backToNote: 'Tillbaka till texten för not {n}',
  credits: {
    edt: 'Redigerad av {names}',
    trl: 'Översatt av {names}',
    ill: 'Illustrerad av {names}',
    aui: 'Med inledning av {names}',
    aft: 'Med efterord av {names}',
    nrt: 'Uppläst av {names}',
    pht: 'Fotografier av {names}',
    ctb: 'Med bidrag av {names}',
    other: 'Med {names}',
  },
  copyright: '© {holder} {year}.',
  allRightsReserved: 'Alla rättigheter förbehållna.',
  publicDomain: 'Detta verk är allmän egendom.',
  licence: 'Detta verk är licensierat under {licence}.',
  publishedBy: 'Utgiven av {publisher}',
  firstPublished: 'Första utgåva: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'tryckt utgåva',
  ebookEdition: 'e-bok',
  accessibility: {
    reflowable: 'En bok med flytande text: textstorlek, typsnitt och färger följer läsarens inställningar.',
    navigation: 'Den har en innehållsförteckning, rubriker i läsordning och landmärken;',
    notes: 'noter öppnas från sina hänvisningar och länkar tillbaka;',
    images: 'bilder har textalternativ;',
    pageList: 'sidnumren i den tryckta utgåvan är markerade och listade.',
    noPageList: 'det finns inga sidnummer från en tryckt utgåva.',
  },
  printEditionSource: '{title}, tryckt utgåva ({trim})',
  chapter: 'Kapitel',
  numberedWords: ['Bok', 'Del'],
  chapterCardinal: 'Kapitel {number}',
  chapterOrdinal: '{number} kapitlet',
  chapterHead: { style: 'words', label: true },
  cardinal,
  ordinal,
};
