// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/App';
import { useAppStore } from '../src/store/store';
import { resetStore } from './helpers/testStore';

describe('App', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore();
  });

  it('has the shell of the automation contract', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Attention Graph' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Sentence' })).toHaveValue('I love tennis.');
    expect(
      within(screen.getByRole('list', { name: 'Tokens' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['I', 'love', 'tennis', '.']);
    const steps = screen.getByRole('navigation', { name: 'Steps' });
    expect(within(steps).getByRole('button', { name: 'Previous step' })).toBeInTheDocument();
    expect(within(steps).getByRole('button', { name: 'Next step' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    for (const name of ['Heads', 'Model width', 'Weights', 'Head']) {
      expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
    }
    for (const name of ['Causal mask', 'Scale by √d_k', 'Positions', 'All heads']) {
      expect(screen.getByRole('checkbox', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Seed' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Temperature' })).toBeInTheDocument();
  });

  it('steps with the arrow keys from the page, not while typing', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('heading', { level: 2, name: '3 Score' })).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'Sentence' }));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(useAppStore.getState().step).toBe('score');
    expect(useAppStore.getState().text).toBe('I love tennis.');
  });
});
