/**
 * Galley as a user installs it: the packed tarball installed into an empty project, used with
 * no TypeScript loader — a plain-Node import, the types (a wrong option fails the user's type
 * check), and `npx galley build`. Needs lib/ (`npm test` compiles it first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/tmp.ts';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the packed package in an empty project', () => {
  const project = path.join(tempDir('galley-package-'), 'user-book');

  beforeAll(() => {
    expect(existsSync(path.join(REPO, 'lib', 'index.js')), 'lib/ is missing: run `npm run compile`').toBe(true);
    const packs = path.dirname(project);
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', packs], REPO);
    expect(pack.code, pack.err).toBe(0);
    const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz')) as string;
    cpSync(path.join(REPO, 'manuscript'), path.join(project, 'book'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-book', private: true, type: 'module' }));
    const install = run('npm', ['install', path.join(packs, tarball), '--no-audit', '--no-fund', '--prefer-offline'], project);
    expect(install.code, install.err).toBe(0);
  }, 300_000);

  it('holds what a user needs and nothing else', () => {
    const files = readdirSync(path.join(project, 'node_modules', 'galley'));
    expect(files.sort()).toEqual(['LICENSE', 'README.md', 'bin', 'lib', 'package.json', 'templates']);
    expect(existsSync(path.join(project, 'node_modules', 'galley', 'lib', 'index.d.ts'))).toBe(true);
  });

  it('imports in plain Node, with the library API', () => {
    const script =
      "import('galley').then((m) => console.log(['build','typeset','check','preview'].map((n) => typeof m[n]).join()))";
    const result = run(process.execPath, ['-e', script], project);
    expect(result.err).toBe('');
    expect(result.out.trim()).toBe('function,function,function,function');
  });

  it("has types: a right call passes the user's type check, a wrong option fails it", () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      }),
    );
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(
      path.join(project, 'use.ts'),
      "import { build } from 'galley';\nawait build({ input: 'book', formats: ['epub'] });\n",
    );
    const good = run(process.execPath, [tsc, '-p', '.'], project);
    expect(good.out + good.err).toBe('');
    expect(good.code).toBe(0);
    writeFileSync(
      path.join(project, 'use.ts'),
      "import { build } from 'galley';\nawait build({ input: 'book', formats: ['docx'] });\n",
    );
    const bad = run(process.execPath, [tsc, '-p', '.'], project);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/use\.ts\(2,\d+\): error TS2322: Type '"docx"'/);
  });

  it('builds the book with `npx galley build`', () => {
    const result = run('npx', ['galley', 'build', 'book'], project);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(path.join(project, 'dist')).sort()).toEqual([
      'a-register-of-weather-and-light.epub',
      'a-register-of-weather-and-light.pdf',
    ]);
    expect(run('npx', ['galley', '--version'], project).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 120_000);
});
