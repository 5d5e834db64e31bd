/**
 * A directive container's fences, line by line, as remark-directive reads them: `:::verse`,
 * `::::letter[9 May]{.formal}` open a container (three colons or more, then a name); a line of
 * only colons closes the outermost open container that has no more colons than it (and every
 * container inside that one), so `::::letter` … `:::verse` … `:::` … `::::` nests. A line of
 * colons that closes nothing is text. `::: verse`, with a space, opens nothing to remark (it is
 * reported as directive/unknown), but its closing line is taken as its fence, so it is not
 * mistaken for a scene-break marker too. The scan in scene-markers.ts asks this about each line
 * outside code, so a fence is never a suspected marker.
 */

/** Three colons or more and a name, after any indent or list marker (a container in a list item). */
const OPEN = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(:{3,})[ \t]*[A-Za-z]/;
const CLOSE = /^[ \t]*(:{3,})[ \t]*$/;

/** The containers open so far in one file: the number of colons of each, outermost first. */
export class DirectiveFences {
  private readonly open: number[] = [];

  /** True when the line opens or closes a container (it is the directive's syntax, not text). */
  take(line: string): boolean {
    const opening = OPEN.exec(line);
    if (opening) {
      this.open.push((opening[1] as string).length);
      return true;
    }
    const closing = CLOSE.exec(line);
    if (!closing) return false;
    const size = (closing[1] as string).length;
    const outermost = this.open.findIndex((colons) => colons <= size);
    if (outermost === -1) return false;
    this.open.length = outermost;
    return true;
  }
}
