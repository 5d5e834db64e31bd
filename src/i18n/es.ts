/**
 * Spanish. Chapter heads: "Capítulo uno", "Capítulo veintiuno" — the label and the number in
 * words after it, which takes the full form ("uno", "veintiuno"), as Spanish editions set it.
 * Ordinals follow the Real Academia: "undécimo", "duodécimo", "decimotercero", then "vigésimo
 * primero".
 */
import type { Texts } from './types.ts';

const BELOW_THIRTY = [
  '',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];
const ORDINAL_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ORDINAL_TEENS = [
  'décimo',
  'undécimo',
  'duodécimo',
  'decimotercero',
  'decimocuarto',
  'decimoquinto',
  'decimosexto',
  'decimoséptimo',
  'decimoctavo',
  'decimonoveno',
];
const ORDINAL_TENS = [
  '',
  '',
  'vigésimo',
  'trigésimo',
  'cuadragésimo',
  'quincuagésimo',
  'sexagésimo',
  'septuagésimo',
  'octogésimo',
  'nonagésimo',
];
const ORDINAL_HUNDREDS = [
  '',
  'centésimo',
  'ducentésimo',
  'tricentésimo',
  'cuadringentésimo',
  'quingentésimo',
  'sexcentésimo',
  'septingentésimo',
  'octingentésimo',
  'noningentésimo',
];

function belowHundred(n: number): string {
  if (n < 30) return BELOW_THIRTY[n] as string;
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] as string;
  return unit ? `${tens} y ${BELOW_THIRTY[unit]}` : tens;
}

function cardinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return [HUNDREDS[hundreds], rest ? belowHundred(rest) : ''].filter(Boolean).join(' ');
}

function ordinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const rest = n % 100;
  const ten = Math.floor(rest / 10);
  const tail = ten === 1 ? ORDINAL_TEENS[rest - 10] : [ORDINAL_TENS[ten], ORDINAL_UNITS[rest % 10]].filter(Boolean).join(' ');
  return [ORDINAL_HUNDREDS[Math.floor(n / 100)], tail].filter(Boolean).join(' ');
}

export const es: Texts = {
  language: 'es',
  and: 'y',
  contents: 'Índice',
  landmarks: 'Puntos de referencia',
  startOfText: 'Inicio del texto',
  pageList: 'Páginas de la edición impresa',
  cover: 'Cubierta',
  coverAlt: 'Cubierta de {title}, de {authors}',
  coverAltNoAuthor: 'Cubierta de {title}',
  titlePage: 'Portada',
  copyrightPage: 'Página de créditos',
  dedication: 'Dedicatoria',
  epigraph: 'Epígrafe',
  acknowledgements: 'Agradecimientos',
  aboutTheAuthor: 'Sobre el autor',
  aboutTheAuthors: 'Sobre los autores',
  alsoBy: 'Otras obras de {authors}',
  notes: 'Notas',
  backToNote: 'Volver al texto de la nota {n}',
  credits: {
    edt: 'Edición de {names}',
    trl: 'Traducción de {names}',
    ill: 'Ilustraciones de {names}',
    aui: 'Introducción de {names}',
    aft: 'Epílogo de {names}',
    nrt: 'Narrado por {names}',
    pht: 'Fotografías de {names}',
    ctb: 'Con la colaboración de {names}',
    other: 'Con {names}',
  },
  copyright: '© {year}, {holder}.',
  allRightsReserved: 'Reservados todos los derechos.',
  publicDomain: 'Esta obra es de dominio público.',
  licence: 'Esta obra se publica bajo la licencia {licence}.',
  publishedBy: 'Publicado por {publisher}',
  firstPublished: 'Primera edición: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'edición impresa',
  ebookEdition: 'edición digital',
  accessibility: {
    reflowable: 'Un libro de texto adaptable: el tamaño del texto, la fuente y los colores siguen los ajustes del lector.',
    navigation: 'Tiene un índice, encabezados en orden de lectura y puntos de referencia;',
    notes: 'las notas se abren desde sus llamadas y remiten al texto;',
    images: 'las imágenes tienen textos alternativos;',
    pageList: 'los números de página de la edición impresa están marcados y listados.',
    noPageList: 'no hay números de página de una edición impresa.',
  },
  printEditionSource: '{title}, edición impresa ({trim})',
  chapter: 'Capítulo',
  numberedWords: ['Libro', 'Parte'],
  chapterCardinal: 'Capítulo {number}',
  chapterOrdinal: 'Capítulo {number}',
  chapterHead: { style: 'words', label: true },
  cardinal,
  ordinal,
};
