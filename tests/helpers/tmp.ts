import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh empty folder for one test's output. */
export function tempDir(prefix = 'galley-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
export const REPO = path.join(import.meta.dirname, '..', '..');
