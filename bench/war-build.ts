/**
 * A build of one book as EPUB and PDF (with the page list), in a process of its own: run by
 * pdf.bench.ts (`node --import tsx bench/war-build.ts <manuscript> <out>`), which samples its
 * memory and that of the browser it starts, as a user's `galley build` would have them.
 */
import { build } from '../src/core/build.ts';

const [input, out] = process.argv.slice(2);
if (!input || !out) throw new Error('usage: war-build.ts <manuscript> <out folder>');
await build({ input, out, formats: ['epub', 'pdf'] });
