/**
 * `galley themes`: the built-in themes (each folder under `templates/` with a theme.json), one a
 * line, the name padded to a column, then the description its theme.json gives. Each theme is
 * resolved as a build would (its chain followed), so a broken one is reported, not listed.
 */
import { builtInThemes, resolveTheme, TEMPLATES_DIR } from './theme.ts';

export interface ThemeEntry {
  name: string;
  description: string;
}

export async function listThemes(templates = TEMPLATES_DIR): Promise<ThemeEntry[]> {
  const names = await builtInThemes(templates);
  return Promise.all(
    names.map(async (name) => {
      const theme = await resolveTheme({ value: name, from: templates, templates });
      const parent = theme.layers.at(-2)?.name;
      return { name, description: theme.description ?? (parent ? `(extends ${parent})` : '') };
    }),
  );
}

/** The listing as printed: `default  A classic novel interior …`, one theme a line. */
export async function themeList(templates = TEMPLATES_DIR): Promise<string> {
  const entries = await listThemes(templates);
  const width = Math.max(0, ...entries.map((e) => e.name.length));
  return entries.map((e) => `${e.name.padEnd(width)}  ${e.description}`.trimEnd()).join('\n') + (entries.length ? '\n' : '');
}
