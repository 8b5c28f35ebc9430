/**
 * What the app's store holds, concern by concern: each slice's inputs and the actions that
 * change them. The slices are written in `slices/` and composed in `store.ts`; their types
 * live here together, so that a slice may name another's fields (setting a new text clears
 * the selection) without the slice files importing one another.
 *
 * The store holds inputs only, never derived data: the trace is derived from them (see
 * `useTrace.ts`).
 */
import type { LabConfig, LabTaskId } from '../core/lab/tasks/types';
import type { AttentionSettings } from '../core/types';
import type { LearnedHeadsFile } from '../core/learnedHeads';
import type { LearnedWeightsFile } from '../core/learnedWeights';
import type { WordVectors } from '../core/vectors/table';
import type { ThemeChoice } from '../theme';
import type { Cell } from '../vocabulary/cell';
import type { FollowView } from '../vocabulary/follow';
import type { GraphView } from '../vocabulary/graph';
import type { Language } from '../vocabulary/language';
import type { StepId } from '../vocabulary/steps';
import type { LessonPatch } from './link/lessonState';
import type { LinkProblem } from './link/problems';
import type { QuizState } from './quiz';

/** The text and the settings: everything the trace's numbers depend on, with the vectors. */
export interface InputsSlice {
  readonly text: string;
  readonly settings: AttentionSettings;
  /** A new sentence; token indices held in the view (selection, hover, focus) are cleared. */
  setText(text: string): void;
  /** Changes some settings; the step and head are kept valid for the new number of heads. */
  setSettings(patch: Partial<AttentionSettings>): void;
}

/** What is shown of the trace: the step, the head, and the graph's options. */
export interface ViewSlice {
  readonly step: StepId;
  /** Index of the head the panels show. */
  readonly head: number;
  /** Show one small heatmap per head. */
  readonly allHeads: boolean;
  readonly graph: GraphView;
  /**
   * The compact embed view (a lesson link's `embed=1`): the sentence, the steps and the
   * attention views, no header, for an <iframe> in slides or a course page.
   */
  readonly embed: boolean;
  setStep(step: StepId): void;
  nextStep(): void;
  previousStep(): void;
  setHead(head: number): void;
  setAllHeads(on: boolean): void;
  setGraph(patch: Partial<GraphView>): void;
}

/** Hover and selection, in the store so that every panel highlights together. */
export interface PointerSlice {
  /** The token under the pointer or focus anywhere in the app. */
  readonly hoverToken: number | null;
  /** The heatmap cell or graph edge under the pointer or focus. */
  readonly hoverCell: Cell | null;
  /** The cell or edge whose arithmetic is open. */
  readonly selection: Cell | null;
  setHoverToken(token: number | null): void;
  setHoverCell(cell: Cell | null): void;
  select(cell: Cell | null): void;
}

/** "Predict first": the quiz at the Softmax and Weighted sum steps (see ./quiz.ts). */
export interface QuizSlice {
  readonly quiz: QuizState;
  /** Replaces the quiz's state by `change(quiz)` (the updaters of ./quiz.ts). */
  updateQuiz(change: (quiz: QuizState) => QuizState): void;
}

/** State of the word-vector table. */
export interface VectorsState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly table: WordVectors;
  /**
   * The file `table` was parsed from, for the trace worker, which parses its own copy:
   * handed over (transferred, so empty here afterwards) the first time a worker needs the
   * table; null for the made-up table, or before the file has loaded.
   */
  readonly bytes: ArrayBuffer | null;
  /** Fraction loaded, 0 to 1, or null when the size is unknown. */
  readonly progress: number | null;
  readonly error: string | null;
}

/** The word-vector table and its loading. */
export interface VectorsSlice {
  readonly vectors: VectorsState;
  setVectors(patch: Partial<VectorsState>): void;
}

/** State of the learned weights (loaded only once the preset is chosen). */
export interface LearnedState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly file: LearnedWeightsFile | null;
  /** The measured figures of every head (public/weights/learned-heads.json). */
  readonly heads: LearnedHeadsFile | null;
  readonly error: string | null;
}

/** The learned weights and their loading. */
export interface LearnedSlice {
  readonly learned: LearnedState;
  setLearned(patch: Partial<LearnedState>): void;
}

/** How the user likes the interface: language, theme, presentation mode. */
export interface PreferencesSlice {
  /** Language of the interface (carried by lesson links; the picker reads and sets it). */
  readonly lang: Language;
  /** Colour theme the user picked (remembered in localStorage, never in lesson links). */
  readonly theme: ThemeChoice;
  /** Presentation mode: large type, high contrast, one panel per step (never in lesson links). */
  readonly presenting: boolean;
  setLang(lang: Language): void;
  /** Picks the theme and remembers it for the next visit. */
  setTheme(theme: ThemeChoice): void;
  setPresenting(on: boolean): void;
}

/** Lesson links: applying one, and the notice of what it could not restore. */
export interface LinkSlice {
  /**
   * What a lesson link that was only partly readable could not restore, one problem each
   * (translated when shown, so the notice follows the interface's language), or null
   * when there is nothing to tell.
   */
  readonly linkNotice: readonly LinkProblem[] | null;
  setLinkNotice(notice: readonly LinkProblem[] | null): void;
  /**
   * Sets what a lesson link says in one update, without the resets of `setText`: the link
   * names its own selection and focus for its own text. When the patch changes the text
   * without naming them, they are cleared as `setText` would. Step and head are kept valid
   * for the resulting number of heads; the hover is cleared.
   */
  applyLink(patch: LessonPatch): void;
}

/** "Follow one token": one query token's story, frame by frame (see src/viz/follow/). */
export interface FollowSlice {
  /** The open story (token and frame), or null when it is closed. */
  readonly follow: FollowView | null;
  /** Opens the story of `token` at `frame` (0 when not given). */
  openFollow(token: number, frame?: number): void;
  closeFollow(): void;
  /** Follows another token, from its first frame. */
  setFollowToken(token: number): void;
  /** Moves `delta` frames within a story of `count` frames (clamped to its ends). */
  moveFollowFrame(delta: number, count: number): void;
  setFollowFrame(frame: number): void;
}

/** Which screen is open: the walkthrough of a sentence, or the Lab. */
export type Screen = 'walkthrough' | 'lab';

/** The Lab's inputs: everything its training and its pictures depend on. */
export interface LabInputs {
  readonly task: LabTaskId;
  readonly config: LabConfig;
  readonly seed: number;
  /** Index into LAB_SPEEDS (the last is full speed). */
  readonly speed: number;
  /** The example's token ids, or null for the run's default example. */
  readonly example: readonly number[] | null;
  /** The layer and head the pictures show (0-based). */
  readonly layer: number;
  readonly head: number;
  /** Steps to train at once when the run starts (a lesson link's), 0 to start untrained. */
  readonly steps: number;
}

/** The Lab: its screen and inputs (progress is derived, by the training worker). */
export interface LabSlice {
  readonly screen: Screen;
  readonly lab: LabInputs;
  /** True while the walkthrough shows a trained Lab head instead of the sentence. */
  readonly labWalk: boolean;
  /** Opens a screen (and leaves a Lab model's walkthrough). */
  setScreen(screen: Screen): void;
  /** Another task, at its defaults (the speed is kept). */
  setLabTask(task: LabTaskId): void;
  /** Changes some settings; the run restarts from step 0. */
  setLabConfig(patch: Partial<LabConfig>): void;
  setLabSeed(seed: number): void;
  setLabSpeed(speed: number): void;
  setLabExample(example: readonly number[] | null): void;
  /** The layer and head shown, kept within the model. */
  setLabView(layer: number, head: number): void;
  /** Sets the Lab's inputs at once (a lesson link) and opens `screen`. */
  applyLab(lab: LabInputs, screen: Screen): void;
  /** Shows (true) or leaves (false) the walkthrough of a trained Lab head. */
  setLabWalk(on: boolean): void;
}

/** Everything the store holds. */
export type AppState = InputsSlice &
  ViewSlice &
  PointerSlice &
  QuizSlice &
  VectorsSlice &
  LearnedSlice &
  PreferencesSlice &
  LinkSlice &
  LabSlice &
  FollowSlice;

/** Only the actions of the store (its functions). */
export type AppActions = {
  [
    K in keyof AppState as AppState[K] extends (...args: never[]) => unknown ? K : never
  ]: AppState[K];
};

/** Only the inputs of the store (without actions). */
export type AppInputs = Omit<AppState, keyof AppActions>;
