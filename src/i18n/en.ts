/**
 * English. Chapter heads: the number in words, alone ("One", "Twenty-one", "One hundred and
 * one"), as most English-language trade fiction sets it; hundreds take "and", as British and
 * American book typography both write them out.
 */
import type { Texts } from './types.ts';

const ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string;
  const unit = n % 10;
  return `${TENS[Math.floor(n / 10)]}${unit ? `-${ONES[unit]}` : ''}`;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds ? `${ONES[hundreds]} hundred` : '';
  return [head, rest ? belowHundred(rest) : ''].filter(Boolean).join(' and ');
}

function ordinal(n: number): string | undefined {
  const words = cardinal(n);
  if (!words) return undefined;
  const [, before = '', last = ''] = /^(.*?)([a-z]+)$/.exec(words) ?? [];
  const turned = ORDINAL[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return `${before}${turned}`;
}

export const en: Texts = {
  language: 'en',
  and: 'and',
  contents: 'Contents',
  landmarks: 'Landmarks',
  startOfText: 'Start of Content',
  pageList: 'Pages of the print edition',
  cover: 'Cover',
  coverAlt: 'Cover of {title} by {authors}',
  coverAltNoAuthor: 'Cover of {title}',
  titlePage: 'Title Page',
  copyrightPage: 'Copyright',
  dedication: 'Dedication',
  epigraph: 'Epigraph',
  acknowledgements: 'Acknowledgements',
  aboutTheAuthor: 'About the Author',
  aboutTheAuthors: 'About the Authors',
  alsoBy: 'Also by {authors}',
  notes: 'Notes',
  backToNote: 'Back to the text of note {n}',
  credits: {
    edt: 'Edited by {names}',
    trl: 'Translated by {names}',
    ill: 'Illustrated by {names}',
    aui: 'Introduction by {names}',
    aft: 'Afterword by {names}',
    nrt: 'Read by {names}',
    pht: 'Photographs by {names}',
    ctb: 'With contributions by {names}',
    other: 'With {names}',
  },
  copyright: 'Copyright © {year} {holder}.',
  allRightsReserved: 'All rights reserved.',
  publicDomain: 'This book is in the public domain.',
  licence: 'This work is licensed under {licence}.',
  publishedBy: 'Published by {publisher}',
  firstPublished: 'First published {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'print',
  ebookEdition: 'ebook',
  accessibility: {
    reflowable: 'A reflowable book: text size, font and colours follow the reader’s settings.',
    navigation: 'It has a table of contents, headings in reading order and landmarks;',
    notes: 'notes open from their references and link back;',
    images: 'images have text alternatives;',
    pageList: 'page numbers of the print edition are marked and listed.',
    noPageList: 'there are no print page numbers.',
  },
  printEditionSource: '{title}, print edition ({trim})',
  chapter: 'Chapter',
  numberedWords: ['Book', 'Part'],
  chapterCardinal: 'Chapter {number}',
  chapterOrdinal: 'Chapter the {number}',
  chapterHead: { style: 'words', label: false },
  cardinal,
  ordinal,
};
