/**
 * What the built-in themes (templates/*) declare, read from their files as a designer wrote
 * them, for the theme tests to hold the pages to: each theme.json with its parent's settings
 * under its own, the chapter's lead-in, and the text's alignment and paragraph indent (the
 * `--galley-text-align` and `--galley-indent` custom properties of its book.css).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../../src/output/theme.ts';
import type { LeadIn } from './print-page-measures.ts';

/** The built-in themes: the folders under templates/ with a theme.json. */
export const THEMES = readdirSync(TEMPLATES_DIR).filter((name) => existsSync(path.join(TEMPLATES_DIR, name, 'theme.json')));

export interface Manifest {
  description?: string;
  extends?: string;
  fonts?: { package?: string; family?: string; role?: string; stylesheets?: string[]; none?: true }[];
  print?: { 'font-size'?: string; 'line-height'?: string; 'lead-in'?: string };
  'lead-in'?: LeadIn;
}

export const manifest = (theme: string): Manifest =>
  JSON.parse(readFileSync(path.join(TEMPLATES_DIR, theme, 'theme.json'), 'utf8')) as Manifest;

/** A theme's setting, its own or its parent's. */
export function inherited<T>(theme: string, get: (m: Manifest) => T | undefined): T | undefined {
  const own = manifest(theme);
  return get(own) ?? (own.extends ? inherited(own.extends, get) : undefined);
}

/** The fonts a theme's own theme.json lists, less the roles it turns off (`none`). */
export const ownFonts = (theme: string) => (manifest(theme).fonts ?? []).filter((f) => !f.none);

/** The families a theme's own theme.json lists (a built-in design uses no face of its parent's). */
export const families = (theme: string): string[] => ownFonts(theme).map((f) => f.family ?? '');

/**
 * How the theme opens a chapter: its `lead-in`, else its older `print.lead-in` (whose `drop-cap`
 * meant the drop cap with the first words in small caps), else its parent's; `both` at the root.
 */
export function declaredLeadIn(theme: string): LeadIn {
  const own = manifest(theme);
  const legacy = own.print?.['lead-in'];
  if (own['lead-in']) return own['lead-in'];
  if (legacy) return legacy === 'drop-cap' ? 'both' : (legacy as LeadIn);
  return own.extends ? declaredLeadIn(own.extends) : 'both';
}

/** A custom property of the theme's book.css (`--galley-…`), its own or its parent's. */
export function declaredProperty(theme: string, name: string): string | undefined {
  const file = path.join(TEMPLATES_DIR, theme, 'book.css');
  const css = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const value = new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();
  const parent = manifest(theme).extends;
  return value ?? (parent ? declaredProperty(parent, name) : undefined);
}
