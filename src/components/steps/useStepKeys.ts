/**
 * ArrowLeft and ArrowRight move between steps from anywhere on the page, as a teacher's
 * keyboard or clicker expects, except where the keys already mean something: text
 * fields, selects, sliders, radio groups, widgets with their own arrow keys, and dialogs.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';

// Input types whose arrow keys do nothing, so the steps may have them.
const KEYLESS_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'image', 'file', 'color']);

// ARIA widgets that move their own selection or caret with the arrow keys.
const ARROW_WIDGETS =
  '[role="textbox"],[role="searchbox"],[role="combobox"],[role="listbox"],[role="slider"],[role="spinbutton"],' +
  '[role="radiogroup"],[role="menu"],[role="menubar"],[role="grid"],[role="tree"],[role="treegrid"],[role="tablist"],dialog';

/** True when arrow keys pressed on `target` belong to it rather than to the step navigation. */
export function ownsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  // isContentEditable also covers inherited editing; the attribute test covers engines without it (jsdom).
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  return target.closest(ARROW_WIDGETS) !== null;
}

/** Installs the window-wide arrow-key listener for as long as the calling component is mounted. */
export function useStepKeys(): void {
  const nextStep = useAppStore((s) => s.nextStep);
  const previousStep = useAppStore((s) => s.previousStep);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      // Modified arrows are the browser's and the screen reader's (Alt+← is "back").
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // A panel that used the key itself (a heatmap cell, say) marks it handled.
      if (event.defaultPrevented || ownsArrowKeys(event.target)) return;
      event.preventDefault();
      if (event.key === 'ArrowRight') nextStep();
      else previousStep();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [nextStep, previousStep]);
}
