/**
 * A build's stages as the logger hears of them: each one's start, and its end with its time —
 * or, when the build fails inside it, its end marked failed, so a live progress line never
 * outlives the stage it shows. The PDF's steps go through as steps of the `pdf` stage.
 */
import { type Logger, reportProgress } from '../logger.ts';

export interface StageClock {
  /** Ends the stage running, if any, and starts `name`. */
  start(name: string): void;
  /** Ends the stage running, if any. */
  end(): void;
  /** Runs `task` as stage `name`. */
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** Runs `task`, ending the stage running as failed if it throws. */
  guard<T>(task: () => Promise<T>): Promise<T>;
  /** What renderPdf is given to report its steps and pages. */
  pdfSteps: {
    onStageStart: (step: string) => void;
    onStage: (step: string, ms: number) => void;
    onProgress: (pages: { done: number; total: number }) => void;
  };
}

export function stageClock(logger: Logger): StageClock {
  let current: { name: string; started: number } | undefined;
  const finish = (failed: boolean) => {
    if (!current) return;
    const ms = performance.now() - current.started;
    reportProgress(logger, { type: 'end', stage: current.name, ms, ...(failed ? { failed } : {}) });
    current = undefined;
  };
  const clock: StageClock = {
    start(name) {
      finish(false);
      current = { name, started: performance.now() };
      reportProgress(logger, { type: 'start', stage: name });
    },
    end: () => finish(false),
    async guard(task) {
      try {
        return await task();
      } catch (error) {
        finish(true);
        throw error;
      }
    },
    async run(name, task) {
      clock.start(name);
      const result = await clock.guard(task);
      finish(false);
      return result;
    },
    pdfSteps: {
      onStageStart: (step) => reportProgress(logger, { type: 'start', stage: step, step: true }),
      onStage: (step, ms) => reportProgress(logger, { type: 'end', stage: step, ms, step: true }),
      onProgress: (pages) => reportProgress(logger, { type: 'pages', stage: 'pdf', ...pages }),
    },
  };
  return clock;
}
