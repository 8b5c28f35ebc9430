/**
 * What a lesson link could not use, as codes: the decoder says what was wrong and what
 * a valid value is, and the notice puts it in words when it is shown, in the interface's
 * language of that moment (a link opened in English and read in Spanish shows Spanish).
 */
import type { LinkProblemMessages } from '../../messages/share';

/** Reasons whose message lists the valid options ("one of 4, 8 or 16"). */
export type OptionsReason =
  'width' | 'heads' | 'weights' | 'step' | 'layout' | 'direction' | 'lang';

/** Reasons whose message gives the largest valid whole number. */
export type MaxReason = 'seed' | 'selection' | 'topK' | 'focus' | 'follow';

/** Why one part of a link was not used as written, and what a valid value is. */
export type LinkReason =
  | { readonly code: 'unknownKey' | 'boolean' | 'threshold' | 'stepNeedsHeads' }
  | { readonly code: OptionsReason; readonly options: readonly (string | number)[] }
  | { readonly code: MaxReason; readonly max: number }
  | {
      readonly code: 'temperature';
      readonly min: number;
      readonly max: number;
      readonly step: number;
    }
  | { readonly code: 'head'; readonly heads: number }
  | { readonly code: 'outsideTokens'; readonly tokens: number };

/** One part of a link that was dropped, changed or repeated. */
export type LinkProblem =
  /** `part` (`key=value`, shortened) was not used. */
  | { readonly code: 'ignored'; readonly part: string; readonly reason: LinkReason }
  /** `part` was moved to `value`, the nearest value the controls can show. */
  | {
      readonly code: 'rounded';
      readonly part: string;
      readonly value: string;
      readonly reason: LinkReason;
    }
  /** `key` appeared `times` times; the last one was used. */
  | { readonly code: 'duplicate'; readonly key: string; readonly times: number }
  /** Escapes in the sentence were not UTF-8 and show as U+FFFD. */
  | { readonly code: 'damagedText' };

/** Joins options for a reason: "4, 8, 16, 32, 64 or 100". */
function optionList(options: readonly (string | number)[]): string {
  const names = options.map(String);
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** `reason` in the words of `m`. */
export function describeLinkReason(reason: LinkReason, m: LinkProblemMessages): string {
  const r = m.reasons;
  switch (reason.code) {
    case 'unknownKey':
    case 'boolean':
    case 'threshold':
    case 'stepNeedsHeads':
      return r[reason.code];
    case 'temperature':
      return r.temperature(String(reason.min), String(reason.max), String(reason.step));
    case 'head':
      return r.head(reason.heads);
    case 'outsideTokens':
      return r.outsideTokens(reason.tokens);
    case 'seed':
    case 'selection':
    case 'topK':
    case 'focus':
    case 'follow':
      return r[reason.code](String(reason.max));
    default:
      return r[reason.code](optionList(reason.options));
  }
}

/** `problem` as one readable sentence in the words of `m`. */
export function describeLinkProblem(problem: LinkProblem, m: LinkProblemMessages): string {
  switch (problem.code) {
    case 'ignored':
      return m.ignored(problem.part, describeLinkReason(problem.reason, m));
    case 'rounded':
      return m.rounded(problem.part, problem.value, describeLinkReason(problem.reason, m));
    case 'duplicate':
      return m.duplicate(problem.key, problem.times);
    case 'damagedText':
      return m.damagedText;
  }
}
