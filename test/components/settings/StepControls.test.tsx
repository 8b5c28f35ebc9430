// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../src/components/settings/SettingsPanel';
import { StepControls } from '../../../src/components/settings/StepControls';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

/** The accessible names of the controls inside `root`. */
const names = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('select, input'), (el) => {
    const id = el.getAttribute('id');
    return (id && root.querySelector(`label[for="${id}"]`)?.textContent) ?? '';
  }).filter(Boolean);

describe('StepControls beside the settings panel', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('draws each step’s controls beside it, and the settings panel leaves exactly those out', () => {
    act(() => useAppStore.getState().setStep('softmax'));
    render(
      <>
        <StepControls />
        <SettingsPanel besideStep />
      </>,
    );
    const group = screen.getByRole('group', { name: 'What changes this step' });
    expect(names(group)).toEqual(['Temperature', 'Causal mask', 'Heads', 'Head']);
    // Every control once on the page: its name stays unique.
    for (const name of ['Causal mask', 'Heads', 'Scale by √d_k', 'Model width']) {
      expect(screen.getAllByLabelText(name, { exact: true })).toHaveLength(1);
    }
    act(() => useAppStore.getState().setStep('score'));
    // The label's text draws d_k as d with a subscript k.
    expect(names(screen.getByRole('group', { name: 'What changes this step' }))).toEqual([
      'Scale by √dk',
      'Heads',
      'Head',
    ]);
    expect(screen.getAllByLabelText('Causal mask', { exact: true })).toHaveLength(1);
  });

  it('draws nothing at Tokens, where the settings panel keeps every control', () => {
    act(() => useAppStore.getState().setStep('tokens'));
    render(
      <>
        <StepControls />
        <SettingsPanel besideStep />
      </>,
    );
    expect(screen.queryByRole('group', { name: 'What changes this step' })).toBeNull();
    expect(screen.getByLabelText('Heads', { exact: true })).toBeInTheDocument();
    expect(screen.getByLabelText('Temperature', { exact: true })).toBeInTheDocument();
  });
});
