/**
 * `plugins:` in book.yaml: the author's own remark and rehype plugins. Each entry is a module —
 * a path relative to the book's folder (`./plugins/smallcaps.js`) or a package name
 * (`remark-emoji`) — alone, or as `[module, options]`, the way unified's own config files
 * (.remarkrc) write them.
 */
import { z } from 'zod';

const moduleName = z.string({ message: 'must be a path or a package name' }).trim().min(1, 'must not be empty');

const pluginEntry = z.union(
  [
    moduleName.transform((module) => ({ module, options: undefined as Record<string, unknown> | undefined })),
    z
      .tuple([moduleName, z.record(z.string(), z.unknown())], { message: 'must be `[module, {options}]`' })
      .transform(([module, options]) => ({ module, options })),
  ],
  { message: 'must be a path or package name, or `[module, {options}]`' },
);

export const pluginsSchema = z
  .object({
    /** Run on the Markdown tree, after Galley's guards and scene breaks and before the typographic pass. */
    remark: z.array(pluginEntry).default([]),
    /** Run on each chapter's HTML tree, before Galley makes the HTML safe and collects its images. */
    rehype: z.array(pluginEntry).default([]),
  })
  .strict();

export type PluginsConfig = z.output<typeof pluginsSchema>;
export type PluginEntry = PluginsConfig['remark'][number];
