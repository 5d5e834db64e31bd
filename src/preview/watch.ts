/**
 * Watches the manuscript, its book.yaml and the theme, and calls back once per burst of saves
 * (editors often write a file in several steps). Uses node's fs.watch, recursive where the
 * platform allows; the callback never throws into the watcher.
 */
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

export interface WatchOptions {
  /** Folders to watch (recursively). */
  folders: string[];
  /** Only these files count, when given (e.g. a single-file manuscript and its book.yaml). */
  only?: string[] | undefined;
  /** Folders whose changes never count (a build's own output folder). */
  ignore?: string[] | undefined;
  /** Quiet time before a burst of changes is reported, in ms (default 120). */
  debounce?: number;
  onChange: (files: string[]) => void;
}

export function watchFiles(options: WatchOptions): () => void {
  const wait = options.debounce ?? 120;
  const only = options.only && new Set(options.only.map((f) => path.resolve(f)));
  const ignored = (options.ignore ?? []).map((f) => path.resolve(f));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = options.folders.map((folder) =>
    watch(folder, { recursive: true }, (_event, name) => {
      const file = path.resolve(folder, String(name ?? ''));
      if (only && !only.has(file)) return;
      if (ignored.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`))) return;
      if (/(^|[/\\])(\.|node_modules[/\\]|dist[/\\])|~$|\.swp$|\.tmp$/.test(path.relative(folder, file))) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending.clear();
        options.onChange(files);
      }, wait);
    }),
  );
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
