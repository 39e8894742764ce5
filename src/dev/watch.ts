/**
 * Watches a set of files for changes. Their folders are watched rather than the files, so an
 * editor that saves by writing a new file and renaming it over the old one is seen too.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileWatcher {
  /** Watches these files from now on (absolute paths), instead of the previous ones. */
  update(files: readonly string[]): void;
  close(): void;
}

/**
 * Calls `onChange(file)` when one of `files` (absolute paths) changes, is created or removed.
 * Several events for one save arrive as several calls; the caller coalesces them.
 */
export function watchFiles(files: readonly string[], onChange: (file: string) => void): FileWatcher {
  const watched = new Set<string>();
  const folders = new Map<string, FSWatcher>();

  const update = (next: readonly string[]) => {
    watched.clear();
    for (const file of next) watched.add(file);
    const wanted = new Set(next.map((file) => dirname(file)));
    for (const [folder, watcher] of folders) {
      if (!wanted.has(folder)) {
        watcher.close();
        folders.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (folders.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name === null) {
            // The platform did not say which file: any of this folder's may have changed.
            const first = [...watched].find((file) => dirname(file) === folder);
            if (first !== undefined) onChange(first);
            return;
          }
          const file = join(folder, basename(String(name)));
          if (watched.has(file)) onChange(file);
        });
        watcher.on('error', () => {
          watcher.close();
          folders.delete(folder);
        });
        folders.set(folder, watcher);
      } catch {
        // A folder that vanished: nothing to watch there.
      }
    }
  };

  update(files);
  return {
    update,
    close() {
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
      watched.clear();
    },
  };
}
