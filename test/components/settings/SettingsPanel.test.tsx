// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../../src/components/settings/SettingsPanel';
import { parseSeed } from '../../../src/components/settings/SeedControl';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const settings = () => useAppStore.getState().settings;

describe('SettingsPanel', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('sets the model width, and says what narrow widths show', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const width = screen.getByRole('combobox', { name: 'Model width' });
    expect(width).toHaveValue('8');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['4', '8', '16', '32', '64', '100']),
    );
    expect(width).toHaveAccessibleDescription(
      expect.stringContaining('leading principal components'),
    );
    await user.selectOptions(width, '100');
    expect(settings().width).toBe(100);
    expect(width).toHaveAccessibleDescription(expect.stringContaining('GloVe’s own numbers'));
  });

  it('sets the number of heads, and the head shown', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const head = screen.getByRole('combobox', { name: 'Head' });
    const allHeads = screen.getByRole('checkbox', { name: 'All heads' });
    expect(head).toBeDisabled();
    expect(allHeads).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Heads' }), '4');
    expect(settings().heads).toBe(4);
    expect(screen.getByRole('combobox', { name: 'Heads' })).toHaveAccessibleDescription(
      /^Each head gets dk\s=\s2 numbers per token\.$/,
    );
    expect(head).toBeEnabled();
    await user.selectOptions(head, 'Head 3');
    expect(useAppStore.getState().head).toBe(2);
    await user.click(allHeads);
    expect(useAppStore.getState().allHeads).toBe(true);
  });

  it('toggles the causal mask, the scaling and the positions', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByRole('checkbox', { name: 'Causal mask' }));
    expect(settings().causal).toBe(true);
    const scale = screen.getByRole('checkbox', { name: 'Scale by √d_k' });
    // The name stays "Scale by √d_k" (the contract); the label shows d with a real subscript k.
    expect(document.querySelector(`label[for="${scale.id}"]`)?.innerHTML).toBe(
      'Scale by √d<sub>k</sub>',
    );
    await user.click(scale);
    expect(settings().scale).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Positions' }));
    expect(settings().positions).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Positions' })).not.toBeChecked();
  });

  it('sets the temperature and shows its value', () => {
    render(<SettingsPanel />);
    const slider = screen.getByRole('slider', { name: 'Temperature' });
    expect(slider).toHaveAttribute('min', '0.1');
    expect(slider).toHaveAttribute('max', '3');
    fireEvent.change(slider, { target: { value: '0.3' } });
    expect(settings().temperature).toBe(0.3);
    expect(screen.getByText('τ = 0.3')).toBeInTheDocument();
  });

  it('sets the weights preset, with a line on what it means', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const weights = screen.getByRole('combobox', { name: 'Weights' });
    expect(weights).toHaveValue('similarity');
    await user.selectOptions(weights, 'random');
    expect(settings().weights).toBe('random');
    expect(weights).toHaveAccessibleDescription(expect.stringContaining('before training'));
  });

  it('applies a valid seed as it is typed', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    expect(seed).toHaveValue('7');
    await user.clear(seed);
    await user.type(seed, '4294967295');
    expect(settings().seed).toBe(4294967295);
    expect(seed).toHaveAttribute('aria-invalid', 'false');
  });

  it('rejects a seed like "abc" with a message, keeping the typed text and the last valid seed', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, 'abc');
    expect(seed).toHaveValue('abc');
    expect(seed).toHaveAttribute('aria-invalid', 'true');
    expect(seed).toHaveAccessibleDescription(
      expect.stringContaining('must be a whole number from 0 to 4294967295'),
    );
    expect(settings().seed).toBe(7);
    await user.clear(seed);
    await user.paste('4294967296');
    expect(seed).toHaveValue('4294967296');
    expect(settings().seed).toBe(7);
    await user.clear(seed);
    await user.type(seed, '12');
    expect(settings().seed).toBe(12);
    expect(seed).toHaveAttribute('aria-invalid', 'false');
  });

  it('"New seed" picks a new valid seed and shows it', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.type(seed, 'x');
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    const chosen = settings().seed;
    expect(Number.isInteger(chosen) && chosen >= 0 && chosen <= 4294967295).toBe(true);
    // A collision with the old seed has odds of one in four billion.
    expect(chosen).not.toBe(7);
    expect(seed).toHaveValue(String(chosen));
    expect(seed).toHaveAttribute('aria-invalid', 'false');
  });

  it('parses seeds strictly', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('4294967295')).toBe(4294967295);
    for (const bad of ['', 'abc', '-1', '1.5', '1e3', '4294967296', '99999999999', '0x10']) {
      expect(parseSeed(bad)).toBeNull();
    }
  });
});
