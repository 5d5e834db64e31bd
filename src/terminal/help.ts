/**
 * What `galley --help` shows after the commands: examples of the common tasks, and the
 * environment variables Galley reads. Defaults in every command's help read as text
 * (`epub,pdf`, not `["epub","pdf"]`): see textDefaults.
 */
import type { Command } from 'commander';

export const EXAMPLES = `
Examples:
  galley init my-novel                     start a book
  galley build                             manuscript/ into dist/: EPUB, PDF
  galley build novel.md --format epub      only the EPUB, from one file
  galley build --pdf screen --out proofs   the screen PDF, into proofs/
  galley build --watch                     again after each save, to Ctrl-C
  galley check                             every problem; builds nothing
  galley check --format json               the same as JSON, for CI, editors
  galley check --max-warnings 0            fail on any warning
  galley preview --open                    live pages and EPUB in a browser
  galley import draft.docx --out my-novel  a book folder from a Word file

Environment:
  NO_COLOR=1                 no colour
  FORCE_COLOR=1              colour even in a pipe, over NO_COLOR (0: none)
  CI=true                    progress as plain lines, even on a terminal
  PUPPETEER_EXECUTABLE_PATH  the Chrome or Chromium to print the PDF with
`;

/** Gives every option and argument default of `program`'s commands a text description (`epub,pdf`). */
export function textDefaults(program: Command): void {
  for (const command of [program, ...program.commands]) {
    for (const option of command.options) {
      if (option.defaultValue !== undefined && option.defaultValueDescription === undefined) {
        option.defaultValueDescription = asText(option.defaultValue, ',');
      }
    }
    for (const argument of command.registeredArguments) {
      if (argument.defaultValue !== undefined && argument.defaultValueDescription === undefined) {
        argument.defaultValueDescription = asText(argument.defaultValue, ' ');
      }
    }
  }
}

function asText(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map(String).join(separator) : String(value);
}
