import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time, each may start a browser or a JVM.
    maxWorkers: 2,
    // One EPUBCheck JVM for the whole run, which every test file's checks go to.
    globalSetup: ['tests/helpers/epubcheck-service.ts'],
    env: { NO_COLOR: '1' },
  },
});
