/**
 * remark plugin: a table row with more cells than the header keeps them. GFM ignores cells beyond
 * the header's count (the HTML leaves them out), so a word typed in a fourth column of a
 * three-column table vanishes. Here the table is widened instead: the header and the alignment
 * row get empty cells up to the longest row, and a warning (`table/extra-cells`) at the first
 * cell past the header says so. A column's alignment (`|---:|`) becomes a class on its cells,
 * `align-left`, `align-center` or `align-right`: the `align` attribute HTML would give them is
 * not allowed in EPUB 3, and the sanitiser would take it out.
 */
import type { Root, Table, TableCell } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { warn } from './messages.ts';

export const remarkTableCells: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'table', (table: Table) => {
    alignByClass(table);
    const header = table.children[0];
    if (!header) return;
    const columns = header.children.length;
    const widest = Math.max(...table.children.map((row) => row.children.length));
    if (widest <= columns) return;
    const first = table.children.find((row) => row.children.length > columns)?.children[columns];
    warn(file, 'table/extra-cells', first?.position?.start, {
      reason: `a row has ${widest} cells and the header ${columns}: the table is widened to ${widest} columns, with empty header cells`,
      hint: 'Give the header as many cells as the widest row, or join the extra cells into the last one.',
    });
    while (header.children.length < widest) header.children.push({ type: 'tableCell', children: [] } satisfies TableCell);
    table.align = Array.from({ length: widest }, (_, i) => table.align?.[i] ?? null);
  });
};

function alignByClass(table: Table): void {
  const align = table.align ?? [];
  if (!align.some(Boolean)) return;
  for (const row of table.children) {
    row.children.forEach((cell, i) => {
      const side = align[i];
      if (side) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${side}`] } };
    });
  }
  table.align = align.map(() => null);
}
