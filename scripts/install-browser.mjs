#!/usr/bin/env node
// Run by `npm ci` in a clone (the `prepare` script): Puppeteer's own Chrome download, where
// Chrome's servers can be reached. A download that fails is a note, never a failed install: Galley then prints with a
// system Chrome or Chromium, or the Chromium inside @sparticuz/chromium (README, *Finding a
// browser*). PUPPETEER_SKIP_DOWNLOAD=1 skips it, as it does for Puppeteer.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const skip = /^(1|true|yes)$/i.test(process.env.PUPPETEER_SKIP_DOWNLOAD ?? '');
const installer = path.join(import.meta.dirname, '..', 'node_modules', 'puppeteer', 'install.mjs');
if (!skip && existsSync(installer)) {
  const result = spawnSync(process.execPath, [installer], {
    // .puppeteerrc.cjs turns Puppeteer's install step off; this is the one that runs.
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'false' },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) {
    const reason = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.exec(result.stderr ?? '')?.[0] ?? 'it failed';
    console.warn(
      `galley: Puppeteer could not download Chrome (${reason}); that is fine: the PDF will be printed ` +
        'with a system Chrome or Chromium, or the Chromium of @sparticuz/chromium.',
    );
  }
}
