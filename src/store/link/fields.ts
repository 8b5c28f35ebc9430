/**
 * The fields of a lesson link, each declared once: where its value sits in a lesson, its
 * key in the fragment, and how the value is written, read and checked (its codec, whose
 * refusals name the valid range). Its default is the lesson's default (`DEFAULT_LESSON`).
 * Encoding, decoding, the notices and the fit to the sentence's tokens
 * (`lessonLink.ts`) are written once over this table.
 *
 * The order is the order of the link: settings first, the text always and always last, so
 * that a link cut short by a chat app or a hand copy loses the end of its sentence, not
 * its settings. Later fields may depend on earlier ones when read (the step and head on
 * the number of heads).
 *
 * To carry more (the Lab's task, settings, seed, steps and example), add a group to
 * `LessonState` and `LESSON_GROUPS` and one row per field here, before the text.
 */
import { MAX_TOKENS } from '../../core/tokenizer';
import {
  HEAD_COUNTS,
  MAX_SEED,
  MODEL_WIDTHS,
  TEMPERATURE_SLIDER,
  WEIGHTS_PRESETS,
} from '../../core/settings';
import type { Cell } from '../../vocabulary/cell';
import type { FollowView } from '../../vocabulary/follow';
import { FOCUS_DIRECTIONS, GRAPH_LAYOUTS, THRESHOLD_STEP } from '../../vocabulary/graph';
import { LANGUAGES } from '../../vocabulary/language';
import { STEP_IDS, stepsFor, type StepId } from '../../vocabulary/steps';
import {
  cellOf,
  offered,
  oneOf,
  onOff,
  onSlider,
  plainText,
  tokenIndex,
  upTo,
  wholeNumber,
  type ValueCodec,
} from './codecs';
import { followOf } from './followCodec';
import type { LessonGroup, LessonPatch, LessonState } from './lessonState';

/** Where a value sits in a lesson: a top-level field, or a field of a group. */
export type FieldPath =
  | readonly [Exclude<keyof LessonState, LessonGroup>]
  | { [G in LessonGroup]: readonly [G, keyof LessonState[G]] }[LessonGroup];

/** The type of the value at `P`. */
export type ValueAt<P extends FieldPath> = P extends readonly [infer G extends LessonGroup, infer K]
  ? LessonState[G][K & keyof LessonState[G]]
  : P extends readonly [infer K extends keyof LessonState]
    ? LessonState[K]
    : never;

/** One field of a lesson link (see the module comment). */
export interface LinkField {
  /** Where the value sits in a lesson: `['text']`, `['settings', 'width']`. */
  readonly path: FieldPath;
  /** Its key in the fragment: short, but a word a teacher can read and edit. */
  readonly key: string;
  /** How its value is written and read. */
  readonly codec: ValueCodec<unknown>;
  /** Written even when it has its default value (the text). */
  readonly always: boolean;
  /** Its value is the sentence: escapes that are not UTF-8 get a notice of their own. */
  readonly isText: boolean;
  /** For values that name tokens: their indices, to drop a value the sentence is too short for. */
  readonly tokens: ((value: unknown) => readonly number[]) | null;
}

/** Options of a field beyond its path, key and codec. */
interface FieldOptions<V> {
  readonly always?: boolean;
  readonly isText?: boolean;
  readonly tokens?: (value: NonNullable<V>) => readonly number[];
}

/** A row of the table, typed by its path so that its codec must fit the value there. */
function field<P extends FieldPath>(
  path: P,
  key: string,
  codec: ValueCodec<ValueAt<P>>,
  options: FieldOptions<ValueAt<P>> = {},
): LinkField {
  const tokens = options.tokens;
  return {
    path,
    key,
    // The table holds rows of every value type; each row's codec was checked against its path above.
    codec: codec as ValueCodec<unknown>,
    always: options.always ?? false,
    isText: options.isText ?? false,
    tokens: tokens ? (value) => tokens(value as NonNullable<ValueAt<P>>) : null,
  };
}

/** The value at `path` in a lesson or a patch (undefined when a patch does not set it). */
export function valueAt(lesson: LessonState | LessonPatch, path: FieldPath): unknown {
  if (path.length === 1) return lesson[path[0]];
  const group = lesson[path[0]] as Record<string, unknown> | undefined;
  return group?.[path[1]];
}

/** `patch` with the value at `path` set to `value`. */
export function withValueAt(patch: LessonPatch, path: FieldPath, value: unknown): LessonPatch {
  if (path.length === 1) return { ...patch, [path[0]]: value };
  const [group, name] = path;
  return { ...patch, [group]: { ...patch[group], [name]: value } };
}

const MAX_INDEX = MAX_TOKENS - 1;

/** The step, which must exist with the number of heads read before it. */
const stepCodec: ValueCodec<StepId> = {
  encode: (step) => step,
  decode: (raw, sofar) => {
    const read = oneOf(STEP_IDS, 'step').decode(raw, sofar);
    if ('rejected' in read || stepsFor(sofar.settings.heads).includes(read.value)) return read;
    return { rejected: { code: 'stepNeedsHeads' } };
  },
};

/** The head shown, below the number of heads read before it. */
const headCodec: ValueCodec<number> = {
  encode: String,
  decode: (raw, sofar) => {
    const heads = sofar.settings.heads;
    const n = wholeNumber(raw, 1000);
    return n !== null && n < heads ? { value: n } : { rejected: { code: 'head', heads } };
  },
};

/** Every field of a lesson link, in the order the link writes them. */
export const LINK_FIELDS: readonly LinkField[] = [
  field(['settings', 'width'], 'w', offered(MODEL_WIDTHS, 'width')),
  field(['settings', 'heads'], 'h', offered(HEAD_COUNTS, 'heads')),
  field(['settings', 'seed'], 'seed', upTo(MAX_SEED, 'seed')),
  field(['settings', 'causal'], 'causal', onOff),
  field(['settings', 'scale'], 'scale', onOff),
  field(
    ['settings', 'temperature'],
    'temp',
    onSlider(TEMPERATURE_SLIDER, { code: 'temperature', ...TEMPERATURE_SLIDER }, true),
  ),
  field(['settings', 'weights'], 'weights', oneOf(WEIGHTS_PRESETS, 'weights')),
  field(['settings', 'positions'], 'pos', onOff),
  field(['step'], 'step', stepCodec),
  field(['head'], 'head', headCodec),
  field(['allHeads'], 'all', onOff),
  field(['quiz'], 'quiz', onOff),
  field(['embed'], 'embed', onOff),
  field(['selection'], 'sel', cellOf(MAX_INDEX, 'selection'), {
    tokens: (cell: Cell) => [cell.i, cell.j],
  }),
  field(['graph', 'layout'], 'layout', oneOf(GRAPH_LAYOUTS, 'layout')),
  field(
    ['graph', 'threshold'],
    'thr',
    onSlider({ min: 0, max: 1, step: THRESHOLD_STEP }, { code: 'threshold' }, false),
  ),
  field(['graph', 'topK'], 'topk', upTo(MAX_TOKENS, 'topK')),
  field(['graph', 'focus'], 'focus', tokenIndex(MAX_INDEX, 'focus'), {
    tokens: (focus: number) => [focus],
  }),
  field(['graph', 'direction'], 'dir', oneOf(FOCUS_DIRECTIONS, 'direction')),
  field(['graph', 'everyEdge'], 'every', onOff),
  field(['follow'], 'follow', followOf(MAX_INDEX), {
    tokens: (follow: FollowView) => [follow.token],
  }),
  field(['lang'], 'lang', oneOf(LANGUAGES, 'lang')),
  field(['text'], 't', plainText, { always: true, isText: true }),
];

/** The link's keys, in the order the link writes them. */
export const LINK_KEYS: readonly string[] = LINK_FIELDS.map((f) => f.key);
