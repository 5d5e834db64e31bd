/**
 * A font's ToUnicode CMap as text: read into a map from character code to the text it stands for
 * (`bfchar` and `bfrange` blocks, a range's destination given as a start or as an array), and
 * written out again in the same form, as compact as the syntax allows. What comes before the
 * mappings (the header and the codespace ranges) and after them (`endcmap` and the trailer) is
 * kept as it was. A CMap with anything else between (`usecmap`, CID mappings, codes of mixed
 * lengths) is not read: it is left alone.
 */

export interface ToUnicodeCMap {
  /** Everything up to the end of the codespace ranges. */
  head: string;
  /** From `endcmap` on. */
  tail: string;
  /** Hex digits of a code (4 for the two-byte codes of Identity-H). */
  digits: number;
  /** Code to text (UTF-16, as the CMap gives it). */
  map: Map<number, string>;
}

/** Most mappings in one block (PDF 32000-1 9.10.3, after Adobe technical note 5411). */
const BLOCK = 100;

const HEX = /^[0-9a-f]+$/i;

function text(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 4 !== 0 || !HEX.test(hex)) return undefined;
  let out = '';
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function hexOf(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) out += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

/** The CMap's mappings; undefined when it has something this module does not write back. */
export function readToUnicode(source: string): ToUnicodeCMap | undefined {
  const start = /endcodespacerange/.exec(source);
  const end = /\bendcmap\b/.exec(source);
  if (!start || !end || end.index < start.index) return undefined;
  const head = source.slice(0, start.index + start[0].length);
  const body = source.slice(head.length, end.index);
  const map = new Map<number, string>();
  let digits = 0;
  const code = (hex: string): number | undefined => {
    if (!HEX.test(hex) || (digits && hex.length !== digits)) return undefined;
    digits = hex.length;
    return Number.parseInt(hex, 16);
  };
  const blocks = /\d+\s+begin(bfchar|bfrange)\b([\s\S]*?)\bend\1\b/g;
  if (body.replace(blocks, '').trim()) return undefined;
  for (const [, kind, entries = ''] of body.matchAll(blocks)) {
    if (kind === 'bfchar') {
      const pairs = [...entries.matchAll(/<([^>]*)>\s*<([^>]*)>/g)];
      if (entries.replace(/<[^>]*>\s*<[^>]*>/g, '').trim()) return undefined;
      for (const [, from = '', to = ''] of pairs) {
        const c = code(from);
        const t = text(to);
        if (c === undefined || t === undefined) return undefined;
        map.set(c, t);
      }
      continue;
    }
    const ranges = /<([^>]*)>\s*<([^>]*)>\s*(?:<([^>]*)>|\[([^\]]*)\])/g;
    if (entries.replace(ranges, '').trim()) return undefined;
    for (const [, lo = '', hi = '', start, list] of entries.matchAll(ranges)) {
      const from = code(lo);
      const to = code(hi);
      if (from === undefined || to === undefined || to < from || to - from > 255) return undefined;
      if (list !== undefined) {
        const items = [...list.matchAll(/<([^>]*)>/g)].map((m) => text(m[1] ?? ''));
        if (items.length !== to - from + 1 || list.replace(/<[^>]*>/g, '').trim()) return undefined;
        for (let k = 0; k < items.length; k++) {
          const t = items[k];
          if (t === undefined) return undefined;
          map.set(from + k, t);
        }
        continue;
      }
      const first = text(start ?? '');
      if (first === undefined) return undefined;
      const last = first.charCodeAt(first.length - 1);
      for (let k = 0; k <= to - from; k++) map.set(from + k, first.slice(0, -1) + String.fromCharCode(last + k));
    }
  }
  if (digits === 0) return undefined;
  return { head, tail: source.slice(end.index), digits, map };
}

/**
 * The CMap as text: runs of codes whose texts are single UTF-16 units counting up together (within
 * one last byte, as a range must be) as `bfrange`, the rest as `bfchar`, in blocks of at most 100.
 */
export function writeToUnicode(cmap: ToUnicodeCMap): string {
  const codes = [...cmap.map.keys()].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(cmap.digits, '0');
  const chars: string[] = [];
  const ranges: string[] = [];
  for (let i = 0; i < codes.length; ) {
    const from = codes[i] as number;
    const first = cmap.map.get(from) as string;
    let j = i + 1;
    if (first.length === 1) {
      const unit = first.charCodeAt(0);
      for (; j < codes.length; j++) {
        const c = codes[j] as number;
        const t = cmap.map.get(c) as string;
        const k = c - from;
        const next = c === (codes[j - 1] as number) + 1 && c >> 8 === from >> 8;
        if (!next || t.length !== 1 || t.charCodeAt(0) !== unit + k || (unit & 0xff) + k > 0xff) break;
      }
    }
    if (j - i > 1) ranges.push(`<${hex(from)}> <${hex(codes[j - 1] as number)}> <${hexOf(first)}>`);
    else chars.push(`<${hex(from)}> <${hexOf(first)}>`);
    i = j;
  }
  const blocks = (lines: string[], kind: string) => {
    let out = '';
    for (let i = 0; i < lines.length; i += BLOCK) {
      const part = lines.slice(i, i + BLOCK);
      out += `${part.length} begin${kind}\n${part.join('\n')}\nend${kind}\n`;
    }
    return out;
  };
  return `${cmap.head}\n${blocks(chars, 'bfchar')}${blocks(ranges, 'bfrange')}${cmap.tail}`;
}
