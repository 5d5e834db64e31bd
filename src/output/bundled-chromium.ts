/**
 * The Chromium that comes from the npm registry itself: `@sparticuz/chromium` ships a
 * brotli-packed headless Chromium for Linux x64 inside the package, so a machine that reaches
 * only the registry (no Chrome download servers, no system browser) can still print.
 *
 * The package's own unpacker writes to the shared `/tmp/chromium` and runs whatever it finds
 * there, which is both a race between processes unpacking at once and a binary another user of
 * the machine could plant. So Galley reads only the package's packed binary, and unpacks it
 * itself into a private per-user cache folder (mode 0700), under a temporary name that is renamed
 * into place once complete. Later runs find it there (about 2.5 s to unpack, once).
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const PACKAGE = '@sparticuz/chromium';

export interface BundledChromium {
  executablePath: string;
  /** e.g. `@sparticuz/chromium 147.0.0`. */
  label: string;
}

/** The package folder, or undefined when it is not installed or this platform has no build. */
function packageDir(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    // The package exports no package.json; its entry is build/cjs/index.cjs.
    const entry = createRequire(import.meta.url).resolve(PACKAGE);
    return path.resolve(path.dirname(entry), '..', '..');
  } catch {
    return undefined;
  }
}

/** Where this user's unpacked copies live: `$XDG_CACHE_HOME/galley` or `~/.cache/galley`. */
function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'galley');
}

/**
 * The unpacked binary's path, unpacking it first when this version is not in the cache yet.
 * Undefined when the package or a build for this platform is missing.
 */
export async function bundledChromium(): Promise<BundledChromium | undefined> {
  const dir = packageDir();
  const packed = dir && path.join(dir, 'bin', 'chromium.br');
  if (!dir || !packed || !existsSync(packed)) return undefined;
  const { version } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const label = `${PACKAGE} ${version}`;
  const root = cacheRoot();
  const home = path.join(root, `chromium-${version}`);
  const executablePath = path.join(home, 'chromium');
  if (existsSync(executablePath)) return { executablePath, label };

  await mkdir(root, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(path.join(root, `.chromium-${version}-`));
  try {
    await pipeline(
      createReadStream(packed),
      createBrotliDecompress({ chunkSize: 2 ** 21 }),
      createWriteStream(path.join(staging, 'chromium'), { mode: 0o700 }),
    );
    await chmod(staging, 0o700);
    // Another process may have finished first; either copy is the same.
    await rename(staging, home).catch(async (error: NodeJS.ErrnoException) => {
      if (!existsSync(executablePath)) throw error;
      await rm(staging, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { executablePath, label };
}
