/**
 * The author's own plugins (`plugins:` in book.yaml, or the API's `plugins` option): loaded
 * before the pipeline runs, each wrapped so that a plugin that throws is reported as a
 * PLUGIN_FAILED error naming it, never as a bug in Galley.
 *
 * A module is a path relative to the book's folder when it starts with `./` or `../` (or is
 * absolute), else a package name resolved from the book's folder and then from Galley's own.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pluggable, PluggableList, Plugin, Transformer } from 'unified';
import type { PluginEntry, PluginsConfig } from '../config/plugins-schema.ts';
import { GalleyError, type Place } from '../errors.ts';

export type PluginKind = 'remark' | 'rehype';

/** Plugins ready for the chain: the API's as given, book.yaml's loaded. */
export interface UserPlugins {
  remark: PluggableList;
  rehype: PluggableList;
}

export interface LoadPluginsOptions {
  /** The book's folder: relative module paths and package names are resolved from it. */
  root: string;
  /** book.yaml (or the front matter's file), for the place of a bad entry. */
  metadataFile: string;
  /** Where `plugins.<kind>[index]` is written in it, when known. */
  placeOf?: (kind: PluginKind, index: number) => Place | undefined;
}

/** Loads the plugins book.yaml names, in order, each wrapped to report its own failures. */
export async function loadPlugins(config: PluginsConfig, options: LoadPluginsOptions): Promise<UserPlugins> {
  const load = async (kind: PluginKind) => {
    const list: PluggableList = [];
    for (const [index, entry] of config[kind].entries()) {
      const plugin = await importPlugin(kind, entry, index, options);
      list.push(entry.options === undefined ? plugin : [plugin, entry.options]);
    }
    return list;
  };
  return { remark: await load('remark'), rehype: await load('rehype') };
}

/** The API's plugins, wrapped like book.yaml's (named by their function's name). */
export function wrapPlugins(kind: PluginKind, list: PluggableList = []): PluggableList {
  return list.map((item, index): Pluggable => {
    const [plugin, ...rest] = Array.isArray(item) ? item : [item];
    if (typeof plugin !== 'function') return item;
    const name = plugin.name || `${kind} plugin ${index + 1}`;
    return [reporting(kind, name, plugin as Plugin), ...rest] as Pluggable;
  });
}

async function importPlugin(kind: PluginKind, entry: PluginEntry, index: number, options: LoadPluginsOptions): Promise<Plugin> {
  const where = { file: options.metadataFile, place: options.placeOf?.(kind, index) };
  const url = resolveModule(entry.module, options.root);
  if (!url) {
    throw new GalleyError('PLUGIN_NOT_FOUND', `cannot find the ${kind} plugin \`${entry.module}\``, {
      ...where,
      hint: /^\.\.?[/\\]/.test(entry.module)
        ? `The path is read from the book's folder (${options.root}); check it.`
        : `Install it beside the book (\`npm install ${entry.module}\`), or give a path starting with ./`,
    });
  }
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (cause) {
    throw new GalleyError('PLUGIN_FAILED', `the ${kind} plugin \`${entry.module}\` could not be loaded: ${firstLine(cause)}`, {
      ...where,
      hint: 'Fix the plugin, or take it out of `plugins:` in book.yaml.',
      cause,
    });
  }
  const plugin = module.default;
  if (typeof plugin !== 'function') {
    throw new GalleyError('PLUGIN_FAILED', `the ${kind} plugin \`${entry.module}\` does not export a plugin function`, {
      ...where,
      hint: 'A plugin module exports a unified plugin as its default export: `export default function (options) { … }`.',
    });
  }
  return reporting(kind, entry.module, plugin as Plugin);
}

function resolveModule(specifier: string, root: string): string | undefined {
  if (/^\.\.?([/\\]|$)/.test(specifier) || path.isAbsolute(specifier)) {
    const file = path.resolve(root, specifier);
    return existsSync(file) ? pathToFileURL(file).href : undefined;
  }
  for (const from of [path.join(root, 'package.json'), import.meta.filename]) {
    try {
      return pathToFileURL(createRequire(from).resolve(specifier)).href;
    } catch {
      // Not found from here; try the next place.
    }
  }
  return undefined;
}

/** The plugin, with its attacher and its transformer each reporting a throw as PLUGIN_FAILED. */
function reporting(kind: PluginKind, name: string, plugin: Plugin): Plugin {
  const failed = (cause: unknown) =>
    cause instanceof GalleyError
      ? cause
      : new GalleyError('PLUGIN_FAILED', `the ${kind} plugin \`${name}\` failed: ${firstLine(cause)}`, {
          hint: 'This is a problem in the plugin, not in the manuscript: fix the plugin, or take it out of `plugins:`.',
          cause,
        });
  return function (this: unknown, ...args: unknown[]) {
    let transformer: Transformer | undefined;
    try {
      transformer = (plugin as (...a: unknown[]) => Transformer | undefined).apply(this, args);
    } catch (cause) {
      throw failed(cause);
    }
    if (typeof transformer !== 'function') return transformer;
    const run = transformer as (tree: unknown, file: unknown, next: (error?: unknown, tree?: unknown) => void) => unknown;
    return async (tree: unknown, file: unknown) => {
      try {
        // A transformer may return a new tree, a promise of one, or nothing, or call `next`.
        return await new Promise<unknown>((resolve, reject) => {
          const result = run(tree, file, (error, next) => (error ? reject(error) : resolve(next)));
          if (run.length < 3) Promise.resolve(result).then(resolve, reject);
        });
      } catch (cause) {
        throw failed(cause);
      }
    };
  } as Plugin;
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
}
