/** The book's identifier: its ISBN when it has one, or a UUID derived stably from title and author. */
import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace so the same title and author always give the same UUID. */
const NAMESPACE = '6f1d3c52-5a4e-4e0b-9d3e-2f7c1b8a9e40';

export function bookIdentifier(given: string | undefined, title: string, authors: string[]): string {
  if (given) {
    const isbn = given.replace(/^(urn:)?isbn:?\s*/i, '').replace(/[\s-]/g, '');
    if (isValidIsbn(isbn)) return `urn:isbn:${isbn.toUpperCase()}`;
    return given;
  }
  return `urn:uuid:${uuidv5([title, ...authors].join('\n'), NAMESPACE)}`;
}

export function isValidIsbn(text: string): boolean {
  if (/^\d{13}$/.test(text)) {
    const sum = [...text].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  if (/^\d{9}[\dX]$/i.test(text)) {
    const sum = [...text].reduce((acc, d, i) => acc + (d.toUpperCase() === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  return false;
}
