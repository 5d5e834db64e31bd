/**
 * The browser's profile: a folder of Galley's own in the temp folder, named for the process
 * that made it (`galley-profile-<pid>-…`). browser.ts removes it on close and on Ctrl-C; one left
 * by a process that ended without closing its browser (kill -9) is swept at the next launch.
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const PROFILE_PREFIX = 'galley-profile-';

/** A new profile folder for this process. */
export function makeProfile(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
}

/** Removes the profiles of Galley processes that ended without closing their browser (kill -9). */
export function sweepStaleProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
