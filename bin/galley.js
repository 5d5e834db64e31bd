#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx galley` works straight after `npm ci`
// with no compile step and never runs stale code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
