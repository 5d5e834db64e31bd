/**
 * The one schema for a theme's `theme.json`: its description, the built-in theme it extends, its
 * fonts, and the print settings the engine needs as numbers. A theme that extends another gives
 * only what it changes; the merged manifest (src/output/theme.ts) must then have every print
 * setting, which the root of every chain (a built-in theme) gives.
 */
import { z } from 'zod';
import { parseLength } from './trim.ts';

const nonEmpty = z.string({ message: 'must be text' }).trim().min(1, 'must not be empty');

const length = nonEmpty.refine((value) => parseLength(value) !== undefined, {
  message: 'must be a length such as 11pt, 0.16in or 4mm',
});

/** A file inside the theme's folder: a relative path that does not climb out of it. */
const innerPath = nonEmpty.refine((value) => !/^([/\\]|[a-z]:)/i.test(value) && !value.split(/[/\\]/).includes('..'), {
  message: 'must be a path inside the theme’s folder (no leading / and no ..)',
});

export const FONT_ROLES = ['text', 'display', 'small-caps'] as const;

/** The roles a theme may turn off (`{ "role": …, "none": true }`); every theme keeps a text face. */
export const DROPPABLE_ROLES = ['display', 'small-caps'] as const;

/** The keys that name a font's files: none of them goes with `none`. */
const FACE_KEYS = ['package', 'path', 'stylesheets', 'family', 'weight'] as const;

/**
 * A font: an npm package in the fontsource layout, or a folder of the theme in the same layout.
 * Or, with `none`, no font for a role the parent gives one (a child of `default` without true
 * small caps: `{ "role": "small-caps", "none": true }`).
 */
export const themeFontSchema = z
  .object({
    /** An npm font package (`@fontsource/alegreya`), found from the theme's folder, the book's, then Galley's. */
    package: nonEmpty.optional(),
    /** Or a folder inside the theme holding the stylesheets and their `files/`. */
    path: innerPath.optional(),
    /** The stylesheets to load, one per face (`400.css`, `400-italic.css` …). */
    stylesheets: z
      .array(innerPath, { message: 'must be a list of stylesheet names' })
      .min(1, 'must name at least one')
      .optional(),
    /** The CSS family name the stylesheets declare. */
    family: nonEmpty.optional(),
    /** What the theme uses it for: the text, headings (display), or true small caps. */
    role: z.enum(FONT_ROLES, { message: 'must be text, display or small-caps' }).optional(),
    /** The weight of the small-caps face to use (default 400). */
    weight: z
      .number({ message: 'must be a weight from 100 to 900' })
      .int('must be a weight from 100 to 900')
      .min(100, 'must be a weight from 100 to 900')
      .max(900, 'must be a weight from 100 to 900')
      .optional(),
    /** No font for `role`: the parent's is dropped, and the theme's CSS does without it. */
    none: z.literal(true, { message: 'must be true (to turn the role off), or be left out' }).optional(),
  })
  .strict()
  .superRefine((font, ctx) => {
    if (font.none) {
      if (font.role === undefined) ctx.addIssue({ code: 'custom', message: 'is required', path: ['role'] });
      else if (!(DROPPABLE_ROLES as readonly string[]).includes(font.role)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be display or small-caps with `none`: a theme always has a text face (give a font with role text to replace it)',
          path: ['role'],
        });
      }
      for (const key of FACE_KEYS.filter((k) => font[k] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be left out of an entry with `none` (it turns the role off)',
          path: [key],
        });
      }
      return;
    }
    if (font.stylesheets === undefined) ctx.addIssue({ code: 'custom', message: 'is required', path: ['stylesheets'] });
    // Neither: `package` is reported missing. Both: `path` is one too many.
    if (font.package === undefined && font.path === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is required (or `path`)', path: ['package'] });
    } else if (font.package !== undefined && font.path !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'cannot be given with `package`: a font is a package or a folder of the theme',
        path: ['path'],
      });
    }
  });

export const themePrintSchema = z
  .object({
    /** Body text size, e.g. `11.25pt`. */
    'font-size': length.optional(),
    /** Line height: the baseline grid every vertical space is a multiple of, e.g. `14.5pt`. */
    'line-height': length.optional(),
    /** How a chapter's first paragraph opens (book.yaml's `print.lead-in` overrides it). */
    'lead-in': z.enum(['drop-cap', 'small-caps', 'none'], { message: 'must be drop-cap, small-caps or none' }).optional(),
    /** The scene-break ornament, as text (`* * *`, `❦`): in print and, as `--galley-ornament`, in the EPUB. */
    ornament: nonEmpty.optional(),
  })
  .strict();

/** An ornament: text (`❦`), an image file of the theme (`ornament.svg`), or `none`. */
const ornament = nonEmpty;

/** The chapter head (src/book/chapter-head.ts reads it): each key over the parent's. */
export const themeChapterSchema = z
  .object({
    /** How the number is written (unset: as the book's language sets it). */
    number: z
      .enum(['words', 'ordinal', 'numerals', 'roman', 'none'], { message: 'must be words, ordinal, numerals, roman or none' })
      .optional(),
    /** The language's word for "chapter" with the number ("Chapter One"). */
    label: z.boolean({ message: 'must be true or false' }).optional(),
    /** The title is set under the number. */
    title: z.boolean({ message: 'must be true or false' }).optional(),
    /** Under the title: text, an image file of the theme, or `none`. */
    ornament: ornament.optional(),
    /** A short rule under the title. */
    rule: z.boolean({ message: 'must be true or false' }).optional(),
    /** Space above the head, in lines of text. */
    sink: z.number({ message: 'must be a number of lines' }).int('must be a whole number of lines').min(0).max(20).optional(),
  })
  .strict();

/** The scene break (src/output/theme-design.ts reads it). */
export const themeSceneBreakSchema = z
  .object({
    /** The ornament: text or an image file of the theme. */
    ornament: ornament.optional(),
    /** `always`, or `page-edges`: in print only where a break falls at a page's top or foot. */
    show: z.enum(['always', 'page-edges'], { message: 'must be always or page-edges' }).optional(),
  })
  .strict();

export const themeSchema = z
  .object({
    /** For editors: the JSON Schema the file follows. */
    $schema: z.string().optional(),
    /** The theme's name (informative; a built-in theme is named by its folder). */
    name: nonEmpty.optional(),
    /** One line saying what the theme looks like (`galley themes` shows it). */
    description: nonEmpty.optional(),
    /** A built-in theme this one inherits everything from, overriding only what it gives. */
    extends: nonEmpty.optional(),
    /**
     * Fonts. A font with a role replaces the parent's font of that role; others are added; a
     * role with `none` drops the parent's.
     */
    fonts: z
      .array(themeFontSchema, { message: 'must be a list of fonts' })
      .superRefine((fonts, ctx) => {
        for (const [i, font] of fonts.entries()) {
          if (!font.none || !fonts.some((other) => !other.none && other.role === font.role)) continue;
          ctx.addIssue({
            code: 'custom',
            message: `${font.role} is both turned off (\`none\`) and given a font in this list: keep one of the two entries`,
            path: [i, 'role'],
          });
        }
      })
      .optional(),
    /** The print settings the engine measures with; each overrides the parent's. */
    print: themePrintSchema.optional(),
    /** The chapter head, in print and the EPUB. */
    chapter: themeChapterSchema.optional(),
    /** How a chapter's first paragraph opens, in print and the EPUB (over `print.lead-in`). */
    'lead-in': z
      .enum(['drop-cap', 'small-caps', 'both', 'none'], { message: 'must be drop-cap, small-caps, both or none' })
      .optional(),
    /** The scene break's ornament and where it shows (over `print.ornament`). */
    'scene-break': themeSceneBreakSchema.optional(),
  })
  .strict();

export type ThemeManifest = z.output<typeof themeSchema>;
/** An entry of `fonts` as written: a font, or a role turned off. */
export type ThemeFontEntry = z.output<typeof themeFontSchema>;
/** A font (an entry without `none`): its stylesheets are given. */
export type ThemeFont = Omit<ThemeFontEntry, 'none' | 'stylesheets'> & { stylesheets: string[] };
type Given<T> = { [K in keyof T]-?: NonNullable<T[K]> };
/** The print settings, every one given (merged along the chain). */
export type ThemePrint = Given<z.output<typeof themePrintSchema>>;
