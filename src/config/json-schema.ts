/**
 * book.yaml as a JSON Schema (draft-07, which editors' YAML support reads), made from the one
 * zod schema: `galley schema` prints it, and `galley init` writes it beside a new book.yaml so
 * that an editor completes and checks the keys. The other tools' names book.yaml also takes
 * (`lang`, `cover-image` …) are listed too, each as its key's schema.
 */
import { z } from 'zod';
import { KEY_ALIASES } from './keys.ts';
import { bookSchema } from './schema.ts';

type JsonSchema = { properties?: Record<string, JsonSchema>; [key: string]: unknown };

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  title: "The book's title.",
  subtitle: 'Shown on the title page and in the EPUB metadata.',
  author: 'One author or several; each a name, or {name, file-as, role}.',
  language: 'A BCP 47 language tag (en, en-GB, fr, pt-BR …): the quote marks and the EPUB language.',
  identifier: 'An ISBN, or any identifier (default: a UUID derived from title and author).',
  date: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.',
  cover: "The cover image, a path from the book's folder.",
  parts: '# headings that are part titles.',
  theme: 'The design: a built-in theme (galley themes), a theme folder (./path) or an npm package.',
  stylesheet: "Your own CSS, after the theme's, in print, the preview and the EPUB: a file in the book's folder, or a list.",
  print: 'The print PDF: trim, margins, running heads, folios, lead-in, hyphenation.',
  epub: 'The EPUB: embedded fonts, contents depth, the print ISBN.',
  typography: 'The typographic pass: each rule on or off, and its styles.',
  'scene-breaks': 'What makes a scene break: marker lines, two or more blank lines, or both.',
  check: "galley check's rules: off, or another severity.",
  plugins: 'Your own remark and rehype plugins: module paths from the book folder, or package names.',
};

export function bookJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(bookSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as JsonSchema;
  const properties = schema.properties ?? {};
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (properties[key]) properties[key] = { description, ...properties[key] };
  }
  for (const [alias, key] of Object.entries(KEY_ALIASES)) {
    if (properties[key]) properties[alias] = { ...properties[key], description: `The same as \`${key}\`.` };
  }
  return { title: 'Galley book.yaml', ...schema };
}
