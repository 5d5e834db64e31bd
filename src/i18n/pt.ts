/**
 * Portuguese: `pt` as Brazil writes it, and `pt-PT` the few words Portugal writes otherwise
 * ("Índice", "dezasseis"). Chapter heads: "Capítulo um", "Capítulo vinte e um" — the label and
 * the number in words after it. Ordinals: "décimo primeiro", "vigésimo primeiro".
 */
import type { Texts } from './types.ts';

const BELOW_TWENTY = [
  '',
  'um',
  'dois',
  'três',
  'quatro',
  'cinco',
  'seis',
  'sete',
  'oito',
  'nove',
  'dez',
  'onze',
  'doze',
  'treze',
  'catorze',
  'quinze',
  'dezesseis',
  'dezessete',
  'dezoito',
  'dezenove',
];
/** Portugal's 16, 17 and 19. */
const PORTUGAL: Record<number, string> = { 16: 'dezasseis', 17: 'dezassete', 19: 'dezanove' };
const TENS = ['', '', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'setenta', 'oitenta', 'noventa'];
const HUNDREDS = [
  '',
  'cento',
  'duzentos',
  'trezentos',
  'quatrocentos',
  'quinhentos',
  'seiscentos',
  'setecentos',
  'oitocentos',
  'novecentos',
];
const ORDINAL_UNITS = ['', 'primeiro', 'segundo', 'terceiro', 'quarto', 'quinto', 'sexto', 'sétimo', 'oitavo', 'nono'];
const ORDINAL_TENS = [
  '',
  'décimo',
  'vigésimo',
  'trigésimo',
  'quadragésimo',
  'quinquagésimo',
  'sexagésimo',
  'septuagésimo',
  'octogésimo',
  'nonagésimo',
];
const ORDINAL_HUNDREDS = [
  '',
  'centésimo',
  'ducentésimo',
  'trecentésimo',
  'quadringentésimo',
  'quingentésimo',
  'sexcentésimo',
  'septingentésimo',
  'octingentésimo',
  'nongentésimo',
];

function cardinalIn(portugal: boolean) {
  const below = (n: number) => (portugal ? PORTUGAL[n] : undefined) ?? (BELOW_TWENTY[n] as string);
  return (n: number): string | undefined => {
    if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
    if (n === 100) return 'cem';
    const rest = n % 100;
    const unit = rest % 10;
    const tail = rest < 20 ? below(rest) : [TENS[Math.floor(rest / 10)], unit ? below(unit) : ''].filter(Boolean).join(' e ');
    return [HUNDREDS[Math.floor(n / 100)], rest ? tail : ''].filter(Boolean).join(' e ');
  };
}

function ordinal(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  const rest = n % 100;
  return [ORDINAL_HUNDREDS[Math.floor(n / 100)], ORDINAL_TENS[Math.floor(rest / 10)], ORDINAL_UNITS[rest % 10]]
    .filter(Boolean)
    .join(' ');
}

export const pt: Texts = {
  language: 'pt',
  and: 'e',
  contents: 'Sumário',
  landmarks: 'Pontos de referência',
  startOfText: 'Início do texto',
  pageList: 'Páginas da edição impressa',
  cover: 'Capa',
  coverAlt: 'Capa de {title}, de {authors}',
  coverAltNoAuthor: 'Capa de {title}',
  titlePage: 'Folha de rosto',
  copyrightPage: 'Créditos',
  dedication: 'Dedicatória',
  epigraph: 'Epígrafe',
  acknowledgements: 'Agradecimentos',
  aboutTheAuthor: 'Sobre o autor',
  aboutTheAuthors: 'Sobre os autores',
  alsoBy: 'Do mesmo autor',
  alsoByMany: 'Dos mesmos autores',
  notes: 'Notas',
  backToNote: 'Voltar ao texto da nota {n}',
  credits: {
    edt: 'Organização de {names}',
    trl: 'Tradução de {names}',
    ill: 'Ilustrações de {names}',
    aui: 'Introdução de {names}',
    aft: 'Posfácio de {names}',
    nrt: 'Narrado por {names}',
    pht: 'Fotografias de {names}',
    ctb: 'Com a colaboração de {names}',
    other: 'Com {names}',
  },
  copyright: '© {year} {holder}.',
  allRightsReserved: 'Todos os direitos reservados.',
  publicDomain: 'Esta obra está em domínio público.',
  licence: 'Esta obra está licenciada sob a licença {licence}.',
  publishedBy: 'Publicado por {publisher}',
  firstPublished: 'Primeira edição: {date}',
  isbnLine: 'ISBN {isbn} ({edition})',
  printEdition: 'edição impressa',
  ebookEdition: 'edição digital',
  accessibility: {
    reflowable: 'Um livro de texto ajustável: o tamanho do texto, a fonte e as cores seguem as configurações do leitor.',
    navigation: 'Tem um sumário, títulos em ordem de leitura e pontos de referência;',
    notes: 'as notas abrem a partir de suas chamadas e remetem ao texto;',
    images: 'as imagens têm textos alternativos;',
    pageList: 'os números de página da edição impressa estão marcados e listados.',
    noPageList: 'não há números de página de uma edição impressa.',
  },
  printEditionSource: '{title}, edição impressa ({trim})',
  chapter: 'Capítulo',
  numberedWords: ['Livro', 'Parte'],
  chapterCardinal: 'Capítulo {number}',
  chapterOrdinal: 'Capítulo {number}',
  chapterHead: { style: 'words', label: true },
  cardinal: cardinalIn(false),
  ordinal,
};

/** European Portuguese: what it writes otherwise; the rest is `pt`'s. */
export const ptPT: Partial<Texts> = {
  language: 'pt-PT',
  contents: 'Índice',
  copyrightPage: 'Ficha técnica',
  accessibility: {
    ...pt.accessibility,
    reflowable: 'Um livro de texto ajustável: o tamanho do texto, o tipo de letra e as cores seguem as definições do leitor.',
    navigation: 'Tem um índice, títulos por ordem de leitura e pontos de referência;',
    notes: 'as notas abrem-se a partir das suas chamadas e remetem para o texto;',
  },
  cardinal: cardinalIn(true),
};
