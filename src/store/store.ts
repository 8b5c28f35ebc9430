/**
 * The app's one zustand store. It holds inputs only (text, settings, step, view options,
 * hover and selection); the trace is derived from them (see `useTrace`).
 */
import { create } from 'zustand';
import type { AttentionSettings } from '../core/types';
import type { LessonPatch } from './lessonLink';
import { initialQuiz, type QuizState } from './quiz';
import { readStoredTheme, storeTheme, type ThemeChoice } from '../theme';
import { clampStep, moveStep, type StepId } from '../vocabulary/steps';
import type { Cell } from '../vocabulary/cell';
import { DEFAULT_GRAPH, type GraphView } from '../vocabulary/graph';
import { DEFAULT_LANGUAGE, type Language } from '../vocabulary/language';
import { DEFAULT_TEXT } from '../vocabulary/text';
import { DEFAULT_SETTINGS } from '../core/settings';
import { madeUpWordVectors, type WordVectors } from '../core/vectors/table';

/** State of the word-vector table. */
export interface VectorsState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly table: WordVectors;
  /** Fraction loaded, 0 to 1, or null when the size is unknown. */
  readonly progress: number | null;
  readonly error: string | null;
}

/** Everything the store holds. */
export interface AppState {
  readonly text: string;
  readonly settings: AttentionSettings;
  readonly step: StepId;
  /** Index of the head the panels show. */
  readonly head: number;
  /** Show one small heatmap per head. */
  readonly allHeads: boolean;
  readonly graph: GraphView;
  /** The token under the pointer or focus anywhere in the app. */
  readonly hoverToken: number | null;
  /** The heatmap cell or edge under the pointer or focus. */
  readonly hoverCell: Cell | null;
  /** The cell or edge whose arithmetic is open. */
  readonly selection: Cell | null;
  readonly vectors: VectorsState;
  /** Language of the interface (carried by lesson links; the picker reads and sets it). */
  readonly lang: Language;
  /**
   * What a lesson link that was only partly readable could not restore, one readable
   * sentence each, or null when there is nothing to tell.
   */
  readonly linkNotice: readonly string[] | null;
  /** "Predict first": the quiz at the Softmax and Weighted sum steps (see ./quiz.ts). */
  readonly quiz: QuizState;
  /** Colour theme the user picked (remembered in localStorage, never in lesson links). */
  readonly theme: ThemeChoice;
  /** Presentation mode: large type, high contrast, one panel per step (never in lesson links). */
  readonly presenting: boolean;

  setText(text: string): void;
  setSettings(patch: Partial<AttentionSettings>): void;
  setStep(step: StepId): void;
  nextStep(): void;
  previousStep(): void;
  setHead(head: number): void;
  setAllHeads(on: boolean): void;
  setGraph(patch: Partial<GraphView>): void;
  setHoverToken(token: number | null): void;
  setHoverCell(cell: Cell | null): void;
  select(cell: Cell | null): void;
  setVectors(patch: Partial<VectorsState>): void;
  setLang(lang: Language): void;
  setLinkNotice(notice: readonly string[] | null): void;
  /** Replaces the quiz's state by `change(quiz)` (the updaters of ./quiz.ts). */
  updateQuiz(change: (quiz: QuizState) => QuizState): void;
  /** Picks the theme and remembers it for the next visit. */
  setTheme(theme: ThemeChoice): void;
  setPresenting(on: boolean): void;
  /**
   * Sets what a lesson link says in one update, without the resets of `setText`: the link
   * names its own selection and focus for its own text. When the patch changes the text
   * without naming them, they are cleared as `setText` would. Step and head are kept valid
   * for the resulting number of heads; the hover is cleared.
   */
  applyLink(patch: LessonPatch): void;
}

/** The initial inputs (without actions), also used by tests to reset the store. */
export function initialState(): Omit<AppState, keyof Actions> {
  return {
    text: DEFAULT_TEXT,
    settings: DEFAULT_SETTINGS,
    step: 'tokens',
    head: 0,
    allHeads: false,
    graph: DEFAULT_GRAPH,
    hoverToken: null,
    hoverCell: null,
    selection: null,
    vectors: { status: 'loading', table: madeUpWordVectors(), progress: null, error: null },
    lang: DEFAULT_LANGUAGE,
    linkNotice: null,
    quiz: initialQuiz(),
    theme: 'system',
    presenting: false,
  };
}

/** `current` with `patch` applied, or `current` itself when the patch changes nothing. */
function merged<T extends object>(current: T, patch: Partial<T> | undefined): T {
  // Keeping the object when nothing changed keeps every memo keyed on it (the trace) warm.
  if (!patch) return current;
  const changed = (Object.keys(patch) as (keyof T)[]).some(
    (key) => patch[key] !== undefined && !Object.is(patch[key], current[key]),
  );
  return changed ? { ...current, ...patch } : current;
}

type Actions = {
  [
    K in keyof AppState as AppState[K] extends (...args: never[]) => unknown ? K : never
  ]: AppState[K];
};

/** The store hook: `useAppStore((s) => s.text)`. Select narrowly; never build objects in a selector. */
export const useAppStore = create<AppState>()((set) => ({
  ...initialState(),
  theme: readStoredTheme(),
  setText: (text) =>
    // A new sentence changes the tokens, so indices held in the view no longer mean the same tokens.
    set((s) => ({
      text,
      selection: null,
      hoverCell: null,
      hoverToken: null,
      graph: { ...s.graph, focus: null },
    })),
  setSettings: (patch) =>
    set((s) => {
      const settings = { ...s.settings, ...patch };
      return {
        settings,
        step: clampStep(s.step, settings.heads),
        head: Math.min(s.head, settings.heads - 1),
      };
    }),
  setStep: (step) => set((s) => ({ step: clampStep(step, s.settings.heads) })),
  nextStep: () => set((s) => ({ step: moveStep(s.step, 1, s.settings.heads) })),
  previousStep: () => set((s) => ({ step: moveStep(s.step, -1, s.settings.heads) })),
  setHead: (head) => set((s) => ({ head: Math.max(0, Math.min(head, s.settings.heads - 1)) })),
  setAllHeads: (allHeads) => set({ allHeads }),
  setGraph: (patch) => set((s) => ({ graph: { ...s.graph, ...patch } })),
  setHoverToken: (hoverToken) => set({ hoverToken }),
  setHoverCell: (hoverCell) => set({ hoverCell }),
  select: (selection) => set({ selection }),
  setVectors: (patch) => set((s) => ({ vectors: { ...s.vectors, ...patch } })),
  setLang: (lang) => set({ lang }),
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  updateQuiz: (change) => set((s) => ({ quiz: change(s.quiz) })),
  setTheme: (theme) => {
    storeTheme(theme);
    set({ theme });
  },
  setPresenting: (presenting) => set({ presenting }),
  applyLink: (patch) =>
    set((s) => {
      const text = patch.text ?? s.text;
      const newText = text !== s.text;
      const settings = merged(s.settings, patch.settings);
      const graph = merged(newText ? { ...s.graph, focus: null } : s.graph, patch.graph);
      const selection =
        patch.selection !== undefined ? patch.selection : newText ? null : s.selection;
      return {
        text,
        settings,
        step: clampStep(patch.step ?? s.step, settings.heads),
        head: Math.max(0, Math.min(patch.head ?? s.head, settings.heads - 1)),
        allHeads: patch.allHeads ?? s.allHeads,
        graph,
        selection,
        lang: patch.lang ?? s.lang,
        quiz:
          patch.quiz === undefined || patch.quiz === s.quiz.enabled
            ? s.quiz
            : { ...s.quiz, enabled: patch.quiz },
        hoverToken: null,
        hoverCell: null,
      };
    }),
}));
