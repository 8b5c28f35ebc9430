/**
 * What a lesson link carries: the part of the store that makes a view, its first-visit
 * defaults, and the patch a link sets. Fields sit either at the top level (`text`, `step`)
 * or in a group (`settings`, `graph`) that a patch may set field by field.
 */
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { AttentionSettings } from '../../core/types';
import type { Cell } from '../../vocabulary/cell';
import type { FollowView } from '../../vocabulary/follow';
import { DEFAULT_GRAPH, type GraphView } from '../../vocabulary/graph';
import { DEFAULT_LANGUAGE, type Language } from '../../vocabulary/language';
import type { StepId } from '../../vocabulary/steps';
import { DEFAULT_TEXT } from '../../vocabulary/text';

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
  /** The compact embed view for an <iframe>: no header, the sentence, steps and views. */
  readonly embed: boolean;
  /** The selected cell (query token i, key token j), 0-based token indices. */
  readonly selection: Cell | null;
  readonly graph: GraphView;
  /** "Follow one token": the token and frame open, or null when closed. */
  readonly follow: FollowView | null;
  readonly lang: Language;
}

/** The parts of a lesson that are groups of fields (a patch sets them field by field). */
export const LESSON_GROUPS = ['settings', 'graph'] as const;

/** A group of a lesson's fields. */
export type LessonGroup = (typeof LESSON_GROUPS)[number];

/** What a link set: any part of a `LessonState`, groups field by field. */
export type LessonPatch = {
  readonly [K in keyof LessonState]?: K extends LessonGroup
    ? Partial<LessonState[K]>
    : LessonState[K];
};

/** The view a first visit shows: what a link leaves out. */
export const DEFAULT_LESSON: LessonState = {
  text: DEFAULT_TEXT,
  settings: DEFAULT_SETTINGS,
  step: 'tokens',
  head: 0,
  allHeads: false,
  quiz: false,
  embed: false,
  selection: null,
  graph: DEFAULT_GRAPH,
  follow: null,
  lang: DEFAULT_LANGUAGE,
};

function isGroup(key: string): key is LessonGroup {
  return (LESSON_GROUPS as readonly string[]).includes(key);
}

/** The state a link's patch stands for: the patch over the defaults, not over what was shown before. */
export function lessonFromPatch(patch: LessonPatch): LessonState {
  const lesson: Record<string, unknown> = { ...DEFAULT_LESSON };
  for (const key of Object.keys(DEFAULT_LESSON) as (keyof LessonState)[]) {
    const value = patch[key];
    if (isGroup(key)) lesson[key] = { ...DEFAULT_LESSON[key], ...(value as object | undefined) };
    // A null selection (or follow) in a patch means "none", which is also the default.
    else lesson[key] = value ?? DEFAULT_LESSON[key];
  }
  return lesson as unknown as LessonState;
}
