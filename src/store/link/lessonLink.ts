/**
 * Lesson links: the whole view (text, settings, step, head, selection, graph, language)
 * as a URL fragment, `#w=16&h=2&step=softmax&t=The+cat+sat`, so that a teacher's link
 * opens the same sentence at the same step on every student's device.
 *
 * The fragment never reaches a server (nothing typed leaves the page), and it is a plain
 * `URLSearchParams` string with short keys, holding only what differs from the defaults,
 * plus the text, always, and always last. Which fields there are, and how each is written
 * and read, is the table of `fields.ts`; this module runs over it.
 *
 * Pure: no DOM, no store, no React. `decodeLessonLink` never throws; whatever it cannot
 * read falls back to the default, and it says so in one problem per part (a code, put in
 * words when shown: see `problems.ts`).
 */
import { LINK_FIELDS, valueAt, withValueAt } from './fields';
import { readPairs, type Pair } from './fragment';
import { DEFAULT_LESSON, lessonFromPatch, type LessonPatch, type LessonState } from './lessonState';
import type { LinkProblem } from './problems';
import type { Language } from '../../vocabulary/language';

/** The result of decoding a link. */
export interface DecodedLessonLink {
  /** What could be read. Empty when the fragment is not a lesson link at all. */
  readonly patch: LessonPatch;
  /** One problem per part that was dropped, changed or repeated. */
  readonly problems: LinkProblem[];
}

/**
 * The fragment (without `#`) of a link to `state`. Writes only what differs from the
 * defaults, and the text always, last. A valid state round-trips exactly through
 * `decodeLessonLink`. (A lone surrogate in the text cannot travel in a URL: it becomes
 * U+FFFD, as in any URL.) The language is written only when it differs from `defaultLang`,
 * the one this browser would show anyway.
 */
export function encodeLessonLink(
  state: LessonState,
  defaultLang: Language = DEFAULT_LESSON.lang,
): string {
  const defaults: LessonState = { ...DEFAULT_LESSON, lang: defaultLang };
  const params = new URLSearchParams();
  for (const field of LINK_FIELDS) {
    const value = valueAt(state, field.path);
    if (!field.always && value === valueAt(defaults, field.path)) continue;
    params.append(field.key, field.codec.encode(value));
  }
  return params.toString();
}

/**
 * Reads a lesson link's fragment (with or without the leading `#`). Never throws: broken
 * escapes, unknown keys, values out of range, steps or heads the head count does not have,
 * repeated keys and very long texts all give what can be read, defaults for the rest, and
 * one problem per part that was not used as written. Token indices (selection, focus) are
 * checked against `MAX_TOKENS` only, since the decoder does not tokenize; see
 * `fitLessonToTokens`. A fragment with no `key=value` pair at all (`#main`) is not a
 * lesson link and gives an empty patch and no problems.
 */
export function decodeLessonLink(hash: string): DecodedLessonLink {
  try {
    const pairs = readPairs(String(hash));
    if (pairs === null) return { patch: {}, problems: [] };
    return readLesson(pairs);
  } catch {
    // Nothing above is known to throw; a link must still never blank the page if something does.
    return { patch: {}, problems: [] };
  }
}

/** The patch `pairs` describe, field by field in the table's order, and their problems. */
function readLesson(pairs: readonly Pair[]): DecodedLessonLink {
  const problems: LinkProblem[] = [];
  const known = new Set(LINK_FIELDS.map((f) => f.key));

  // The last of repeated keys wins: a teacher who appends "&seed=3" to a link means it.
  const last = new Map<string, Pair>();
  const counts = new Map<string, number>();
  for (const pair of pairs) {
    if (!known.has(pair.key)) {
      problems.push({ code: 'ignored', part: pair.shown, reason: { code: 'unknownKey' } });
      continue;
    }
    last.set(pair.key, pair);
    counts.set(pair.key, (counts.get(pair.key) ?? 0) + 1);
  }
  for (const [key, times] of counts) {
    if (times > 1) problems.push({ code: 'duplicate', key, times });
  }
  // Damage to the sentence is told first: it is what a reader of the notice cares about most.
  for (const field of LINK_FIELDS) {
    if (field.isText && last.get(field.key)?.damaged) problems.push({ code: 'damagedText' });
  }

  let patch: LessonPatch = {};
  for (const field of LINK_FIELDS) {
    const pair = last.get(field.key);
    if (!pair) continue;
    // Read against what came before it: the step and head depend on the link's own heads.
    const read = field.codec.decode(pair.value, lessonFromPatch(patch));
    if ('rejected' in read) {
      problems.push({ code: 'ignored', part: pair.shown, reason: read.rejected });
      continue;
    }
    patch = withValueAt(patch, field.path, read.value);
    if (read.rounded) {
      const value = field.codec.encode(read.value);
      problems.push({ code: 'rounded', part: pair.shown, value, reason: read.rounded });
    }
  }
  return { patch, problems };
}

/**
 * Drops a selection or focus (any value that names tokens) that points past the last
 * token of the patch's text (the decoder cannot know how many tokens there are), with a
 * problem each. `tokenCount` is the number of tokens of `patch.text`, or of the default
 * text when the patch has none.
 */
export function fitLessonToTokens(patch: LessonPatch, tokenCount: number): DecodedLessonLink {
  const problems: LinkProblem[] = [];
  let fitted = patch;
  for (const field of LINK_FIELDS) {
    const value = valueAt(patch, field.path);
    if (!field.tokens || value === undefined || value === null) continue;
    if (field.tokens(value).every((index) => index < tokenCount)) continue;
    problems.push({
      code: 'ignored',
      part: `${field.key}=${field.codec.encode(value)}`,
      reason: { code: 'outsideTokens', tokens: tokenCount },
    });
    fitted = withValueAt(fitted, field.path, null);
  }
  return { patch: fitted, problems };
}
