/*
 * DAISY Ace over many EPUBs in one process and one browser: ace-cli's own core (@daisy/ace-core)
 * and browser runner (@daisy/ace-axe-runner-puppeteer), resolved through ace-cli and wired as
 * ace-cli wires them, except that the runner's browser is launched once for every EPUB, not once
 * for each. Two EPUBs are checked at a time. Each report goes to OUTDIR/<index>/report.json,
 * as `ace-cli --outdir` writes it.
 *
 *   node ace-batch.cjs OUTDIR EPUB...
 *
 * The browser is the one PUPPETEER_EXECUTABLE_PATH names (tools.ts passes Galley's).
 */
const { createRequire } = require('node:module');
const path = require('node:path');

const fromCli = createRequire(require.resolve('@daisy/ace-cli/package.json'));
const fromCore = createRequire(fromCli.resolve('@daisy/ace-core/package.json'));
const ace = fromCli('@daisy/ace-core');
const runner = fromCli('@daisy/ace-axe-runner-puppeteer');
fromCore('@daisy/ace-logger').initLogger({ silent: true });

const [outdir, ...files] = process.argv.slice(2);
// Each check asks the runner to launch and close its browser: here it stays open for them all.
const shared = { ...runner, launch: async () => {}, close: async () => {} };

async function main() {
  await runner.launch();
  try {
    const queue = files.map((file, index) => ({ file, index }));
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const options = { cwd: process.cwd(), outdir: path.join(outdir, String(job.index)), silent: true, jobId: '' };
        await ace(job.file, options, shared);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await runner.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
