/**
 * Characters the tokenizer leaves out without a trace: controls, format characters (ZWJ,
 * ZWSP, BOM, bidi marks) and lone surrogates that are not inside any token. The app counts
 * them and says so, so that pasted debris never disappears silently. Ordinary layout
 * (spaces, tabs, line breaks) is not counted: nobody expects it to be a token.
 */
import type { Token } from './types';

// Controls, format characters and lone surrogates, except tab, line feed, vertical tab,
// form feed and carriage return.
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\p{Cs}]/gu;

function countIn(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return text.slice(from, to).match(INVISIBLE)?.length ?? 0;
}

/**
 * How many invisible code points of `text` lie outside all `tokens` (as `tokenize` returned
 * them, in order). When the tokens were `truncated`, only the part of the text they cover
 * is looked at: what was cut is reported as cut, not as invisible.
 */
export function countLeftOut(text: string, tokens: readonly Token[], truncated: boolean): number {
  let count = 0;
  let from = 0;
  for (const token of tokens) {
    count += countIn(text, from, token.start);
    from = token.end;
  }
  if (!truncated) count += countIn(text, from, text.length);
  return count;
}
