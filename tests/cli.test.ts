/**
 * The `galley` command as a newcomer runs it: through bin/galley.js (the compiled lib/, as `npm test` makes it), with
 * progress on stderr and nothing else on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from './helpers/tmp.ts';

const bin = path.join(REPO, 'bin', 'galley.js');

function galley(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('galley command', () => {
  it('is declared as the package bin', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.galley).toBe('bin/galley.js');
  });

  it('prints help and version', () => {
    const help = galley('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('build [options] [inputs...]');
    const buildHelp = galley('build', '--help');
    for (const flag of ['--out <dir>', '--format <list>', '--title <title>', '--author <name>', '--browser <path>']) {
      expect(buildHelp.stdout).toContain(flag);
    }
    for (const flag of ['--watch', '--quiet', '--verbose']) expect(buildHelp.stdout).toContain(flag);
    const version = galley('--version');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('shows examples and the environment it reads after the commands', () => {
    const help = galley('--help').stdout;
    const examples = help.slice(help.indexOf('\nExamples:\n'));
    expect(examples.length).toBeLessThan(help.length);
    for (const example of ['galley build --watch', 'galley check --format json', 'galley check --max-warnings 0']) {
      expect(examples).toContain(`  ${example} `);
    }
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'PUPPETEER_EXECUTABLE_PATH']) expect(examples).toContain(`  ${name}`);
    // It fits a terminal 80 columns wide.
    for (const line of examples.split('\n')) expect(line.length, line).toBeLessThan(80);
  });

  it('prints every default as text', () => {
    const build = galley('build', '--help').stdout.replace(/\s+/g, ' ');
    expect(build).toContain('(default: epub,pdf)');
    expect(build).toContain('(default: dist)');
    expect(build).toContain('(default: manuscript)');
    for (const command of ['build', 'preview', 'check', 'import', 'init', 'schema']) {
      const text = galley(command, '--help').stdout;
      expect(text, command).not.toMatch(/default: [["]/);
    }
  });

  it('builds, reporting each stage with its time and each file with its size on stderr', () => {
    const out = tempDir();
    const result = galley('build', path.join(FIXTURES, 'books', 'single-file.md'), '--out', out, '--format', 'epub');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    for (const stage of ['parse', 'typeset', 'epub']) {
      expect(
        lines.some((l) => new RegExp(`^${stage}\\s+\\d+(\\.\\d+)? (ms|s)$`).test(l)),
        stage,
      ).toBe(true);
    }
    expect(lines.some((l) => /^pdf\s/.test(l))).toBe(false);
    expect(result.stderr).toMatch(/wrote .*the-clockmakers-apprentice\.epub \(\d+\.\d kB\)/);
    expect(existsSync(path.join(out, 'the-clockmakers-apprentice.epub'))).toBe(true);
    expect(existsSync(path.join(out, 'the-clockmakers-apprentice.pdf'))).toBe(false);
  });

  it('reports manuscript notes as file:line:col rule-id message', () => {
    const out = tempDir();
    const result = galley(
      'build',
      path.join(FIXTURES, 'pipeline', 'scene-break-stray', 'input.md'),
      '--out',
      out,
      '--format',
      'epub',
      '--title',
      'T',
      '--author',
      'A',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/input\.md:3:1 {2}scene\/stray-break {2}Scene break at the start or end of a chapter/);
  });
});
