/**
 * The browsers a Galley process started, seen from outside: each runs with a profile folder
 * named `galley-profile-<pid>-…` (src/output/browser-profile.ts), which its command line names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Pids of processes whose command line names a profile of Galley process `owner`. */
export function browserProcesses(owner: number): number[] {
  const marker = `galley-profile-${owner}-`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The profile folders of Galley process `owner` left in the temp folder. */
export function profiles(owner: number): string[] {
  return readdirSync(os.tmpdir()).filter((name) => name.startsWith(`galley-profile-${owner}-`));
}

/** Pids of the renderer processes of Galley process `owner`'s browsers: each page's own process. */
export function rendererProcesses(owner: number): number[] {
  const browsers = new Set(browserProcesses(owner));
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      // The fourth field of /proc/<pid>/stat is the parent's pid.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(' ')[3]);
      if (browsers.has(parent)) renderers.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return renderers;
}
