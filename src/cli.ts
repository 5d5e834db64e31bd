/**
 * The `galley` command: declares commands and flags, hands them to the library, and maps what
 * happens to an exit code (0 done, 1 failed, 2 usage mistake). No book logic lives here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Format } from './core/build.ts';
import { exitCodeFor, GalleyError } from './errors.ts';
import { atLevel, createLogger, type Logger, type LogLevel } from './logger.ts';
import { EPUB_TARGETS, type EpubTarget } from './output/epub/targets.ts';
import type { PdfEdition } from './output/pdf.ts';
import { EXAMPLES, textDefaults } from './terminal/help.ts';
import { reportError } from './terminal/report.ts';

const FORMATS: Format[] = ['epub', 'pdf'];

/** `--quiet` and `--verbose`, where a command has them. */
interface Verbosity {
  quiet?: boolean;
  verbose?: boolean;
}

/** Runs the command line; `logger` (default: stderr, as `--quiet`/`--verbose` say) gets every line. */
export async function main(argv: string[], logger?: Logger): Promise<number> {
  const status = { code: 0 };
  const program = createProgram(logger, status);
  try {
    await program.parseAsync(argv);
    return status.code || Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    reportError(error, logger ?? createLogger());
    return exitCodeFor(error);
  }
}

function createProgram(given: Logger | undefined, status: { code: number }): Command {
  const logger = given ?? createLogger();
  const loggerFor = (flags: Verbosity): Logger => {
    const level: LogLevel = flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
    return given ? atLevel(given, level) : createLogger({ level });
  };
  const program = new Command('galley')
    .description('Turn a Markdown manuscript into a store-ready EPUB and a print-ready PDF.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run `galley --help` for usage)')
    .addHelpText('after', EXAMPLES)
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });

  program
    .command('build')
    .description('build the EPUB and the print PDF')
    .argument('[inputs...]', 'manuscripts: each a folder with book.yaml, a .md file or a .txt file, or a folder of books', [
      'manuscript',
    ])
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --format <list>', 'formats to build, comma-separated: epub,pdf', parseFormats, FORMATS)
    .option('--title <title>', 'book title (overrides the manuscript)')
    .option('--author <name>', 'author (overrides the manuscript)')
    .option(
      '--theme <theme>',
      "the design: a built-in theme (`galley themes`), a theme folder (./path) or a package; overrides book.yaml's",
    )
    .option('--browser <path>', 'Chrome or Chromium to print the PDF with')
    .option('-t, --target <store>', `store the EPUB is made for: ${EPUB_TARGETS.join(', ')}`, parseTarget, 'generic')
    .option(
      '--pdf <edition>',
      'PDF edition: print (for KDP and IngramSpark) or screen (bookmarks, links, tagged)',
      parsePdf,
      'print',
    )
    .option('-w, --watch', 'build again after each save of the manuscript, its images or the theme, until Ctrl-C')
    .addOption(new Option('-q, --quiet', 'print only warnings and errors').conflicts('verbose'))
    .option('--verbose', "also print the PDF's steps with their times, and each request the print page was refused")
    .action(
      async (
        inputs: string[],
        flags: {
          out: string;
          format: Format[];
          title?: string;
          author?: string;
          theme?: string;
          browser?: string;
          target: EpubTarget;
          pdf: PdfEdition;
          watch?: boolean;
        } & Verbosity,
      ) => {
        // Several books, or a folder of books: one browser and a worker per core (core/batch-cli.ts).
        const { namesMany, runMany } = await import('./core/batch-cli.ts');
        if (flags.watch) {
          if (await namesMany(inputs)) {
            throw new GalleyError('USAGE', '--watch builds one book, and several were given', {
              hint: 'Name the one book to watch; build the others without --watch.',
            });
          }
          const { watchBuild } = await import('./terminal/watch-build.ts');
          const { out, format: formats, title, author, theme, browser, target, pdf } = flags;
          const input = inputs[0] as string;
          const logger = loggerFor(flags);
          status.code = await watchBuild({ input, out, formats, title, author, theme, browser, target, pdf, logger });
          return;
        }
        if (await namesMany(inputs)) {
          const { out, format: formats, title, author, theme, browser, target, pdf } = flags;
          const logger = loggerFor(flags);
          status.code = await runMany({ inputs, out, formats, title, author, theme, browser, target, pdf, logger });
          return;
        }
        const { build } = await import('./core/build.ts');
        await build({
          input: inputs[0] as string,
          out: flags.out,
          formats: flags.format,
          title: flags.title,
          author: flags.author,
          theme: flags.theme,
          browser: flags.browser,
          target: flags.target,
          pdf: flags.pdf,
          logger: loggerFor(flags),
        });
      },
    );

  program
    .command('preview')
    .description('serve a live preview of the printed pages and the EPUB while you write')
    .argument('[input]', 'manuscript: a folder with book.yaml, a .md file or a .txt file', 'manuscript')
    .option('-p, --port <port>', 'port on 127.0.0.1 (the next free one is used when it is taken)', parsePort, 4173)
    .option('--open', 'open the preview in the system browser')
    .option('--title <title>', 'book title (overrides the manuscript)')
    .option('--author <name>', 'author (overrides the manuscript)')
    .option(
      '--theme <theme>',
      "the design: a built-in theme (`galley themes`), a theme folder (./path) or a package; overrides book.yaml's",
    )
    .option('--browser <path>', 'Chrome or Chromium to lay the pages out with (default: found automatically)')
    .action(
      async (
        input: string,
        flags: { port: number; open?: boolean; title?: string; author?: string; theme?: string; browser?: string },
      ) => {
        const { runPreview } = await import('./preview/run.ts');
        await runPreview({
          input,
          port: flags.port,
          open: flags.open ?? false,
          title: flags.title,
          author: flags.author,
          theme: flags.theme,
          browser: flags.browser,
          logger,
        });
      },
    );

  program
    .command('themes')
    .description('list the built-in themes, one a line: the name, then what it looks like')
    .action(async () => {
      const { themeList } = await import('./output/theme-list.ts');
      process.stdout.write(await themeList());
    });

  program
    .command('check')
    .description('lint the manuscript without building: quotes, spaces, scene-break markers, images, headings')
    .argument('[input]', 'manuscript: a folder with book.yaml, a .md file or a .txt file', 'manuscript')
    .option('--fixes', 'also list every change the typographic pass makes, with its place (on stdout)')
    .option('--title <title>', 'book title (overrides the manuscript)')
    .option('--author <name>', 'author (overrides the manuscript)')
    .addOption(
      new Option('--format <format>', 'text (lines on stderr) or json (one document on stdout, for CI and editors)')
        .argParser(parseCheckFormat)
        .default('text'),
    )
    .option('--max-warnings <n>', 'fail (exit code 1) when there are more warnings than n', parseCount)
    .option('-q, --quiet', 'print only warnings and errors (no summary)')
    .action(
      async (
        input: string,
        flags: { fixes?: boolean; title?: string; author?: string; format: 'text' | 'json'; maxWarnings?: number } & Verbosity,
      ) => {
        const { runCheck } = await import('./check/run.ts');
        status.code = await runCheck({
          input,
          fixes: flags.fixes ?? false,
          title: flags.title,
          author: flags.author,
          format: flags.format,
          maxWarnings: flags.maxWarnings,
          logger: loggerFor(flags),
        });
      },
    );

  program
    .command('import')
    .description('make a book folder (book.yaml and a Markdown file per chapter) from a Word document or a saved web page')
    .argument('<file>', 'a Word document (.docx) or a saved web page (.html)')
    .option('-o, --out <dir>', 'the book folder to write (default: a folder named after the file)')
    .option('--force', 'replace the book in a folder that already has files')
    .addOption(new Option('--accept-changes', "accept every tracked change, as Word's Accept All").conflicts('rejectChanges'))
    .addOption(new Option('--reject-changes', "reject every tracked change, as Word's Reject All"))
    .option('--drop-comments', 'leave the comments out (each one is listed)')
    .action(
      async (
        file: string,
        flags: { out?: string; force?: boolean; acceptChanges?: boolean; rejectChanges?: boolean; dropComments?: boolean },
      ) => {
        const { importManuscript } = await import('./import/import.ts');
        await importManuscript({
          input: file,
          out: flags.out,
          force: flags.force ?? false,
          changes: flags.acceptChanges ? 'accept' : flags.rejectChanges ? 'reject' : undefined,
          dropComments: flags.dropComments ?? false,
          logger,
        });
      },
    );

  program
    .command('init')
    .description('start a book: a commented book.yaml, two chapters that show the conventions, a .gitignore')
    .argument('[dir]', 'the folder to start it in (made if missing)', '.')
    .action(async (dir: string) => {
      const { init } = await import('./core/init.ts');
      const { written, kept } = await init(dir);
      for (const name of written) logger.info(`wrote ${path.join(dir, name)}`);
      for (const name of kept) logger.info(`kept ${path.join(dir, name)} (it was there already)`);
      logger.info(`next: galley build ${dir === '.' ? '' : dir}`.trimEnd());
    });

  program
    .command('schema')
    .description("print book.yaml's JSON Schema (for editors: `galley schema > book.schema.json`)")
    .action(async () => {
      const { bookJsonSchema } = await import('./config/json-schema.ts');
      process.stdout.write(`${JSON.stringify(bookJsonSchema(), null, 2)}\n`);
    });

  textDefaults(program);
  return program;
}

function parsePdf(value: string): PdfEdition {
  const edition = value.trim().toLowerCase();
  if (edition !== 'print' && edition !== 'screen') throw new InvalidArgumentError(`expected print or screen; got "${value}".`);
  return edition;
}

function parseTarget(value: string): EpubTarget {
  const target = value.trim().toLowerCase() as EpubTarget;
  if (!EPUB_TARGETS.includes(target)) throw new InvalidArgumentError(`expected ${EPUB_TARGETS.join(', ')}; got "${value}".`);
  return target;
}

function parseCheckFormat(value: string): 'text' | 'json' {
  const format = value.trim().toLowerCase();
  if (format !== 'text' && format !== 'json') throw new InvalidArgumentError(`expected text or json; got "${value}".`);
  return format;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  return port;
}

function parseFormats(value: string): Format[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length || formats.length === 0) {
    throw new InvalidArgumentError(`expected epub, pdf or epub,pdf; got "${value}".`);
  }
  return [...new Set(formats)] as Format[];
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
