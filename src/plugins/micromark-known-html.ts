/**
 * micromark extension: raw HTML is read as HTML only when it names a real HTML element. CommonMark
 * takes any `<word>` for a tag — `He said <grin> and left.` would lose `<grin>` to the sanitiser,
 * and `<sigh>` alone on a line would open an HTML block that swallows the lines after it. With
 * this extension, a tag whose name is not an HTML element (html-tag-names) is not HTML at all:
 * it is text, typeset like any other. Comments, `<!…>`, `<?…?>`, CDATA and autolinks are as in
 * CommonMark.
 *
 * It replaces CommonMark's own HTML constructs with the same constructs behind a look-ahead at
 * the tag's name, so everything else about them (where a block ends, what may interrupt a
 * paragraph) stays exactly as the spec says.
 */
import { htmlTagNames } from 'html-tag-names';
import { htmlFlow, htmlText } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const KNOWN = new Set(htmlTagNames);
const LESS_THAN = 60;
const SLASH = 47;

/** True for a tag name (as typed) that names an HTML element. */
export function isHtmlElementName(name: string): boolean {
  return KNOWN.has(name.toLowerCase());
}

/** Succeeds at `<` (or `</`) followed by a known element's name, or by anything that is not a name. */
const knownName: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    let name = '';
    const start: State = (code) => {
      effects.enter('data');
      effects.consume(code);
      return afterLessThan;
    };
    const afterLessThan: State = (code) => {
      if (code === SLASH) {
        effects.consume(code);
        return nameStart;
      }
      return nameStart(code);
    };
    const nameStart: State = (code) => {
      // `<!--`, `<?`, `<3`, `< b`: not a tag name; CommonMark decides.
      if (!isAsciiAlpha(code)) return done(code);
      return inName(code);
    };
    const inName: State = (code) => {
      if (isAsciiAlpha(code) || (code !== null && code >= 48 && code <= 57) || code === 45) {
        name += String.fromCharCode(code as number);
        effects.consume(code);
        return inName;
      }
      return done(code);
    };
    const done: State = (code) => {
      effects.exit('data');
      return name === '' || isHtmlElementName(name) ? ok(code) : nok(code);
    };
    return start;
  },
};

function isAsciiAlpha(code: Code): boolean {
  return code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}

/** A CommonMark construct run only when the tag's name is known. */
function behindKnownName(original: Construct, name: string): Construct {
  return {
    ...original,
    name,
    add: 'after',
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      return effects.check(knownName, original.tokenize.call(this, effects, ok, nok), nok);
    },
  };
}

export function knownHtml(): Extension {
  return {
    disable: { null: ['htmlFlow', 'htmlText'] },
    flow: { [LESS_THAN]: behindKnownName(htmlFlow, 'galleyHtmlFlow') },
    text: { [LESS_THAN]: behindKnownName(htmlText, 'galleyHtmlText') },
  };
}
