/**
 * Whether Galley's own output is coloured and whether it may redraw a line in place, decided
 * from the stream and the environment as Node itself decides (tty.WriteStream#getColorDepth):
 *
 * - `FORCE_COLOR` set to `1`, `2`, `3`, `true` or the empty string turns colour on, even in a pipe,
 *   and then `NO_COLOR` is ignored; set to anything else (`0`, `false`) it turns colour off;
 * - else `NO_COLOR` set to anything but the empty string (no-color.org) turns it off;
 * - else colour is on when the stream is a terminal and `TERM` is not `dumb`.
 *
 * A live progress bar needs a terminal that is not `dumb` and no `CI` variable (CI logs keep every
 * carriage return); colour does not change that.
 */

export type Env = Record<string, string | undefined>;

export function useColor(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Whether a progress bar may redraw its line: a terminal, not `dumb`, and not CI. */
export function useLiveProgress(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return Boolean(stream.isTTY) && env.TERM !== 'dumb' && !ci;
}

/** An SGR colour around `text` (foreground, reset to the default after), or the text as it is. */
export function painter(color: boolean): (code: number, text: string) => string {
  return (code, text) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
}
