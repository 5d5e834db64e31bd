/**
 * Word lists for the typographic pass: words that begin with an apostrophe standing for dropped
 * letters, and titles that take a no-break space after them.
 */

/**
 * Elisions that are never words without their apostrophe (’tis, ’em, ’n’): an apostrophe before
 * one of these is always an apostrophe.
 */
export const ELISIONS = new Set([
  'tis',
  'twas',
  'twere',
  'twill',
  'twould',
  'twixt',
  'tween',
  'em',
  'n',
  'gainst',
  'spose',
  'sposin',
  'scuse',
  'fraid',
  'nother',
  'neath',
  'pon',
  'gratulate',
  'prentice',
  'cept',
  'ceptin',
  'nough',
  'nuff',
  'cuz',
  'coz',
  'splain',
  'spect',
  // Dropped h (Cockney and the like).
  'im',
  'ere',
  'ave',
  'alf',
  'ome',
  'ouse',
  'ead',
  'eart',
  'orse',
  'ello',
  'urry',
  'appen',
  'ard',
  'eard',
]);

/**
 * Elisions that are also words (’round, ’cause, ’til): an apostrophe unless a closing single
 * quote later in the paragraph has no other opening quote to pair with.
 */
export const SOFT_ELISIONS = new Set([
  'round',
  'cause',
  'cos',
  'til',
  'till',
  'bout',
  'fore',
  'cross',
  'member',
  'way',
  'long',
  'er',
  'is',
  'e',
  'ad',
  'ow',
]);

/** Titles followed by a name: a no-break space after them (with the full stop, or in British style without). */
export const TITLES_WITH_STOP = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mme', 'Mlle', 'Dr', 'St', 'Prof', 'Rev']);
export const TITLES_WITHOUT_STOP = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'St']);
