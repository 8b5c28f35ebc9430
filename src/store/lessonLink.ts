/**
 * Lesson links: the whole view (text, settings, step, head, selection, graph, language)
 * as a URL fragment, `#w=16&h=2&step=softmax&t=The+cat+sat`, so that a teacher's link
 * opens the same sentence at the same step on every student's device.
 *
 * The fragment never reaches a server (nothing typed leaves the page), and it is a plain
 * `URLSearchParams` string with short keys, holding only what differs from the defaults,
 * plus the text, always, and always last: a link cut short by a chat app or a hand copy
 * loses the end of its sentence, not its settings.
 *
 * Pure: no DOM, no store, no React. `decodeLessonLink` never throws; whatever it cannot
 * read falls back to the default, and it says so in one readable problem per part.
 */
import { DEFAULT_SETTINGS, WEIGHTS_PRESETS } from '../core/trace';
import { MAX_TOKENS } from '../core/tokenizer';
import type { AttentionSettings, WeightsPreset } from '../core/types';
import { share, type LinkProblemMessages } from '../messages/share';
import { stepsFor, type StepId } from './steps';
import {
  DEFAULT_GRAPH,
  DEFAULT_TEXT,
  LANGUAGES,
  type Cell,
  type FocusDirection,
  type GraphLayout,
  type GraphView,
  type Language,
} from './store';

/** Everything a lesson link carries: the part of the store that makes a view. */
export interface LessonState {
  readonly text: string;
  readonly settings: AttentionSettings;
  readonly step: StepId;
  /** Index of the head shown, 0-based, below `settings.heads`. */
  readonly head: number;
  readonly allHeads: boolean;
  /** "Predict first": the quiz hides the weights until the student has predicted. */
  readonly quiz: boolean;
  /** The selected cell (query token i, key token j), 0-based token indices. */
  readonly selection: Cell | null;
  readonly graph: GraphView;
  readonly lang: Language;
}

/** What a link set: any part of a `LessonState`, settings and graph field by field. */
export interface LessonPatch {
  readonly text?: string;
  readonly settings?: Partial<AttentionSettings>;
  readonly step?: StepId;
  readonly head?: number;
  readonly allHeads?: boolean;
  readonly quiz?: boolean;
  readonly selection?: Cell | null;
  readonly graph?: Partial<GraphView>;
  readonly lang?: Language;
}

/** The result of decoding a link. */
export interface DecodedLessonLink {
  /** What could be read. Empty when the fragment is not a lesson link at all. */
  readonly patch: LessonPatch;
  /** One readable sentence per part that was dropped, changed or repeated. */
  readonly problems: string[];
}

/** The model widths the Settings panel offers (a link holds only what the controls can show). */
export const LINK_WIDTHS: readonly number[] = [4, 8, 16, 32, 64, 100];
/** The head counts the Settings panel offers. */
export const LINK_HEADS: readonly number[] = [1, 2, 4];
/** The temperature slider's range and step. */
export const LINK_TEMPERATURE = { min: 0.1, max: 3, step: 0.1 } as const;
/** The threshold slider's step (its range is 0 to 1). */
export const THRESHOLD_STEP = 0.01;
/** The largest seed: the weight generator takes a 32-bit unsigned seed. */
export const MAX_SEED = 0xffffffff;

const STEP_IDS: readonly StepId[] = stepsFor(2);
const LAYOUTS: readonly GraphLayout[] = ['line', 'circle', 'force'];
const DIRECTIONS: readonly FocusDirection[] = ['out', 'in'];

/**
 * The link's keys, in the order `encodeLessonLink` writes them. Short, but still words a
 * teacher can read and edit by hand.
 */
export const LINK_KEYS = {
  width: 'w',
  heads: 'h',
  seed: 'seed',
  causal: 'causal',
  scale: 'scale',
  temperature: 'temp',
  weights: 'weights',
  positions: 'pos',
  step: 'step',
  head: 'head',
  allHeads: 'all',
  quiz: 'quiz',
  selection: 'sel',
  layout: 'layout',
  threshold: 'thr',
  topK: 'topk',
  focus: 'focus',
  direction: 'dir',
  lang: 'lang',
  text: 't',
} as const;

/** The view a first visit shows: what a link leaves out. */
export const DEFAULT_LESSON: LessonState = {
  text: DEFAULT_TEXT,
  settings: DEFAULT_SETTINGS,
  step: 'tokens',
  head: 0,
  allHeads: false,
  quiz: false,
  selection: null,
  graph: DEFAULT_GRAPH,
  lang: 'en',
};

/** The state a link's patch stands for: the patch over the defaults, not over what was shown before. */
export function lessonFromPatch(patch: LessonPatch): LessonState {
  return {
    text: patch.text ?? DEFAULT_LESSON.text,
    settings: { ...DEFAULT_LESSON.settings, ...patch.settings },
    step: patch.step ?? DEFAULT_LESSON.step,
    head: patch.head ?? DEFAULT_LESSON.head,
    allHeads: patch.allHeads ?? DEFAULT_LESSON.allHeads,
    quiz: patch.quiz ?? DEFAULT_LESSON.quiz,
    selection: patch.selection ?? DEFAULT_LESSON.selection,
    graph: { ...DEFAULT_LESSON.graph, ...patch.graph },
    lang: patch.lang ?? DEFAULT_LESSON.lang,
  };
}

const bool = (on: boolean) => (on ? '1' : '0');

/**
 * The fragment (without `#`) of a link to `state`. Writes only what differs from the
 * defaults, and the text always, last. Numbers are written with `String`, which reads
 * back as the same number, so a valid state round-trips exactly through
 * `decodeLessonLink`. (A lone surrogate in the text cannot travel in a URL: it becomes
 * U+FFFD, as in any URL.) The language is written only when it differs from `defaultLang`,
 * the one this browser would show anyway.
 */
export function encodeLessonLink(
  state: LessonState,
  defaultLang: Language = DEFAULT_LESSON.lang,
): string {
  const d = DEFAULT_LESSON;
  const s = state.settings;
  const k = LINK_KEYS;
  const params = new URLSearchParams();
  const put = (key: string, value: string, same: boolean) => {
    if (!same) params.append(key, value);
  };
  put(k.width, String(s.width), s.width === d.settings.width);
  put(k.heads, String(s.heads), s.heads === d.settings.heads);
  put(k.seed, String(s.seed), s.seed === d.settings.seed);
  put(k.causal, bool(s.causal), s.causal === d.settings.causal);
  put(k.scale, bool(s.scale), s.scale === d.settings.scale);
  put(k.temperature, String(s.temperature), s.temperature === d.settings.temperature);
  put(k.weights, s.weights, s.weights === d.settings.weights);
  put(k.positions, bool(s.positions), s.positions === d.settings.positions);
  put(k.step, state.step, state.step === d.step);
  put(k.head, String(state.head), state.head === d.head);
  put(k.allHeads, bool(state.allHeads), state.allHeads === d.allHeads);
  put(k.quiz, bool(state.quiz), state.quiz === d.quiz);
  if (state.selection) put(k.selection, `${state.selection.i}-${state.selection.j}`, false);
  const g = state.graph;
  put(k.layout, g.layout, g.layout === d.graph.layout);
  put(k.threshold, String(g.threshold), g.threshold === d.graph.threshold);
  put(k.topK, String(g.topK), g.topK === d.graph.topK);
  if (g.focus !== null) put(k.focus, String(g.focus), false);
  put(k.direction, g.direction, g.direction === d.graph.direction);
  put(k.lang, state.lang, state.lang === defaultLang);
  params.append(k.text, state.text);
  return params.toString();
}

/** One `key=value` pair of the fragment, decoded. */
interface Pair {
  readonly key: string;
  readonly value: string;
  /** The pair as the problems show it: `key=value`, shortened. */
  readonly shown: string;
  /** True when the value held percent-escapes that are not UTF-8 (read as U+FFFD). */
  readonly damaged: boolean;
}

/** `application/x-www-form-urlencoded` decoding, as lenient as the browser's: never throws. */
function formDecode(raw: string): string {
  // URLSearchParams turns a broken escape into U+FFFD instead of throwing, as decodeURIComponent would.
  return new URLSearchParams(`x=${raw}`).get('x') ?? '';
}

/** True when `raw` holds an escape sequence that is not valid UTF-8. */
function hasBrokenEscapes(raw: string): boolean {
  if (!raw.includes('%')) return false;
  // Only escapes: a lone "%" (as in "100%") is kept as it is by both decoders and is no damage.
  const escapes = raw.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? [];
  return escapes.some((run) => {
    try {
      decodeURIComponent(run);
      return false;
    } catch {
      return true;
    }
  });
}

/** A value short enough to quote in a notice: a damaged 1 MB parameter must not become a 1 MB notice. */
function shorten(text: string, max = 40): string {
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** The fragment's pairs, in order, keys lower-cased. Null when it is not a lesson link (an in-page anchor such as `#main`). */
function readPairs(hash: string): Pair[] | null {
  const body = hash.replace(/^#/, '').replace(/^\?/, '');
  if (!body.includes('=')) return null;
  const pairs: Pair[] = [];
  for (const raw of body.split('&')) {
    // "&&" and a bare "=" carry nothing, and are what a careless hand edit leaves behind.
    if (raw === '' || raw === '=') continue;
    const eq = raw.indexOf('=');
    const rawKey = eq < 0 ? raw : raw.slice(0, eq);
    const rawValue = eq < 0 ? '' : raw.slice(eq + 1);
    const key = formDecode(rawKey).trim().toLowerCase();
    const value = formDecode(rawValue);
    pairs.push({
      key,
      value,
      shown: `${shorten(key)}=${shorten(value)}`,
      damaged: hasBrokenEscapes(rawValue),
    });
  }
  return pairs;
}

/** Joins options for a reason: "4, 8, 16, 32, 64 or 100". */
/** Presets a link may name: not yet `learned`, which the app cannot load until its UI lands. */
const LINK_WEIGHTS = WEIGHTS_PRESETS.filter((p) => p !== 'learned');

function optionList(options: readonly (string | number)[]): string {
  const names = options.map(String);
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** A whole number written with digits only ("07" is 7; "-1", "1e3", "1.0" and "" are not), at most `max`. */
function wholeNumber(value: string, max: number): number | null {
  const t = value.trim();
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n <= max ? n : null;
}

/** A finite decimal number ("0.5", ".5", "1e-1"), or null for "", "NaN", "Infinity" and the rest. */
function decimal(value: string): number | null {
  const t = value.trim();
  // Number('') is 0 and Number('0x1') is 1: accept only plain decimal notation.
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** "1"/"0", and the spellings a hand edit may use. */
function boolean(value: string): boolean | null {
  const t = value.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'on' || t === 'yes') return true;
  if (t === '0' || t === 'false' || t === 'off' || t === 'no') return false;
  return null;
}

/** `value` if it is one of `options` (case-insensitive), else null. */
function oneOf<T extends string>(value: string, options: readonly T[]): T | null {
  const t = value.trim().toLowerCase();
  return options.find((o) => o === t) ?? null;
}

/** `x` rounded to a multiple of `step` (a power of ten below 1), as the slider would store it. */
function snap(x: number, step: number): number {
  const per = Math.round(1 / step);
  // Divide, not multiply: k / 10 is the same double as the literal "0.k" the slider gives.
  return Math.round(x * per) / per;
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
export function decodeLessonLink(
  hash: string,
  messages: LinkProblemMessages = share.problems,
): DecodedLessonLink {
  const problems: string[] = [];
  try {
    const pairs = readPairs(String(hash));
    if (pairs === null) return { patch: {}, problems };
    return { patch: readLesson(pairs, messages, problems), problems };
  } catch {
    // Nothing above is known to throw; a link must still never blank the page if something does.
    return { patch: {}, problems };
  }
}

function readLesson(
  pairs: readonly Pair[],
  m: LinkProblemMessages,
  problems: string[],
): LessonPatch {
  const r = m.reasons;
  const k = LINK_KEYS;
  const known = new Set<string>(Object.values(k));

  // The last of repeated keys wins: a teacher who appends "&seed=3" to a link means it.
  const last = new Map<string, Pair>();
  const counts = new Map<string, number>();
  for (const pair of pairs) {
    if (!known.has(pair.key)) {
      problems.push(m.ignored(pair.shown, r.unknownKey));
      continue;
    }
    last.set(pair.key, pair);
    counts.set(pair.key, (counts.get(pair.key) ?? 0) + 1);
  }
  for (const [key, times] of counts) if (times > 1) problems.push(m.duplicate(key, times));

  /** Reads the value of `key` with `parse`; on failure records `reason` and gives undefined. */
  function read<T>(key: string, parse: (v: string) => T | null, reason: string): T | undefined {
    const pair = last.get(key);
    if (!pair) return undefined;
    const value = parse(pair.value);
    if (value === null) {
      problems.push(m.ignored(pair.shown, reason));
      return undefined;
    }
    return value;
  }

  const maxIndex = MAX_TOKENS - 1;
  const settings: { -readonly [K in keyof AttentionSettings]?: AttentionSettings[K] } = {};
  const graph: { -readonly [K in keyof GraphView]?: GraphView[K] } = {};
  const patch: { -readonly [K in keyof LessonPatch]: LessonPatch[K] } = {};

  const text = last.get(k.text);
  if (text) {
    patch.text = text.value;
    if (text.damaged) problems.push(m.damagedText);
  }

  const width = read(
    k.width,
    (v) => {
      const n = wholeNumber(v, 1000);
      return n !== null && LINK_WIDTHS.includes(n) ? n : null;
    },
    r.width(optionList(LINK_WIDTHS)),
  );
  if (width !== undefined) settings.width = width;
  const heads = read(
    k.heads,
    (v) => {
      const n = wholeNumber(v, 1000);
      return n !== null && LINK_HEADS.includes(n) ? n : null;
    },
    r.heads(optionList(LINK_HEADS)),
  );
  if (heads !== undefined) settings.heads = heads;
  const seed = read(k.seed, (v) => wholeNumber(v, MAX_SEED), r.seed(String(MAX_SEED)));
  if (seed !== undefined) settings.seed = seed;
  const causal = read(k.causal, boolean, r.boolean);
  if (causal !== undefined) settings.causal = causal;
  const scale = read(k.scale, boolean, r.boolean);
  if (scale !== undefined) settings.scale = scale;

  const t = LINK_TEMPERATURE;
  const temperatureReason = r.temperature(String(t.min), String(t.max), String(t.step));
  const temperature = read(
    k.temperature,
    (v) => {
      const n = decimal(v);
      // Compared after snapping, so 0.04 (which would snap to 0) is out of range, not rounded to it.
      return n !== null && snap(n, t.step) >= t.min && snap(n, t.step) <= t.max ? n : null;
    },
    temperatureReason,
  );
  if (temperature !== undefined) {
    settings.temperature = snap(temperature, t.step);
    if (settings.temperature !== temperature) {
      problems.push(
        m.rounded(
          last.get(k.temperature)?.shown ?? '',
          String(settings.temperature),
          temperatureReason,
        ),
      );
    }
  }
  const weights = read<WeightsPreset>(
    k.weights,
    (v) => oneOf(v, LINK_WEIGHTS),
    r.weights(optionList(LINK_WEIGHTS)),
  );
  if (weights !== undefined) settings.weights = weights;
  const positions = read(k.positions, boolean, r.boolean);
  if (positions !== undefined) settings.positions = positions;

  // Step and head depend on the head count the link ends up with (its own, or the default).
  const headCount = settings.heads ?? DEFAULT_LESSON.settings.heads;
  const step = read<StepId>(k.step, (v) => oneOf(v, STEP_IDS), r.step(optionList(STEP_IDS)));
  if (step !== undefined) {
    if (stepsFor(headCount).includes(step)) patch.step = step;
    else problems.push(m.ignored(last.get(k.step)?.shown ?? '', r.stepNeedsHeads));
  }
  const head = read(
    k.head,
    (v) => {
      const n = wholeNumber(v, 1000);
      return n !== null && n < headCount ? n : null;
    },
    r.head(headCount),
  );
  if (head !== undefined) patch.head = head;
  const allHeads = read(k.allHeads, boolean, r.boolean);
  if (allHeads !== undefined) patch.allHeads = allHeads;
  const quiz = read(k.quiz, boolean, r.boolean);
  if (quiz !== undefined) patch.quiz = quiz;

  const selection = read<Cell>(
    k.selection,
    (v) => {
      const match = /^\s*(\d{1,6})\s*[-,._ ]\s*(\d{1,6})\s*$/.exec(v);
      if (!match) return null;
      const i = Number(match[1]);
      const j = Number(match[2]);
      return i <= maxIndex && j <= maxIndex ? { i, j } : null;
    },
    r.selection(String(maxIndex)),
  );
  if (selection !== undefined) patch.selection = selection;

  const layout = read<GraphLayout>(
    k.layout,
    (v) => oneOf(v, LAYOUTS),
    r.layout(optionList(LAYOUTS)),
  );
  if (layout !== undefined) graph.layout = layout;
  const threshold = read(
    k.threshold,
    (v) => {
      const n = decimal(v);
      return n !== null && n >= 0 && n <= 1 ? n : null;
    },
    r.threshold,
  );
  if (threshold !== undefined) {
    graph.threshold = snap(threshold, THRESHOLD_STEP);
    if (graph.threshold !== threshold) {
      problems.push(
        m.rounded(last.get(k.threshold)?.shown ?? '', String(graph.threshold), r.threshold),
      );
    }
  }
  const topK = read(k.topK, (v) => wholeNumber(v, MAX_TOKENS), r.topK(String(MAX_TOKENS)));
  if (topK !== undefined) graph.topK = topK;
  const focus = read(k.focus, (v) => wholeNumber(v, maxIndex), r.focus(String(maxIndex)));
  if (focus !== undefined) graph.focus = focus;
  const direction = read<FocusDirection>(
    k.direction,
    (v) => oneOf(v, DIRECTIONS),
    r.direction(optionList(DIRECTIONS)),
  );
  if (direction !== undefined) graph.direction = direction;
  const lang = read<Language>(k.lang, (v) => oneOf(v, LANGUAGES), r.lang(optionList(LANGUAGES)));
  if (lang !== undefined) patch.lang = lang;

  if (Object.keys(settings).length > 0) patch.settings = settings;
  if (Object.keys(graph).length > 0) patch.graph = graph;
  return patch;
}

/**
 * Drops a selection or focus that points past the last token of the patch's text (the
 * decoder cannot know how many tokens there are), with a problem each. `tokenCount` is
 * the number of tokens of `patch.text`, or of the default text when the patch has none.
 */
export function fitLessonToTokens(
  patch: LessonPatch,
  tokenCount: number,
  messages: LinkProblemMessages = share.problems,
): DecodedLessonLink {
  const problems: string[] = [];
  const reason = messages.reasons.outsideTokens(tokenCount);
  let fitted: LessonPatch = patch;
  const sel = patch.selection;
  if (sel && (sel.i >= tokenCount || sel.j >= tokenCount)) {
    problems.push(messages.ignored(`${LINK_KEYS.selection}=${sel.i}-${sel.j}`, reason));
    fitted = { ...fitted, selection: null };
  }
  const focus = patch.graph?.focus;
  if (focus !== undefined && focus !== null && focus >= tokenCount) {
    problems.push(messages.ignored(`${LINK_KEYS.focus}=${focus}`, reason));
    fitted = { ...fitted, graph: { ...fitted.graph, focus: null } };
  }
  return { patch: fitted, problems };
}
