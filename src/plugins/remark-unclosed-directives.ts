/**
 * remark plugin: a `:::` container never takes in text beyond itself. remark-directive lets a
 * container run on until a closing fence of at least as many colons; with none, it takes
 * everything to the end of the file (or of the block quote or list item it is in) — the rest
 * of the chapter set as verse, the next chapters inside a letter. Each container is checked:
 * - no closing fence of its own: an error at its opening (`directive/unclosed`);
 * - a `#` chapter heading inside it: an error too (`directive/crosses-chapter`), as that chapter
 *   would be taken into it rather than start.
 * Errors are fatal messages on the file (see messages.ts); the build stops on them.
 */
import type { Heading, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as plainText } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { closingFence } from './directive-source.ts';
import { fatal } from './messages.ts';

export const remarkUnclosedDirectives: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  // A fence closes the outermost container it can (as many colons or more), and all inside it.
  const claimed = new Set<number>();
  visit(tree, 'containerDirective', (node: ContainerDirective, _index, parent) => {
    const place = node.position?.start;
    const marks = /^:+/.exec(source.slice(place?.offset ?? 0))?.[0] ?? ':::';
    const opener = `${marks}${node.name}`;
    const fence = closingFence(node, source);
    const offset = fence?.position.start.offset;
    if (!fence || offset === undefined || claimed.has(offset)) {
      // Closed by the fence of the container around it (which has as many colons or fewer).
      const around = parent?.type === 'containerDirective' ? closingFence(parent as ContainerDirective, source) : undefined;
      const end = node.position?.end.offset ?? -1;
      const inside = around?.position.start.offset !== undefined && end >= around.position.start.offset - 1;
      fatal(file, 'directive/unclosed', place, {
        reason: `\`${opener}\` is never closed: everything after it would be taken into it`,
        hint: inside
          ? `Close it with its own line of \`${marks}\`, and give the container around it more colons (\`::::\` to open and to close) than the ones inside.`
          : `End it with a line of \`${marks}\` where it ends, or write \`\\${opener}\` if the colons are text.`,
      });
      return;
    }
    claimed.add(offset);
    const heading = chapterHeading(node);
    if (heading) {
      fatal(file, 'directive/crosses-chapter', place, {
        reason: `\`${opener}\` runs on past the chapter heading on line ${heading.position?.start.line} (“${plainText(heading)}”): it would take that chapter into it`,
        hint: `Close it with a line of \`${marks}\` before the heading.`,
      });
    }
  });
};

function chapterHeading(node: ContainerDirective): Heading | undefined {
  let found: Heading | undefined;
  visit(node, 'heading', (heading: Heading) => {
    if (heading.depth !== 1) return undefined;
    found = heading;
    return EXIT;
  });
  return found;
}
