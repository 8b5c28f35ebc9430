/**
 * Named selector hooks for what many components read. Each returns a value the store
 * already holds (never an object built per call), so a component re-renders only when that
 * value changes.
 */
import type { AttentionSettings } from '../core/types';
import type { Cell } from '../vocabulary/cell';
import type { Language } from '../vocabulary/language';
import type { StepId } from '../vocabulary/steps';
import { useAppStore } from './store';

/** The step of the walkthrough shown. */
export function useStep(): StepId {
  return useAppStore((s) => s.step);
}

/** The index of the head the panels show (the selected head). */
export function useHead(): number {
  return useAppStore((s) => s.head);
}

/** The model's settings (one object, replaced when a setting changes). */
export function useSettings(): AttentionSettings {
  return useAppStore((s) => s.settings);
}

/** The interface's language. */
export function useLang(): Language {
  return useAppStore((s) => s.lang);
}

/** The token under the pointer or focus, or null. */
export function useHoverToken(): number | null {
  return useAppStore((s) => s.hoverToken);
}

/** The cell or edge under the pointer or focus, or null. */
export function useHoverCell(): Cell | null {
  return useAppStore((s) => s.hoverCell);
}

/** The cell or edge whose arithmetic is open, or null. */
export function useSelection(): Cell | null {
  return useAppStore((s) => s.selection);
}

/** True in presentation mode. */
export function usePresenting(): boolean {
  return useAppStore((s) => s.presenting);
}
