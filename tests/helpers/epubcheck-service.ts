/**
 * The suite's one EPUBCheck (vitest's globalSetup): a local HTTP endpoint that takes an EPUB's
 * path and answers with its report, from one JVM running EpubcheckBatch.java, started at the
 * first check and fed a path per line. Every test file's checks go there (epubcheck.ts), so Java
 * starts once a run, not once a check. Checks are answered in the order they come; a JVM that
 * dies fails the checks it held, and the next check starts another.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { EPUBCHECK_COMMAND, reportsIn } from './epubcheck.ts';

interface Waiting {
  file: string;
  answer: (report: { output: string; status: number }) => void;
}

class Checker {
  private jvm: ChildProcess | undefined;
  private waiting: Waiting[] = [];
  private stdout = '';
  private stderr = '';

  check(file: string): Promise<{ output: string; status: number }> {
    const jvm = this.running();
    return new Promise((answer) => {
      this.waiting.push({ file, answer });
      jvm.stdin?.write(`${file}\n`);
    });
  }

  close(): void {
    this.jvm?.stdin?.end();
    this.jvm?.kill();
  }

  private running(): ChildProcess {
    if (this.jvm) return this.jvm;
    const jvm = spawn(EPUBCHECK_COMMAND.command, EPUBCHECK_COMMAND.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.jvm = jvm;
    this.stdout = '';
    this.stderr = '';
    jvm.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const { reports, rest } = reportsIn(this.stdout + chunk);
      this.stdout = rest;
      for (const report of reports) this.waiting.shift()?.answer(report);
    });
    jvm.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    const ended = (why: string) => {
      if (this.jvm !== jvm) return;
      this.jvm = undefined;
      for (const { file, answer } of this.waiting.splice(0))
        answer({ output: `EPUBCheck ended (${why}) before it reported on ${file}:\n${this.stderr}`, status: -1 });
    };
    jvm.on('error', (error) => ended(error.message));
    jvm.on('exit', (code, signal) => ended(`exit ${code ?? signal}`));
    jvm.stdin.on('error', () => undefined);
    return jvm;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const checker = new Checker();
  const server = createServer((request, response) => {
    let file = '';
    request.setEncoding('utf8').on('data', (chunk: string) => {
      file += chunk;
    });
    request.on('end', async () => {
      const report = await checker.check(file.trim());
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    });
  });
  // Answers can wait behind other files' checks: no request times out.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('epubcheckService', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return async () => {
    checker.close();
    await new Promise((resolve) => server.close(resolve));
  };
}
