#!/usr/bin/env node
// The `galley` command: the compiled CLI in lib/ (`npm run compile`, run by `npm ci` and before
// packing). Plain Node, no TypeScript loader.
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv);
