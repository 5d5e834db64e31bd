/**
 * `galley preview` from the command line: starts the preview, opens the system browser when
 * asked, and runs until Ctrl-C (SIGINT) or SIGTERM, then shuts the server and watchers down.
 */
import { spawn } from 'node:child_process';
import { type PreviewOptions, preview } from '../core/preview.ts';
import type { Logger } from '../logger.ts';

export interface RunPreviewOptions extends PreviewOptions {
  open: boolean;
  logger: Logger;
}

export async function runPreview(options: RunPreviewOptions): Promise<void> {
  // Listen for Ctrl-C before the server starts, so an early one still shuts down cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const handle = await preview(options);
  if (options.open) openBrowser(handle.url, options.logger);
  options.logger.info('press Ctrl-C to stop');
  await stopped;
  await handle.close();
  options.logger.info('preview stopped');
}

function openBrowser(url: string, logger: Logger): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => logger.warn(`could not open a browser; open ${url} yourself`));
  child.unref();
}
