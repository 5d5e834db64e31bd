/** What the typographic pass leaves exactly as written: code, URLs, raw HTML; and image descriptions it does set. */
import type { Case } from './helper.ts';

export const verbatim: Case[] = [
  ['inline code', 'Type `"x" -- ...` here.', 'Type <code>"x" -- ...</code> here.'],
  ['code block', '```\n"straight" -- stays...\n```', '<pre><code>"straight" -- stays...\n</code></pre>'],
  ['indented code block', 'Text.\n\n    "code" -- here', 'Text.\n<pre><code>"code" -- here\n</code></pre>'],
  [
    'bare URL (an autolink)',
    'Visit https://example.com/a--b/c...d now.',
    'Visit <a href="https://example.com/a--b/c...d">https://example.com/a--b/c...d</a> now.',
  ],
  ['URL in plain text', 'See www.example.com/it\'s--here... "ok"', "See www.example.com/it's--here… “ok”", { plainText: true }],
  [
    'link target untouched, link text set',
    '[the "map"](https://example.com/a--b)',
    '<a href="https://example.com/a--b">the “map”</a>',
  ],
  [
    'raw HTML attributes',
    'A <span title="keep \'these\' -- straight">"raw" span</span>.',
    'A <span title="keep \'these\' -- straight">“raw” span</span>.',
  ],
  ['HTML comment', 'Text <!-- "a" -- b --> here.', 'Text <!-- "a" -- b --> here.'],
  ['image description set', '![The "lamp" -- lit](lamp.png)', '<img src="lamp.png" alt="The “lamp”—lit">'],
  ['email address', 'Write to a--b@example.com today.', 'Write to <a href="mailto:a--b@example.com">a--b@example.com</a> today.'],
];
